// Totals over every traffic phase for the Stats tab: requests per pod, results by kind, the share of
// requests that took an extra node hop, the source IPs each pod saw, and latency per phase.
import type { PhaseMetrics, RequestResult } from "../../engine/sim/types";

export const RESULT_KINDS: RequestResult[] = ["delivered", "refused", "rejected", "dropped", "timeout"];

export interface StatsSummary {
  requests: number;
  ended: number;
  results: Record<RequestResult, number>;
  /** Pods by requests served, most first (ties by name). */
  perPod: { pod: string; count: number }[];
  perNode: { node: string; count: number }[];
  extraHops: number;
  sourceIPs: { pod: string; ips: string[] }[];
  phases: { index: number; label: string; requests: number; p50: number; p95: number; delivered: number }[];
}

const sorted = (m: Map<string, number>) =>
  [...m].map(([k, count]) => ({ k, count })).sort((a, b) => b.count - a.count || a.k.localeCompare(b.k));

export function summarise(phases: readonly PhaseMetrics[]): StatsSummary {
  const results = Object.fromEntries(RESULT_KINDS.map((k) => [k, 0])) as Record<RequestResult, number>;
  const pods = new Map<string, number>();
  const nodes = new Map<string, number>();
  const ips = new Map<string, Set<string>>();
  let requests = 0;
  let extraHops = 0;
  for (const p of phases) {
    requests += p.requests;
    extraHops += p.extraHops;
    for (const k of RESULT_KINDS) results[k] += p.results[k] ?? 0;
    for (const [pod, n] of Object.entries(p.perPod)) pods.set(pod, (pods.get(pod) ?? 0) + n);
    for (const [node, n] of Object.entries(p.perNode)) nodes.set(node, (nodes.get(node) ?? 0) + n);
    for (const [pod, list] of Object.entries(p.sourceIPs)) {
      const set = ips.get(pod) ?? new Set<string>();
      for (const ip of list) set.add(ip);
      ips.set(pod, set);
    }
  }
  return {
    requests,
    ended: RESULT_KINDS.reduce((a, k) => a + results[k], 0),
    results,
    perPod: sorted(pods).map(({ k, count }) => ({ pod: k, count })),
    perNode: sorted(nodes).map(({ k, count }) => ({ node: k, count })),
    extraHops,
    sourceIPs: [...ips]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([pod, set]) => ({ pod, ips: [...set].sort() })),
    phases: phases.map((p) => ({
      index: p.index,
      label: p.label || `${p.action} #${p.index + 1}`,
      requests: p.requests,
      delivered: p.results.delivered ?? 0,
      p50: p.latencyMs.p50,
      p95: p.latencyMs.p95,
    })),
  };
}

/** Milliseconds as people read them: "0.84 ms", "12.3 ms", "1.20 s"; "–" for no data. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return "–";
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}
