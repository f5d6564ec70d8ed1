import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, readTextFile } from "./openFile";

const blob = (bytes: number[] | Uint8Array) => new Blob([new Uint8Array(bytes)]);

describe("reading an opened or dropped file", () => {
  it("reads UTF-8 text", async () => {
    expect(await readTextFile(new Blob(["kind: List\n# 한국어\n"]))).toEqual({
      ok: true,
      text: "kind: List\n# 한국어\n",
    });
  });

  it("reads UTF-16 that starts with its byte order mark (PowerShell's kubectl ... > file)", async () => {
    const text = "kind: List\n";
    const le = [0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])];
    expect(await readTextFile(blob(le))).toEqual({ ok: true, text });
  });

  it("refuses a binary file (a NUL byte) instead of parsing it", async () => {
    expect(await readTextFile(blob([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toEqual({
      ok: false,
      problem: "binary",
    });
  });

  it("refuses text that is not valid UTF-8 rather than replacing the bytes", async () => {
    expect(await readTextFile(blob([0x6b, 0x69, 0x6e, 0x64, 0xe9, 0x0a]))).toEqual({
      ok: false,
      problem: "encoding",
    });
  });

  it("refuses a file past the limit by its size, without reading it", async () => {
    const huge = {
      size: MAX_FILE_BYTES + 1,
      arrayBuffer: () => Promise.reject(new Error("read")),
    } as unknown as Blob;
    expect(await readTextFile(huge)).toEqual({ ok: false, problem: "tooLarge" });
  });
});
