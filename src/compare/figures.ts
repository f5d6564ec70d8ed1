// The figures one side of a comparison shows, from its simulation's traffic phases: requests per pod,
// how requests ended, extra hops, whose addresses the pods saw, and the median latency.
import type { PhaseMetrics, RequestResult } from "../protocol/simulation";
import { nthIP, parseCIDR } from "../protocol/ip";
import type { ClusterSummary, EndpointState } from "../protocol/messages";
import { parsePlaceId } from "../protocol/placeId";

export const RESULTS: RequestResult[] = ["delivered", "dropped", "timeout", "rejected", "refused"];

/** Whose address a pod saw as the source: the sender's own, a node's (masqueraded), a pod's, or other. */
type SourceKind = "sender" | "node" | "pod" | "other";

export interface SeenSource {
  ip: string;
  kind: SourceKind;
  /** The node, pod or client the address belongs to. */
  owner: string | null;
}

export interface PaneFigures {
  requests: number;
  ended: number;
  results: Record<RequestResult, number>;
  /** Every endpoint pod of the Service and every pod that answered, by name (so both sides line up). */
  perPod: { pod: string; count: number }[];
  served: number;
  podsUsed: number;
  extraHops: number;
  /** Extra hops per served request; null when nothing was served. */
  extraHopShare: number | null;
  sources: SeenSource[];
  /** The pods saw only the sender's own address: nothing masqueraded it. */
  senderKept: boolean;
  /** Median latency of the latest phase that delivered anything, in ms. */
  p50: number | null;
}

/** The IP address of a traffic source (client:NAME, pod:NS/NAME, node:NAME, ip:ADDR). */
function senderIP(c: ClusterSummary | null, from: string): string | null {
  const place = parsePlaceId(from);
  if (!place) return null;
  const { kind, name } = place;
  if (kind === "ip") return name;
  if (!c) return null;
  if (kind === "client") return c.clients.find((x) => x.name === name)?.ip ?? null;
  if (kind === "pod") return c.pods.find((p) => p.name === name)?.ip ?? null;
  if (kind === "node") return c.nodes.find((n) => n.name === name)?.ip ?? null;
  return null;
}

/** Names an address: a node's own, or its pod network gateway (masquerading to a local pod uses it). */
function classify(c: ClusterSummary | null, sender: string | null, ip: string): SeenSource {
  if (ip === sender) return { ip, kind: "sender", owner: null };
  for (const n of c?.nodes ?? []) {
    const cidr = n.podCIDR ? parseCIDR(n.podCIDR) : null;
    if (n.ip === ip || (cidr && nthIP(cidr, 1) === ip)) return { ip, kind: "node", owner: n.name };
  }
  const pod = c?.pods.find((p) => p.ip === ip);
  if (pod) return { ip, kind: "pod", owner: pod.name };
  return { ip, kind: "other", owner: null };
}

export function paneFigures(
  phases: readonly PhaseMetrics[],
  endpoints: readonly EndpointState[],
  cluster: ClusterSummary | null,
  from: string,
): PaneFigures {
  const results = Object.fromEntries(RESULTS.map((k) => [k, 0])) as Record<RequestResult, number>;
  const pods = new Map<string, number>();
  for (const e of endpoints) if (e.pod) pods.set(e.pod, 0);
  const ips = new Set<string>();
  let requests = 0;
  let extraHops = 0;
  let p50: number | null = null;
  for (const p of phases) {
    requests += p.requests;
    extraHops += p.extraHops;
    for (const k of RESULTS) results[k] += p.results[k] ?? 0;
    for (const [pod, n] of Object.entries(p.perPod)) pods.set(pod, (pods.get(pod) ?? 0) + n);
    for (const list of Object.values(p.sourceIPs)) for (const ip of list) ips.add(ip);
    if ((p.results.delivered ?? 0) > 0 && p.latencyMs.p50 > 0) p50 = p.latencyMs.p50;
  }
  const perPod = [...pods].map(([pod, count]) => ({ pod, count })).sort((a, b) => a.pod.localeCompare(b.pod));
  const served = perPod.reduce((a, p) => a + p.count, 0);
  const sender = senderIP(cluster, from);
  const sources = [...ips].sort().map((ip) => classify(cluster, sender, ip));
  return {
    requests,
    ended: RESULTS.reduce((a, k) => a + results[k], 0),
    results,
    perPod,
    served,
    podsUsed: perPod.filter((p) => p.count > 0).length,
    extraHops,
    extraHopShare: served > 0 ? extraHops / served : null,
    sources,
    senderKept: sources.length > 0 && sources.every((s) => s.kind === "sender"),
    p50,
  };
}

/** Milliseconds, with two decimals below 10 ms ("5.25 ms", "12.3 ms"). */
export const formatLatency = (ms: number): string => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

/** A share as a whole percentage ("35%"). */
export const formatShare = (share: number): string => `${Math.round(share * 100)}%`;
