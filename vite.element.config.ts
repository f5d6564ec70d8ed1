// The <kube-hops> element's own build: dist/kube-hops.js (the element, React and React Flow), its one
// stylesheet dist/kube-hops.css (linked from the element's shadow root, so a style-src 'self' policy
// allows it), and lazy chunks (the panels, the YAML editor, the words, the in-process engine) plus the
// simulation worker under dist/assets/. Run after the app's build (which empties dist/). Paths are
// relative to the script, so the files work from any base path.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: false,
    // One stylesheet for everything the element may show: a lazy chunk's CSS would be added to the host
    // document's head, where the shadow root does not see it.
    cssCodeSplit: false,
    // No <link rel=modulepreload> added to the host page's head.
    modulePreload: false,
    rollupOptions: {
      input: { "kube-hops": "src/embed/kube-hops.ts" },
      output: {
        entryFileNames: "kube-hops.js",
        chunkFileNames: "assets/kh-[name]-[hash].js",
        assetFileNames: (asset) =>
          asset.names.some((n) => n.endsWith(".css")) ? "kube-hops.css" : "assets/kh-[name]-[hash][extname]",
      },
    },
  },
});
