// The bench-only build: the real app (index.html) and a bare React Flow page (bench/ui/bare.html) in one
// production build, into a directory of the bench's own choosing. The project's vite.config.ts is left as
// it is; this adds the second entry, a manifest (to tell the initial JS from lazy chunks) and the graph
// data the bare page renders, as a virtual module.
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import type { InlineConfig, Plugin } from "vite";
import { firstPicturePlugin } from "../../tools/firstPicturePlugin";

export const GRAPH_MODULE = "virtual:kube-hops-bench-graph";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** `graph` is JSON-serialisable data that bare.tsx imports as the default export of GRAPH_MODULE. */
export function benchViteConfig(o: { outDir: string; graph: unknown }): InlineConfig {
  const resolved = `\0${GRAPH_MODULE}`;
  const graphData: Plugin = {
    name: "kube-hops-bench-graph",
    resolveId: (id) => (id === GRAPH_MODULE ? resolved : null),
    load: (id) => (id === resolved ? `export default ${JSON.stringify(o.graph)};` : null),
  };
  return {
    configFile: false,
    root: ROOT,
    logLevel: "warn",
    // As the project's own config does: the default scenario's first picture is computed at build time.
    plugins: [
      react(),
      graphData,
      firstPicturePlugin(new URL("../../scenarios/default.yaml", import.meta.url), 1),
    ],
    build: {
      outDir: o.outDir,
      emptyOutDir: true,
      manifest: true,
      rollupOptions: {
        input: { app: `${ROOT}index.html`, bare: `${ROOT}bench/ui/bare.html` },
      },
    },
  };
}
