import { describe, expect, it } from "vitest";
import { badCharacterMessage, excerpt, maskBadCharacters, nextBadCharacter } from "./text";

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
