// The manifest-reading benchmark (npx tsx bench/manifests.ts [--only NAME] [--cold]): how long
// loadManifests takes on large and hostile documents, printed as one JSON document. The 20 MB Pod and the 40k-key ConfigMap are the
// shapes that once took 98 s and 13 s, when duplicate keys were looked for pair by pair.
import { parseArgs } from "node:util";
import { loadManifests } from "../src/model/load";
import { configMapWithKeys, deeplyNested, podWithAnnotations } from "./bigManifests";
import { machine } from "./machine";

const { values: args } = parseArgs({
  options: { only: { type: "string" }, cold: { type: "boolean", default: false } },
});

const CASES: Record<string, () => string> = {
  "pod-20MB-94k-annotations": () => podWithAnnotations(94_000, 20 * 1024 * 1024),
  "configmap-40k-keys": () => configMapWithKeys(40_000),
  "flow-nesting-100k": () => deeplyNested(100_000, "flow"),
  "block-nesting-3k": () => deeplyNested(3_000, "block"),
};

/** One load: its time, and what it said first. */
function run(name: string, text: string) {
  const t0 = performance.now();
  let diagnostics = 0;
  let first: string;
  try {
    const r = loadManifests([{ file: `${name}.yaml`, text }]);
    diagnostics = r.diagnostics.length;
    const d = r.diagnostics[0];
    first = d ? `${d.file}:${d.line}: ${d.path ? `${d.path}: ` : ""}${d.message}`.slice(0, 200) : "";
  } catch (e) {
    first = `threw: ${(e as Error).message}`.slice(0, 200);
  }
  return { ms: Math.round(performance.now() - t0), diagnostics, first };
}

// Each case twice: the first load is what the CLI pays (a cold process), the second what the
// playground pays on its next edit (warm). Only a single cold run with --cold (slow old code).
const results: Record<string, object> = {};
for (const [name, build] of Object.entries(CASES)) {
  if (args.only && !name.includes(args.only)) continue;
  const text = build();
  const cold = run(name, text);
  const warmMs = args.cold ? null : run(name, text).ms;
  results[name] = {
    bytes: text.length,
    coldMs: cold.ms,
    warmMs,
    diagnostics: cold.diagnostics,
    first: cold.first,
  };
  console.error(`bench:manifests: ${name} cold ${cold.ms} ms, warm ${warmMs ?? "-"} ms`);
}
console.log(JSON.stringify({ machine: machine(), results }, null, 2));
