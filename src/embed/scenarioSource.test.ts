import { describe, expect, it } from "vitest";
import { dedent, MAX_SCENARIO_KB, readScenario } from "./scenarioSource";

const at = (p: Partial<Parameters<typeof readScenario>[0]>) => ({
  attribute: null,
  inline: null,
  src: null,
  base: "https://blog.example/post/",
  ...p,
});
const serve =
  (body: string, init: ResponseInit = {}): typeof fetch =>
  async () =>
    new Response(body, init);

describe("a <kube-hops> element's scenario", () => {
  it("takes the attribute first, then the inline script, then the URL", async () => {
    const never: typeof fetch = () => Promise.reject(new Error("not fetched"));
    await expect(
      readScenario(at({ attribute: "a: 1\n", inline: "b: 2", src: "x.yaml" }), never),
    ).resolves.toEqual({
      ok: true,
      text: "a: 1\n",
    });
    await expect(readScenario(at({ inline: "\n    b: 2\n", src: "x.yaml" }), never)).resolves.toEqual({
      ok: true,
      text: "b: 2\n",
    });
    await expect(readScenario(at({ src: "x.yaml" }), serve("c: 3\n"))).resolves.toEqual({
      ok: true,
      text: "c: 3\n",
    });
  });

  it("resolves a relative src against the page", async () => {
    let asked = "";
    const f: typeof fetch = async (u) => {
      asked = String(u);
      return new Response("k: v\n");
    };
    await readScenario(at({ src: "../s/web.yaml" }), f);
    expect(asked).toBe("https://blog.example/s/web.yaml");
  });

  it("says nothing was given when there is no attribute, script or src", async () => {
    await expect(readScenario(at({ inline: "   \n" }))).resolves.toEqual({ ok: true, text: null });
  });

  it("turns a failed fetch, an error status and a web page into phrases naming the URL", async () => {
    const down: typeof fetch = () => Promise.reject(new TypeError("Failed to fetch"));
    await expect(readScenario(at({ src: "https://x.example/a.yaml" }), down)).resolves.toEqual({
      ok: false,
      problem: {
        key: "embed.error.fetch",
        params: { url: "https://x.example/a.yaml", reason: "Failed to fetch" },
      },
    });
    const r404 = await readScenario(at({ src: "a.yaml" }), serve("no", { status: 404 }));
    expect(r404).toEqual({
      ok: false,
      problem: {
        key: "embed.error.status",
        params: { url: "https://blog.example/post/a.yaml", status: 404 },
      },
    });
    const html = await readScenario(
      at({ src: "a.yaml" }),
      serve("<!doctype html>", { headers: { "content-type": "text/html; charset=utf-8" } }),
    );
    expect(html.ok || html.problem.key).toBe("embed.error.html");
  });

  it("refuses a scenario over the size limit, from the attribute or the network, without reading it all", async () => {
    const big = "x".repeat(MAX_SCENARIO_KB * 1024 + 1);
    const tooLarge = {
      ok: false,
      problem: { key: "embed.error.tooLarge", params: { limit: MAX_SCENARIO_KB } },
    };
    await expect(readScenario(at({ attribute: big }))).resolves.toEqual(tooLarge);
    await expect(readScenario(at({ src: "a.yaml" }), serve(big))).resolves.toEqual(tooLarge);
  });
});

describe("inline YAML", () => {
  it("loses the page's indentation and its blank ends, keeping YAML's own", () => {
    expect(dedent("\n      a:\n        b: 1\n\n      c: 2\n    ")).toBe("a:\n  b: 1\n\nc: 2\n");
  });
});
