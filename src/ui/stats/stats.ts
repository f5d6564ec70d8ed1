// Totals over every traffic phase for the Stats tab: requests per pod, results by kind, the share of
// requests that took an extra node hop, the source IPs each pod saw, and latency per phase.
import type { PhaseMetrics, RequestResult } from "../../protocol/simulation";
import type { Lang, T } from "../../i18n/core";
import type { MessageKey } from "../../i18n/en";
import { formatNumber } from "../format";

export const RESULT_KINDS: RequestResult[] = ["delivered", "refused", "rejected", "dropped", "timeout"];

/** How each result is called on its tile. */
export const RESULT_WORDS: Record<RequestResult, MessageKey> = {
  delivered: "stats.result.delivered",
  refused: "stats.result.refused",
  rejected: "stats.result.rejected",
  dropped: "stats.result.dropped",
  timeout: "stats.result.timeout",
};

/** A traffic phase without a label of its own, by its action and number ("burst #1"). */
const PHASE_WORDS: Record<PhaseMetrics["action"], MessageKey> = {
  send: "stats.phase.send",
  burst: "stats.phase.burst",
  rate: "stats.phase.rate",
};

interface StatsSummary {
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

export function summarise(phases: readonly PhaseMetrics[], t: T): StatsSummary {
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
      label: p.label || phaseName(t, p.action, p.index + 1),
      requests: p.requests,
      delivered: p.results.delivered ?? 0,
      p50: p.latencyMs.p50,
      p95: p.latencyMs.p95,
    })),
  };
}

const phaseName = (t: T, action: PhaseMetrics["action"], n: number): string =>
  t("stats.phase", { action: t(PHASE_WORDS[action]), n });

/** Milliseconds as people read them: "0.84 ms", "12.3 ms", "1.20 s"; "–" for no data. */
export function formatMs(ms: number, t: T, lang: Lang): string {
  if (!Number.isFinite(ms) || ms <= 0) return "–";
  const fixed = (n: number, d: number) => formatNumber(lang, n, { min: d, max: d });
  if (ms >= 1000) return t("stats.seconds", { n: fixed(ms / 1000, 2) });
  return t("stats.ms", { n: fixed(ms, ms >= 10 ? 1 : 2) });
}
