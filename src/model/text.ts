// Manifest text as YAML allows it: the characters it refuses, and short excerpts for messages, so that
// no message echoes kilobytes of someone's input back.

/**
 * What YAML calls printable (c-printable), which go-yaml's reader enforces before anything else:
 * tab, line feed, carriage return, the printable ASCII range, NEL, and the rest of Unicode but for
 * C1 controls, surrogates, U+FFFE and U+FFFF. With the `u` flag an unpaired surrogate matches too.
 */
const NOT_PRINTABLE = /[^\t\n\r\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text decoded with surrogateescape (as Python does) holds a byte that was not UTF-8 as U+DC80 + byte. */
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

/** At most `max` characters of s, cut with an ellipsis: for messages about long input. */
export function excerpt(s: string, max: number): string {
  if (s.length <= max) return s;
  // Do not split a surrogate pair.
  const cut = /[\uD800-\uDBFF]/.test(s[max - 1] ?? "") ? max - 1 : max;
  return `${s.slice(0, cut)}…`;
}
