// The explain benchmark (npm run --silent bench:explain [-- --queries N --runs N --mode iptables|nftables]):
// `explain --queries` on a cluster of 2,000 Services, with kube-proxy in the mode given (iptables by default), run in-process through the CLI itself (runCli: the files read from
// disk, the manifests loaded, every line answered, every answer printed as JSON). Each round makes three
// runs: an empty queries file (loading), one query per node and family asked (loading and building those
// nodes' rules), and all queries. The differences give rule building and answering; medians over the
// rounds, printed as one JSON document.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runCli } from "../src/cli/run";
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
  options: {
    queries: { type: "string", default: "3000" },
    runs: { type: "string", default: "3" },
    mode: { type: "string", default: "iptables" },
  },
});
const MODE = args.mode;
if (MODE !== "iptables" && MODE !== "nftables") throw new RangeError("--mode must be iptables or nftables");
const QUERIES = Number(args.queries);
const RUNS = Number(args.runs);
if (!Number.isSafeInteger(RUNS) || RUNS < 1) throw new RangeError("--runs must be a whole number from 1");

const yaml = largeScenario(SCENARIO).replace("kubeProxy: {mode: iptables}", `kubeProxy: {mode: ${MODE}}`);
const { cluster, diagnostics } = loadManifests(yaml);
const errors = diagnostics.filter((d) => d.severity === "error");
if (errors.length) throw new Error(`large scenario: ${errors.map((d) => d.message).join("; ")}`);
const queries = explainQueries(cluster, QUERIES, QUERY_SEED);

/** The first query of each node and family asked about: a run of these builds every rule set the full run does. */
const firstPerNode = new Map<string, string>();
for (const line of queries.split("\n").filter((l) => l.startsWith("{"))) {
  const q = JSON.parse(line) as { node: string; src: string };
  const key = `${q.node} ${parseIP(q.src)?.family}`;
  if (cluster.nodes.some((n) => n.metadata.name === q.node) && !firstPerNode.has(key))
    firstPerNode.set(key, line);
}

const dir = mkdtempSync(join(tmpdir(), "bench-explain-"));
const files = {
  manifests: join(dir, "cluster.yaml"),
  queries: join(dir, "queries.jsonl"),
  none: join(dir, "none.jsonl"),
  perNode: join(dir, "per-node.jsonl"),
};
writeFileSync(files.manifests, yaml);
writeFileSync(files.queries, queries);
writeFileSync(files.none, "");
writeFileSync(files.perNode, [...firstPerNode.values()].join("\n"));

/**
 * One CLI run: its wall time and what it printed. The heap is sampled at the first answer printed, garbage
 * included (V8 collects when it needs to); peakRssMB is the whole process's peak, over all runs.
 */
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
const perNodes: number[] = [];
const fulls: number[] = [];
let output = "";
for (let i = 0; i < RUNS; i++) {
  loads.push((await cli(files.none)).ms);
  perNodes.push((await cli(files.perNode)).ms);
  const full = await cli(files.queries, heap);
  fulls.push(full.ms);
  // Error lines name the queries file, which is in a new temporary folder each time.
  output = full.out.replaceAll(dir, "DIR");
  console.error(
    `bench:explain: round ${i + 1}/${RUNS}: load ${Math.round(loads[i]!)} ms, one query per node ${Math.round(perNodes[i]!)} ms, all queries ${Math.round(full.ms)} ms`,
  );
}
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number) => Math.round(x);
const loadMs = median(loads);
const totalMs = median(fulls);
const answerMs = Math.max(0, totalMs - loadMs);
const rulesMs = Math.max(0, median(perNodes) - loadMs);
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
        kubeProxyMode: cluster.config.kubeProxy.mode,
        servicePorts: cluster.services.reduce((a, s) => a + (s.spec.ports?.length ?? 0), 0),
        loadBalancersWithIP: cluster.services.filter((s) => s.status.loadBalancer?.ingress?.length).length,
      },
      queries: { count: QUERIES, seed: QUERY_SEED, nodesAndFamilies: firstPerNode.size, answers },
      runs: RUNS,
      queriesPerSecond: round((QUERIES / Math.max(1, answerMs)) * 1000),
      totalMs: round(totalMs),
      loadMs: round(loadMs),
      answerMs: round(answerMs),
      ruleBuildMs: round(rulesMs),
      queryMs: round(Math.max(0, answerMs - rulesMs)),
      outputSha256: createHash("sha256").update(output).digest("hex"),
      heap: { ...heap.result(), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) },
    },
    null,
    2,
  ),
);
