// The English message table is a chunk of its own (the words never weigh on the entry's JS), yet every
// page needs it before its first render: English is every table's fallback. A <link rel=modulepreload>
// lets the browser fetch and compile it alongside the entry, instead of after the entry has run.
import type { Plugin } from "vite";

const ENGLISH = /[\\/]src[\\/]i18n[\\/]en[\\/]index\.ts$/;

export function preloadWordsPlugin(): Plugin {
  return {
    name: "kube-hops-preload-words",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === "chunk" && ENGLISH.test(c.facadeModuleId ?? ""),
        );
        if (!chunk) throw new Error("the build has no chunk for src/i18n/en/index.ts");
        return [
          {
            tag: "link",
            attrs: { rel: "modulepreload", crossorigin: true, href: `./${chunk.fileName}` },
            injectTo: "head",
          },
        ];
      },
    },
  };
}
