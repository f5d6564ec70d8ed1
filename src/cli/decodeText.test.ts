import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeText, firstInvalidUTF8, InputError } from "./decodeText";

const bytes = (...b: number[]) => Uint8Array.from(b);
const refusal = (b: Uint8Array) => {
  try {
    decodeText(b, "f.yaml");
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  return null;
};

describe("decodeText", () => {
  it("finds the first invalid byte exactly where the WHATWG decoder stops", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (b) => {
        let valid = true;
        try {
          strict.decode(b);
        } catch {
          valid = false;
        }
        expect(firstInvalidUTF8(b) === -1).toBe(valid);
        if (!valid) expect(() => strict.decode(b.subarray(0, firstInvalidUTF8(b)))).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });

  it("refuses overlong forms, surrogates and code points past U+10FFFF", () => {
    expect(firstInvalidUTF8(bytes(0x61, 0xc0, 0xaf))).toBe(1);
    expect(firstInvalidUTF8(bytes(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUTF8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUTF8(bytes(0xe2, 0x82))).toBe(0);
  });

  it("keeps a UTF-8 byte order mark, as reading with readFileSync did", () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61), "f.yaml")).toBe("\ufeffa");
  });

  it("names the line and the character column of invalid UTF-8", () => {
    expect(refusal(new TextEncoder().encode("a: 1\nb: ü\n").map((c) => (c === 0xbc ? 0xff : c)))).toBe(
      "f.yaml:2:4: not valid UTF-8 (byte 0xc3 at offset 8); save the file as UTF-8",
    );
    expect(refusal(Uint8Array.from([...new TextEncoder().encode("ü: "), 0xff]))).toMatch(/^f\.yaml:1:4: /);
  });

  it("reads UTF-16 that starts with its byte order mark, either way round", () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x61, 0, 0x3a, 0), "f.yaml")).toBe("a:");
    expect(decodeText(bytes(0xfe, 0xff, 0, 0x61, 0, 0x3a), "f.yaml")).toBe("a:");
  });

  it("tells UTF-16 without a byte order mark and UTF-32 from binary", () => {
    expect(refusal(bytes(0xff, 0xfe, 0, 0, 0x61, 0, 0, 0))).toContain("UTF-32");
    expect(refusal(bytes(0, 0x61, 0, 0x3a, 0, 0x20, 0, 0x31))).toContain("UTF-16");
    expect(refusal(bytes(0x61, 0x3a, 0x0a, 0x20, 0))).toBe(
      "f.yaml:2:2: a NUL byte: the file looks binary, not text; Kube Hops reads YAML or JSON saved as UTF-8",
    );
    expect(refusal(new Uint8Array(100))).toContain("f.yaml:1:1: a NUL byte");
  });
});
