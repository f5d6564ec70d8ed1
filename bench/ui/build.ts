// The production builds the bench serves from one directory: the app exactly as it ships (the project's
// vite.config.ts), the bare React Flow page beside it (its own manifest), and the <kube-hops> element.
// Gzipped sizes are read from the manifests: the initial JS of a page is its entry chunk and the chunks it
// imports statically (what the HTML loads or modulepreloads); dynamic imports (the YAML editor, the
// in-process fallback) and the worker are counted apart.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { benchViteConfig } from "./vite.bench.config";

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

const kb = (b: number) => Math.round(b / 102.4) / 10;

const BARE_MANIFEST = ".vite/bare-manifest.json";

/** The app, then the bare page and the element into the same directory (their files do not collide). */
export async function buildPages(outDir: string, graph: unknown): Promise<{ buildMs: number }> {
  const t0 = performance.now();
  await build({
    configFile: fileURLToPath(new URL("../../vite.config.ts", import.meta.url)),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  await build(benchViteConfig({ outDir, graph, manifest: BARE_MANIFEST }));
  await buildElement(outDir);
  return { buildMs: Math.round(performance.now() - t0) };
}

/** The <kube-hops> element's own build (vite.element.config.ts), beside the app's in `outDir`. */
export async function buildElement(outDir: string): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL("../../vite.element.config.ts", import.meta.url)),
    logLevel: "warn",
    build: { outDir, emptyOutDir: false },
  });
}

/** What a page with a <kube-hops> loads: the script, its stylesheet, then the playground on connect. */
export function elementSizes(outDir: string) {
  const size = (file: string): ChunkSize => {
    const buf = readFileSync(join(outDir, file));
    return { file, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
  };
  const playground = readdirSync(join(outDir, "assets"))
    .filter((f) => /^kh-mountEmbed-.*\.js$/.test(f))
    .map((f) => size(`assets/${f}`));
  return {
    scriptGzipKB: kb(size("kube-hops.js").gzipBytes),
    stylesheetGzipKB: kb(size("kube-hops.css").gzipBytes),
    playgroundOnConnectGzipKB: kb(playground.reduce((a, f) => a + f.gzipBytes, 0)),
  };
}

const readManifest = (outDir: string, file: string) =>
  JSON.parse(readFileSync(join(outDir, file), "utf8")) as Manifest;

export function sizes(outDir: string) {
  const manifest = readManifest(outDir, ".vite/manifest.json");
  const size = (file: string): ChunkSize => {
    const buf = readFileSync(join(outDir, file));
    return { file, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
  };
  /** The static import closure of a manifest key. */
  const closure = (key: string, m: Manifest, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const k of m[key]?.imports ?? []) closure(k, m, seen);
    return seen;
  };
  const total = (files: ChunkSize[]) => ({
    kb: kb(files.reduce((a, f) => a + f.bytes, 0)),
    gzipKB: kb(files.reduce((a, f) => a + f.gzipBytes, 0)),
    files,
  });
  const initialOf = (html: string, m: Manifest) => {
    const entry = Object.keys(m).find((key) => key === html || key.endsWith(`/${html}`));
    if (!entry) throw new Error(`no ${html} in the build manifest`);
    const keys = closure(entry, m);
    const js = [...keys].map((k) => size(m[k]!.file));
    const css = [...new Set([...keys].flatMap((k) => m[k]!.css ?? []))].map(size);
    return { keys, js: total(js), css: total(css) };
  };
  const app = initialOf("index.html", manifest);
  const bare = initialOf("bench/ui/bare.html", readManifest(outDir, BARE_MANIFEST));
  // Lazy chunks of the app: dynamic entries reachable from it, with what they add beyond the initial set.
  const lazyKeys = Object.keys(manifest).filter((k) => manifest[k]!.isDynamicEntry);
  const lazy = lazyKeys.map((k) => {
    const extra = [...closure(k, manifest)]
      .filter((x) => !app.keys.has(x))
      .map((x) => size(manifest[x]!.file));
    return { src: manifest[k]!.src ?? k, ...total(extra) };
  });
  const editor = lazy.find((l) => /editor/i.test(l.src)) ?? null;
  // Workers are emitted as assets, outside the manifest's chunks.
  const workerFiles = readdirSync(join(outDir, "assets"))
    .filter((f) => /worker/i.test(f) && f.endsWith(".js"))
    .map((f) => `assets/${f}`);
  return {
    appInitialJS: app.js,
    appInitialCSS: app.css,
    bareInitialJS: bare.js,
    editorChunk: editor,
    lazyChunks: lazy.map(({ src, kb, gzipKB }) => ({ src, kb, gzipKB })),
    workerJS: workerFiles.length ? total(workerFiles.map(size)) : null,
  };
}
