import { describe, expect, it } from "vitest";
import type { IndexHtmlTransformContext, IndexHtmlTransformHook } from "vite";
import { preloadWordsPlugin } from "./preloadWordsPlugin";

const run = (bundle: Record<string, unknown>) => {
  const { handler } = preloadWordsPlugin().transformIndexHtml as { handler: IndexHtmlTransformHook };
  return handler.call({} as ThisParameterType<IndexHtmlTransformHook>, "<html></html>", {
    bundle,
  } as unknown as IndexHtmlTransformContext);
};

describe("preloadWordsPlugin", () => {
  it("adds a modulepreload link for the English table's chunk", () => {
    const tags = run({
      "assets/en-abc.js": {
        type: "chunk",
        fileName: "assets/en-abc.js",
        facadeModuleId: "/p/src/i18n/en/index.ts",
      },
      "assets/ko-def.js": {
        type: "chunk",
        fileName: "assets/ko-def.js",
        facadeModuleId: "/p/src/i18n/ko/index.ts",
      },
    });
    expect(tags).toEqual([
      {
        tag: "link",
        attrs: { rel: "modulepreload", crossorigin: true, href: "./assets/en-abc.js" },
        injectTo: "head",
      },
    ]);
  });
  it("fails the build when the English table is no chunk of its own", () => {
    expect(() => run({})).toThrow(/src\/i18n\/en\/index\.ts/);
  });
});
