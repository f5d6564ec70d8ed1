import { describe, expect, it } from "vitest";
import {
  badCharacterMessage,
  decodeManifestBytes,
  excerpt,
  maskBadCharacters,
  nextBadCharacter,
} from "./text";

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeManifestBytes", () => {
  it("decodes UTF-8, including characters outside the BMP", () => {
    const s = "kind: Pod # café 한국어 🙂\n";
    expect(decodeManifestBytes(utf8(s))).toBe(s);
  });
  it("drops a UTF-8 byte order mark", () => {
    expect(decodeManifestBytes(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe("a");
  });
  it("keeps a byte that is not UTF-8 as an escaped surrogate instead of replacing it", () => {
    expect(decodeManifestBytes(bytes(0x63, 0x61, 0x66, 0xe9, 0x0a))).toBe("caf\uDCE9\n");
  });
  it("refuses overlong forms, encoded surrogates and truncated sequences byte by byte", () => {
    expect(decodeManifestBytes(bytes(0xc0, 0xaf))).toBe("\uDCC0\uDCAF");
    expect(decodeManifestBytes(bytes(0xed, 0xa0, 0x80))).toBe("\uDCED\uDCA0\uDC80");
    expect(decodeManifestBytes(bytes(0x61, 0xe2, 0x82))).toBe("a\uDCE2\uDC82");
  });
  it("decodes UTF-16 when its byte order mark says so", () => {
    expect(decodeManifestBytes(bytes(0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00))).toBe("a:");
    expect(decodeManifestBytes(bytes(0xfe, 0xff, 0x00, 0x61, 0x00, 0x3a))).toBe("a:");
  });
  it("turns UTF-16 without a byte order mark into NUL characters the reader refuses", () => {
    const text = decodeManifestBytes(bytes(0x61, 0x00, 0x3a, 0x00));
    expect(nextBadCharacter(text, 0)).toBe(1);
  });
});

describe("characters YAML refuses", () => {
  it("allows tab, newlines, printable text and emoji", () => {
    expect(nextBadCharacter("a\tb\r\nc é 🙂 \u0085\uFEFF", 0)).toBe(Infinity);
  });
  it("finds control characters, DEL, C1 controls and unpaired surrogates from an offset", () => {
    const text = "ok\u0001 \u007F \u009B \uD800 \uDCFF";
    const found: number[] = [];
    for (let i = nextBadCharacter(text, 0); i !== Infinity; i = nextBadCharacter(text, i + 1)) found.push(i);
    expect(found).toEqual([2, 4, 6, 8, 10]);
  });
  it("masks them without moving any offset", () => {
    expect(maskBadCharacters("a\u0000b\uD800")).toBe("a\uFFFDb\uFFFD");
  });
  it("says what each one is", () => {
    expect(badCharacterMessage("\u0000", 0)).toBe("control characters are not allowed: found U+0000");
    expect(badCharacterMessage("\uDCFF", 0)).toMatch(/^invalid UTF-8: byte 0xFF /);
    expect(badCharacterMessage("\uD800", 0)).toBe("invalid Unicode: unpaired surrogate U+D800");
  });
});

describe("excerpt", () => {
  it("keeps a short text whole and cuts a long one with an ellipsis", () => {
    expect(excerpt("abc", 3)).toBe("abc");
    expect(excerpt("abcd", 3)).toBe("abc…");
  });
  it("does not split a surrogate pair", () => {
    expect(excerpt("ab🙂cd", 3)).toBe("ab…");
  });
});
