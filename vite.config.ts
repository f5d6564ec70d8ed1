import { readFileSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { firstPicturePlugin } from "./tools/firstPicturePlugin.ts";
import { offlinePlugin } from "./tools/offlinePlugin.ts";
import { preloadWordsPlugin } from "./tools/preloadWordsPlugin.ts";

// The Content-Security-Policy is written once, in index.html's meta tag. `vite preview` (the production
// build, as the browser tests see it) also sends it as a header, so that the worker's own scope runs
// under it: a meta policy reaches only the page.
const CSP = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
  readFileSync(new URL("./index.html", import.meta.url), "utf8"),
)?.[1];
if (!CSP) throw new Error("index.html has no Content-Security-Policy meta tag");

export default defineConfig({
  // Relative asset paths: the build works as static files under any base path (/, /kube-hops/, a CDN
  // folder) without rebuilding.
  base: "./",
  plugins: [
    react(),
    firstPicturePlugin(new URL("./scenarios/default.yaml", import.meta.url), 1),
    offlinePlugin(new URL("./public/", import.meta.url)),
    preloadWordsPlugin(),
  ],
  server: { port: 5173, open: false },
  // The main chunk (React, React Flow, the app) is about 530 kB minified, 170 kB gzipped; bench:ui watches
  // its gzipped size against the budget, so Rollup's generic 500 kB note would only be noise.
  build: {
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      // The first-picture plugin runs the engine on the default scenario while building (about 2 s, by
      // design): the bundler's note on slow plugin callbacks would flag it on every build.
      checks: { bundlerTimings: false },
      output: {
        // Everything the page runs before its first frame in one chunk. Left to itself, the bundler cuts
        // out each small module that a lazy chunk shares with the start (ids, selectors, contexts...):
        // 15 extra requests queued six at a time, before anything can run. The service worker is a
        // separate entry and stays whole.
        codeSplitting: {
          groups: [
            {
              name: "index",
              tags: ["$initial"],
              test: (id) => !/[\\/]src[\\/]offline[\\/]serviceWorker\.ts$/.test(id),
            },
          ],
        },
      },
    },
  },
  // Only the app's page is scanned for dependencies to pre-bundle: bench/ui/bare.html imports a module
  // that exists only in the benchmark's own build.
  optimizeDeps: { entries: ["index.html"] },
  preview: { headers: { "Content-Security-Policy": CSP } },
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts", "tools/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
  },
});
