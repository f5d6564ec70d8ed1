// Trace templates against trace() itself: the same seed must give the same traces, connection after
// connection, and leave the random source in the same state.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Cluster } from "../../model/cluster";
import { load } from "../../model/testing";
import { chooseEndpoint, explain } from "../proxy";
import { mustSucceed, ok } from "../result";
import { createRng, type Rng } from "../rng";
import { resolveNameFor } from "../trace/resolveName";
import { trace } from "../trace/trace";
import type { TraceRequest } from "../trace/types";
import { timingFor } from "./timing";
import { materialize, type TemplateHooks, TraceTemplates } from "./traceTemplates";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
const LB = DEFAULT.replace("  type: NodePort\n", "  type: LoadBalancer\n");

function hooks(cluster: Cluster, rng: Rng): TemplateHooks {
  return {
    rng,
    downNodes: new Set(["node-3"]),
    decide: (q) => mustSucceed(explain(cluster, q)),
    choose: (_node, d, _src, r) => chooseEndpoint(d, r) ?? undefined,
    loadBalancerBackends: () => cluster.nodes,
  };
}

/** n connections for each request in turn, through the templates and through trace(). */
function both(cluster: Cluster, reqs: TraceRequest[], n: number) {
  const viaTrace = hooks(cluster, createRng(7));
  const viaTemplates = hooks(cluster, createRng(7));
  const templates = new TraceTemplates(viaTemplates, timingFor(cluster.config));
  const traced = [];
  const templated = [];
  for (let i = 0; i < n; i++)
    for (const req of reqs) {
      traced.push(trace(cluster, req, { ...viaTrace, resolveName: resolveNameFor(cluster) }));
      const o = templates.open(cluster, req);
      templated.push(o.ok ? ok(materialize(o.value)) : o);
    }
  return { traced, templated, next: [viaTrace.rng(), viaTemplates.rng()] };
}

describe("trace templates", () => {
  it("give exactly trace()'s traces and random draws, connection after connection", () => {
    const cluster = load(LB).cluster;
    const lbIP = cluster.services.find((s) => s.metadata.name === "web")!.status.loadBalancer!.ingress![0]!
      .ip!;
    const pod = cluster.pods.find((p) => p.metadata.name.startsWith("web-"))!;
    const reqs: TraceRequest[] = [
      { from: "client:laptop", to: "192.168.1.2:30080" },
      { from: "client:laptop", to: `${lbIP}:80` },
      { from: `pod:default/${pod.metadata.name}`, to: "web:80" },
      { from: `pod:default/${pod.metadata.name}`, to: "192.168.1.10:80" },
      { from: "node:node-1", to: "192.168.1.1", protocol: "ICMP" },
      { from: "client:laptop", to: "nowhere:80" },
    ];
    const { traced, templated, next } = both(cluster, reqs, 40);
    expect(templated).toEqual(traced);
    expect(next[1]).toBe(next[0]);
    // The paths really vary (several endpoints and nodes), so the tree was exercised.
    const paths = new Set(traced.map((t) => (t.ok ? t.value.hops.map((h) => h.at).join() : t.error.code)));
    expect(paths.size).toBeGreaterThan(6);
  });

  it("reuses a template: same path object for the same outcomes, the port patched in", () => {
    const cluster = load(DEFAULT).cluster;
    const templates = new TraceTemplates(hooks(cluster, createRng(1)), timingFor(cluster.config));
    const req = { from: "client:laptop", to: "192.168.1.2:30080" };
    const opened = Array.from({ length: 30 }, () => templates.open(cluster, req));
    const distinct = new Set(opened.map((o) => (o.ok ? o.value.template : o)));
    expect(distinct.size).toBeLessThanOrEqual(3); // one per endpoint
    const first = opened[0]!;
    if (!first.ok) throw new Error(first.error.message);
    expect(materialize(first.value).hops[0]!.src).toBe(`192.168.1.10:${first.value.port}`);
  });
});
