// The explain benchmark (npm run --silent bench:explain [-- --queries N --runs N]): `explain --queries`
// on a cluster of 2,000 Services, run in-process through the CLI itself (runCli: the files read from
// disk, the manifests loaded, every line answered, every answer printed as JSON). A run with an empty
// queries file gives the loading part, so answering = full run - empty run; building each touched node's
// rule set is timed on its own. Printed as one JSON document; medians over the runs.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runCli } from "../src/cli/run";
import { buildRuleSet } from "../src/engine/kubeproxy";
import { largeScenario } from "../src/engine/sim/largeScenario";
import { parseIP } from "../src/model/ip";
import { loadManifests } from "../src/model/load";
import { explainQueries } from "./explainQueries";
import { HeapSampler, machine } from "./machine";

// 500 pods is the cluster's cap (MAX_PODS_PER_CLUSTER); the load-balancer pool (a /24) leaves the last
// LoadBalancer Services pending, as a real pool that ran out would.
const SCENARIO = { nodes: 30, pods: 500, services: 2000, seed: 1 };
const QUERY_SEED = 7;
const { values: args } = parseArgs({
  options: { queries: { type: "string", default: "3000" }, runs: { type: "string", default: "3" } },
});
const QUERIES = Number(args.queries);
const RUNS = Number(args.runs);
if (!Number.isSafeInteger(RUNS) || RUNS < 1) throw new RangeError("--runs must be a whole number from 1");

const yaml = largeScenario(SCENARIO);
const { cluster, diagnostics } = loadManifests(yaml);
const errors = diagnostics.filter((d) => d.severity === "error");
if (errors.length) throw new Error(`large scenario: ${errors.map((d) => d.message).join("; ")}`);
const queries = explainQueries(cluster, QUERIES, QUERY_SEED);

/** The node and family of every line that is a query of a known node: each needs that node's rule set. */
const touched = [
  ...new Set(
    queries
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { node: string; src: string })
      .filter((q) => cluster.nodes.some((n) => n.metadata.name === q.node))
      .map((q) => `${q.node}/${parseIP(q.src)?.family === 6 ? 6 : 4}`),
  ),
].map((key) => ({ node: key.split("/")[0]!, family: Number(key.split("/")[1]) as 4 | 6 }));

const dir = mkdtempSync(join(tmpdir(), "bench-explain-"));
const files = {
  manifests: join(dir, "cluster.yaml"),
  queries: join(dir, "queries.jsonl"),
  none: join(dir, "none.jsonl"),
};
writeFileSync(files.manifests, yaml);
writeFileSync(files.queries, queries);
writeFileSync(files.none, "");

/** One CLI run: its wall time and what it printed. The heap is sampled at the first answer printed. */
async function cli(queriesFile: string, heap?: HeapSampler): Promise<{ ms: number; out: string }> {
  const out: string[] = [];
  const t0 = performance.now();
  const code = await runCli(["explain", files.manifests, "--queries", queriesFile], {
    stdin: () => process.stdin,
    stdout: (text) => {
      if (out.length === 0) heap?.sample();
      out.push(text);
    },
    stderr: (text) => process.stderr.write(text),
  });
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`explain --queries exited ${code}`);
  return { ms, out: out.join("") };
}

const heap = new HeapSampler();
heap.sample();
const loads: number[] = [];
const fulls: number[] = [];
const builds: number[] = [];
let output = "";
for (let i = 0; i < RUNS; i++) {
  loads.push((await cli(files.none)).ms);
  const full = await cli(files.queries, heap);
  fulls.push(full.ms);
  output = full.out;
  builds.push(buildTouchedRuleSets());
  console.error(
    `bench:explain: run ${i + 1}/${RUNS}: load ${Math.round(loads[i]!)} ms, full ${Math.round(full.ms)} ms, rule sets ${Math.round(builds[i]!)} ms`,
  );
}
rmSync(dir, { recursive: true, force: true });

/** Builds, as explain does, the rule set of every node and family the queries ask about; the ms it took. */
function buildTouchedRuleSets(): number {
  const t0 = performance.now();
  for (const { node, family } of touched) buildRuleSet(cluster, node, family);
  return performance.now() - t0;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number) => Math.round(x);
const loadMs = median(loads);
const totalMs = median(fulls);
const answerMs = Math.max(0, totalMs - loadMs);
const rulesMs = median(builds);
const answers: Record<string, number> = {};
for (const line of output.trim().split("\n")) {
  const d = JSON.parse(line) as { action?: string };
  const kind = d.action ?? "error";
  answers[kind] = (answers[kind] ?? 0) + 1;
}

console.log(
  JSON.stringify(
    {
      benchmark: "explain",
      machine: machine(),
      scenario: {
        ...SCENARIO,
        servicePorts: cluster.services.reduce((a, s) => a + (s.spec.ports?.length ?? 0), 0),
        loadBalancersWithIP: cluster.services.filter((s) => s.status.loadBalancer?.ingress?.length).length,
      },
      queries: { count: QUERIES, seed: QUERY_SEED, nodesAndFamilies: touched.length, answers },
      runs: RUNS,
      queriesPerSecond: round((QUERIES / Math.max(1, answerMs)) * 1000),
      totalMs: round(totalMs),
      loadMs: round(loadMs),
      answerMs: round(answerMs),
      ruleBuildMs: round(rulesMs),
      queryMs: round(Math.max(0, answerMs - rulesMs)),
      outputSha256: createHash("sha256").update(output).digest("hex"),
      heap: heap.result(),
    },
    null,
    2,
  ),
);
