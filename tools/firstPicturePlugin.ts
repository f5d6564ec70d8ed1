// The default scenario's first picture, computed when the page is built: the graph draws it before the
// simulation worker has started, and the worker's own answer (the same cluster, for the same seed)
// replaces it moments later. A virtual module, so it can never be stale against the scenario or engine.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Plugin, runnerImport } from "vite";

type FirstPictureModule = typeof import("../src/worker/firstPicture");
const ENGINE_ENTRY = fileURLToPath(new URL("../src/worker/firstPicture.ts", import.meta.url));

export const FIRST_PICTURE_MODULE = "virtual:kube-hops-first-picture";
const RESOLVED = `\0${FIRST_PICTURE_MODULE}`;

export function firstPicturePlugin(scenario: URL, seed: number): Plugin {
  return {
    name: "kube-hops-first-picture",
    resolveId: (id) => (id === FIRST_PICTURE_MODULE ? RESOLVED : null),
    async load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile(scenario.pathname);
      // Loaded on demand through Vite's own module runner: the engine is needed only when a page that
      // draws the picture is built, and left out of the bundled config (whose loader would otherwise
      // list every extensionless import of the engine on each start).
      const { module, dependencies } = await runnerImport<FirstPictureModule>(ENGINE_ENTRY, {
        configFile: false,
        logLevel: "silent",
      });
      for (const file of dependencies) this.addWatchFile(file);
      const { firstPicture } = module;
      const yaml = readFileSync(scenario, "utf8");
      return `export default ${JSON.stringify(firstPicture(yaml, seed))};`;
    },
  };
}
