// The bare React Flow page's build (bench/ui/bare.html), into the directory where the app was built with
// the project's own vite.config.ts: its own manifest (to tell its initial JS), and the graph data it
// renders, as a virtual module.
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import type { InlineConfig, Plugin } from "vite";

export const GRAPH_MODULE = "virtual:kube-hops-bench-graph";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** `graph` is JSON-serialisable data that bare.tsx imports as the default export of GRAPH_MODULE. */
export function benchViteConfig(o: { outDir: string; graph: unknown; manifest: string }): InlineConfig {
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
    base: "./",
    plugins: [react(), graphData],
    build: {
      outDir: o.outDir,
      emptyOutDir: false,
      manifest: o.manifest,
      rollupOptions: { input: { bare: `${ROOT}bench/ui/bare.html` } },
    },
  };
}
