// The import benchmark (npm run --silent bench:import [-- --objects N --runs N --pods N]): how long
// loadManifests takes on what `kubectl get nodes,pods,services,endpointslices,deployments -A -o yaml`
// prints for a kubeadm-like cluster (bench/kubectlList.ts), against the yaml package alone parsing the
// same text. The loader has to do at least that parse, so ratio = importMs / yamlParseMs says what
// reading the objects into a cluster costs beyond it. Printed as one JSON document.
import { parseArgs } from "node:util";
import YAML from "yaml";
import { loadManifests } from "../src/model/load";
import { kubectlList } from "./kubectlList";
import { machine } from "./machine";

const { values: args } = parseArgs({
  options: {
    objects: { type: "string", default: "5000" },
    runs: { type: "string", default: "3" },
    // At most this many pods in the list (default 2,999); past it Deployments are scaled to zero.
    pods: { type: "string" },
  },
});
const OBJECTS = Number(args.objects);
const RUNS = Number(args.runs);
if (!Number.isSafeInteger(RUNS) || RUNS < 1) throw new RangeError("--runs must be a whole number from 1");

const text = kubectlList(OBJECTS, args.pods === undefined ? {} : { pods: Number(args.pods) });

const time = <T>(f: () => T): [number, T] => {
  const t0 = performance.now();
  const out = f();
  return [performance.now() - t0, out];
};
const parseAll = () => YAML.parseAllDocuments(text).map((d) => d.toJS() as unknown);
const parseOne = () => YAML.parse(text) as unknown;
const load = () => loadManifests(text);

// Warm-up (also what the list holds, by kind), then the runs interleaved so that noise hits all three.
const [, docs] = time(parseAll);
parseOne();
load();
const items = (docs[0] as { items: { kind: string }[] }).items;
const input: Record<string, number> = {};
for (const i of items) input[i.kind] = (input[i.kind] ?? 0) + 1;

const yamlAll: number[] = [];
const yamlOne: number[] = [];
const imports: number[] = [];
let result: ReturnType<typeof load> | undefined;
for (let i = 0; i < RUNS; i++) {
  yamlAll.push(time(parseAll)[0]);
  yamlOne.push(time(parseOne)[0]);
  const [ms, r] = time(load);
  imports.push(ms);
  result = r;
  console.error(
    `bench:import: run ${i + 1}/${RUNS}: yaml ${Math.round(yamlAll[i]!)} ms, import ${Math.round(ms)} ms`,
  );
}
const { cluster, diagnostics } = result!;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round1 = (x: number) => Math.round(x * 10) / 10;
const yamlParseMs = median(yamlAll);
const importMs = median(imports);

const diagnosticsBySeverity: Record<string, number> = {};
for (const d of diagnostics) diagnosticsBySeverity[d.severity] = (diagnosticsBySeverity[d.severity] ?? 0) + 1;
const sampleDiagnostics: string[] = [];
const seen = new Set<string>();
for (const d of diagnostics) {
  if (seen.has(d.message)) continue;
  seen.add(d.message);
  const where = `${d.object || d.file}${d.line ? ` (line ${d.line})` : ""}${d.path ? ` ${d.path}` : ""}`;
  sampleDiagnostics.push(`${d.severity}: ${where}: ${d.message}`.slice(0, 300));
  if (sampleDiagnostics.length === 5) break;
}

console.log(
  JSON.stringify(
    {
      benchmark: "import",
      machine: machine(),
      objects: items.length,
      bytes: Buffer.byteLength(text),
      runs: RUNS,
      yamlParseMs: round1(yamlParseMs),
      yamlParseOneMs: round1(median(yamlOne)),
      importMs: round1(importMs),
      ratio: Math.round((importMs / yamlParseMs) * 100) / 100,
      samples: {
        yamlParseMs: yamlAll.map(round1),
        yamlParseOneMs: yamlOne.map(round1),
        importMs: imports.map(round1),
      },
      input,
      cluster: {
        nodes: cluster.nodes.length,
        pods: cluster.pods.length,
        services: cluster.services.length,
        endpointSlices: cluster.endpointSlices.length,
        deployments: cluster.deployments.length,
        replicaSets: cluster.replicaSets.length,
      },
      diagnostics: diagnostics.length,
      diagnosticsBySeverity,
      sampleDiagnostics,
    },
    null,
    2,
  ),
);
