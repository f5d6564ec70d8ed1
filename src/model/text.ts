// Manifest text as YAML allows it: the characters it refuses, bytes turned into text, and short
// excerpts for messages, so that no message echoes kilobytes of someone's input back.

/**
 * What YAML calls printable (c-printable), which go-yaml's reader enforces before anything else:
 * tab, line feed, carriage return, the printable ASCII range, NEL, and the rest of Unicode but for
 * C1 controls, surrogates, U+FFFE and U+FFFF. With the `u` flag an unpaired surrogate matches too.
 */
const NOT_PRINTABLE = /[^\t\n\r\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** decodeManifestBytes keeps a byte that is not UTF-8 as U+DC80 + byte, as Python's surrogateescape. */
const ESCAPED_BYTE_BASE = 0xdc00;

/** The first character YAML refuses at or after `from` (Infinity when none). */
export function nextBadCharacter(text: string, from: number): number {
  NOT_PRINTABLE.lastIndex = from;
  const m = NOT_PRINTABLE.exec(text);
  return m ? m.index : Infinity;
}

/** The same text with every character YAML refuses replaced by U+FFFD: same length, same offsets. */
export function maskBadCharacters(text: string): string {
  return text.replace(NOT_PRINTABLE, "\uFFFD");
}

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, "0");

/** Why the character at `offset` is refused, in go-yaml's words where it has some. */
export function badCharacterMessage(text: string, offset: number): string {
  const c = text.charCodeAt(offset);
  if (c >= 0xdc80 && c <= 0xdcff)
    return `invalid UTF-8: byte 0x${hex(c - ESCAPED_BYTE_BASE, 2)} is not part of a UTF-8 character (save the file as UTF-8)`;
  if (c >= 0xd800 && c <= 0xdfff) return `invalid Unicode: unpaired surrogate U+${hex(c, 4)}`;
  return `control characters are not allowed: found U+${hex(c, 4)}`;
}

/**
 * Bytes to text for the YAML reader. UTF-8, with or without a byte order mark; UTF-16 when a byte
 * order mark says so (go-yaml reads it too). A byte that is not UTF-8 is kept as an unpaired surrogate
 * (U+DC80 + byte), which the reader then reports at its line instead of silently replacing it.
 */
export function decodeManifestBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 2, true);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 2, false);
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return utf8(bytes, start);
}

function utf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const parts: string[] = [];
  let units: number[] = [];
  for (let i = start; i + 1 < bytes.length; i += 2) {
    units.push(littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
    if (units.length === 8192) {
      parts.push(String.fromCharCode(...units));
      units = [];
    }
  }
  parts.push(String.fromCharCode(...units));
  // An odd trailing byte is not UTF-16: keep it visible to the reader.
  if ((bytes.length - start) % 2)
    parts.push(String.fromCharCode(ESCAPED_BYTE_BASE + bytes[bytes.length - 1]!));
  return parts.join("");
}

/** A strict UTF-8 decoder (no overlongs, no surrogates, nothing above U+10FFFF). */
function utf8(bytes: Uint8Array, start: number): string {
  const parts: string[] = [];
  let units: number[] = [];
  const flush = () => {
    parts.push(String.fromCharCode(...units));
    units = [];
  };
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let cp = -1;
    let len = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b <= 0xdf) [cp, len] = sequence(bytes, i, 2, b & 0x1f, 0x80, 0xbf);
    else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      [cp, len] = sequence(bytes, i, 3, b & 0x0f, lo, hi);
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      [cp, len] = sequence(bytes, i, 4, b & 0x07, lo, hi);
    }
    if (cp < 0) {
      units.push(ESCAPED_BYTE_BASE + b);
      i += 1;
    } else {
      if (cp >= 0x10000) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
      else units.push(cp);
      i += len;
    }
    if (units.length >= 8192) flush();
  }
  flush();
  return parts.join("");
}

/** A multi-byte sequence at i: [code point, length], or [-1, 1] when it is not well formed. */
function sequence(
  bytes: Uint8Array,
  i: number,
  len: number,
  lead: number,
  secondLo: number,
  secondHi: number,
): [number, number] {
  if (i + len > bytes.length) return [-1, 1];
  let cp = lead;
  for (let k = 1; k < len; k++) {
    const c = bytes[i + k]!;
    const [lo, hi] = k === 1 ? [secondLo, secondHi] : [0x80, 0xbf];
    if (c < lo || c > hi) return [-1, 1];
    cp = (cp << 6) | (c & 0x3f);
  }
  return [cp, len];
}

/** At most `max` characters of s, cut with an ellipsis: for messages about long input. */
export function excerpt(s: string, max: number): string {
  if (s.length <= max) return s;
  // Do not split a surrogate pair.
  const cut = /[\uD800-\uDBFF]/.test(s[max - 1] ?? "") ? max - 1 : max;
  return `${s.slice(0, cut)}…`;
}
