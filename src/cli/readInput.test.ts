import { describe, expect, it } from "vitest";
import { InputError } from "./decodeText";
import { readInputs, reason } from "./readInput";

/** Standard input that never ends, counting what was read from it. */
function endless(chunk: Uint8Array) {
  const seen = { bytes: 0 };
  const stdin = async function* () {
    for (;;) {
      seen.bytes += chunk.length;
      yield chunk;
    }
  };
  return { stdin, seen };
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error("not refused");
};

describe("readInputs", () => {
  it("stops reading endless text at 32 MB", async () => {
    const { stdin, seen } = endless(new TextEncoder().encode("# x\n".repeat(16384)));
    expect(await refusal(readInputs(["-"], stdin))).toBe(
      "standard input is larger than 32 MB: Kube Hops reads files up to 32 MB",
    );
    expect(seen.bytes).toBeLessThanOrEqual(32 * 1024 * 1024 + 65536);
  });

  it("stops reading at the first NUL byte", async () => {
    const { stdin, seen } = endless(new Uint8Array(4096));
    expect(await refusal(readInputs(["-"], stdin))).toContain("standard input:1:1: a NUL byte");
    expect(seen.bytes).toBe(4096);
  });

  it("reads a path named twice once", async () => {
    const { stdin } = endless(new TextEncoder().encode("a: 1\n"));
    const texts = await readInputs(["package.json", "package.json"], stdin);
    expect([...texts.keys()]).toEqual(["package.json"]);
  });

  it("says why a file could not be read in words", () => {
    expect(reason(Object.assign(new Error("EACCES: permission denied, open 'x'"), { code: "EACCES" }))).toBe(
      "permission denied",
    );
    expect(reason(Object.assign(new Error("x"), { code: "EIO" }))).toBe("EIO");
  });
});
