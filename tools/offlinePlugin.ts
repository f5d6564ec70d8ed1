// The build's offline copy: emits src/offline/serviceWorker.ts as sw.js beside index.html and writes into
// it the list of every file the build produced (and public/'s), led by a version drawn from their names
// and index.html, so each build caches under a name of its own.
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import type { Plugin } from "vite";

const SW_SOURCE = "src/offline/serviceWorker.ts";
const SW_FILE = "sw.js";
const PLACEHOLDER = "PRECACHE_PLACEHOLDER";

export function offlinePlugin(publicDir: URL): Plugin {
  return {
    name: "kube-hops-offline",
    apply: "build",
    // After vite:build-html, so that index.html is in the bundle.
    enforce: "post",
    buildStart() {
      this.emitFile({ type: "chunk", id: SW_SOURCE, fileName: SW_FILE });
    },
    generateBundle(_options, bundle) {
      const sw = bundle[SW_FILE];
      if (!sw || sw.type !== "chunk") return this.error(`${SW_FILE} was not emitted`);
      const built = Object.keys(bundle).filter((f) => f !== SW_FILE && !f.endsWith(".map"));
      const files = [...built, ...listPublic(publicDir)].sort();
      const hash = createHash("sha256");
      for (const f of files) hash.update(f);
      const index = bundle["index.html"];
      if (index?.type === "asset") hash.update(index.source);
      const list = [hash.digest("hex").slice(0, 12), ...files.map((f) => `./${f}`)];
      // The placeholder sits inside a JSON.parse string: write the list as JSON, escaped as that string.
      const literal = JSON.stringify(JSON.stringify(list)).slice(1, -1);
      if (!sw.code.includes(PLACEHOLDER)) return this.error(`${SW_FILE} lost its ${PLACEHOLDER}`);
      sw.code = sw.code.replace(PLACEHOLDER, literal);
    },
  };
}

function listPublic(dir: URL): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) =>
        `${e.parentPath.slice(dir.pathname.length).replace(/^\/|\/$/g, "")}/${e.name}`.replace(/^\//, ""),
      );
  } catch {
    return []; // no public/ folder
  }
}
