// Input files are UTF-8 text, or UTF-16 that says so with a byte order mark (what Windows PowerShell's
// `kubectl ... > file.yaml` writes). Binary files, UTF-32 and UTF-16 without a byte order mark are
// refused with a message that says so, instead of being parsed as YAML and echoed back as kilobytes of
// garbage; invalid UTF-8 is refused at its line instead of being silently replaced.

/** A file the CLI cannot read as UTF-8 text; the message names the file (and the line, where there is one). */
export class InputError extends Error {}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The text of `bytes`, read from the file shown as `name`; throws InputError for anything but UTF-8. */
export function decodeText(bytes: Uint8Array, name: string): string {
  const marked = utf16ByBOM(bytes);
  if (marked) {
    try {
      return new TextDecoder(marked, { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(`${name} starts as UTF-16 text but is not valid UTF-16; save it as UTF-8`);
    }
  }
  const encoding = wideEncoding(bytes);
  if (encoding) throw new InputError(`${name} looks like ${encoding} text; save it as UTF-8`);
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new InputError(
      `${name}:${where(bytes, nul)}: a NUL byte: the file looks binary, not text; Kube Hops reads YAML or JSON saved as UTF-8`,
    );
  try {
    // ignoreBOM keeps a UTF-8 byte order mark in the text, as the YAML parser has always received it.
    return UTF8.decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUTF8(bytes));
    throw new InputError(
      `${name}:${where(bytes, at)}: not valid UTF-8 (byte 0x${bytes[at]!.toString(16).padStart(2, "0")} at offset ${at}); save the file as UTF-8`,
    );
  }
}

/** UTF-16 announced by its byte order mark (not UTF-32's, which starts with the same two bytes). */
function utf16ByBOM(b: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (b[0] === 0xff && b[1] === 0xfe && !(b[2] === 0 && b[3] === 0)) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return null;
}

/** UTF-16 or UTF-32, from a byte order mark or from NUL bytes between ASCII letters. */
function wideEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xff && b[1] === 0xfe) return b[2] === 0 && b[3] === 0 ? "UTF-32" : "UTF-16";
  if (b[0] === 0xfe && b[1] === 0xff) return "UTF-16";
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return "UTF-32";
  const pairs = Math.min(b.length, 4096) >> 1;
  if (pairs === 0) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (b[i] === 0) zeroEven++;
    if (b[i + 1] === 0) zeroOdd++;
  }
  // ASCII in UTF-16: every other byte is zero, the bytes between them are not.
  const wide = (zeros: number, others: number) => zeros >= pairs * 0.6 && others <= pairs * 0.05;
  return wide(zeroOdd, zeroEven) || wide(zeroEven, zeroOdd) ? "UTF-16" : null;
}

/** `LINE:COLUMN` (both from 1; the column counts characters) of the byte at `offset`. */
function where(bytes: Uint8Array, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return `${line}:${before.length + 1}`;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUTF8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined) return i;
      if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return i;
    }
    i += n + 1;
  }
  return -1;
}
