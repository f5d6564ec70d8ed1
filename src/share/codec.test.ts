import { describe, expect, it } from "vitest";
import {
  fromBase64Url,
  LINK_PAYLOAD_LIMIT,
  LINK_TEXT_LIMIT,
  packText,
  toBase64Url,
  unpackText,
} from "./codec";

/** Raw deflate of `bytes`, as an attacker would make it (no size check on this side). */
async function deflate(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe("packText / unpackText", () => {
  it("gives back the same text, Korean and emoji included", async () => {
    const text = "kind: Service # 서비스 🚀\n".repeat(50);
    expect(await unpackText(await packText(text))).toEqual({ ok: true, text });
  });

  it("writes only characters a URL fragment keeps as they are", async () => {
    const packed = await packText("apiVersion: v1\n".repeat(200) + String.fromCharCode(...Array(256).keys()));
    expect(packed).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("says a cut-short payload is damaged", async () => {
    const packed = await packText("metadata:\n  name: web\n".repeat(300));
    expect(await unpackText(packed.slice(0, Math.floor(packed.length / 2)))).toEqual({
      ok: false,
      problem: "damaged",
    });
  });

  it("says valid base64url that is not deflate is damaged", async () => {
    expect(await unpackText(toBase64Url(new TextEncoder().encode("just some words, not deflate")))).toEqual({
      ok: false,
      problem: "damaged",
    });
  });

  it("says characters outside base64url are not an encoded payload", async () => {
    expect(await unpackText("<script>alert(1)</script>")).toEqual({ ok: false, problem: "notEncoded" });
  });

  it("says a length no encoder makes (4n+1 characters) is not an encoded payload", async () => {
    expect(await unpackText("abcde")).toEqual({ ok: false, problem: "notEncoded" });
  });

  it("refuses a payload past the length limit without reading it", async () => {
    expect(await unpackText("A".repeat(LINK_PAYLOAD_LIMIT + 1))).toEqual({ ok: false, problem: "tooLong" });
  });

  it("refuses text that inflates past the limit", async () => {
    const packed = await deflate(new TextEncoder().encode("x".repeat(LINK_TEXT_LIMIT + 1)));
    expect(await unpackText(packed)).toEqual({ ok: false, problem: "tooLarge" });
  });

  it("takes text exactly at the limit", async () => {
    const packed = await deflate(new TextEncoder().encode("x".repeat(LINK_TEXT_LIMIT)));
    expect((await unpackText(packed)).ok).toBe(true);
  });

  it("stops a compression bomb (200 MB of zeros in a few hundred KB) within a second", async () => {
    const bomb = await deflate(new Uint8Array(200_000_000));
    expect(bomb.length).toBeLessThan(LINK_PAYLOAD_LIMIT * 2);
    // Within the length limit, as an attacker would send it.
    const within = bomb.slice(0, LINK_PAYLOAD_LIMIT);
    const t0 = performance.now();
    const r = await unpackText(within);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(r).toEqual({ ok: false, problem: "tooLarge" });
  });

  it("says bytes that are not UTF-8 are not text", async () => {
    expect(await unpackText(await deflate(new Uint8Array([0xff, 0xfe, 0xc3])))).toEqual({
      ok: false,
      problem: "notText",
    });
  });
});

describe("base64url", () => {
  it("round-trips every byte value", () => {
    const bytes = new Uint8Array([...Array(256).keys()]);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  it("tolerates padding a mail program or editor may add", () => {
    expect(fromBase64Url("YQ==")).toEqual(new Uint8Array([97]));
  });
});
