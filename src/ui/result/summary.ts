// What the latest traffic phase came to, as facts the result line puts into words: for one request, where
// it went and what the pod saw; for many, the split per pod and per result. Pure.
import {
  HOP,
  type PhaseMetrics,
  type RequestResult,
  TICKS_PER_MS,
  TICKS_PER_SECOND,
} from "../../protocol/simulation";
import { hostOf } from "../../protocol/hostPort";
import { placeIdName } from "../../protocol/placeId";
import type { HopLogEntry } from "../../store/hopLog";

interface SingleResult {
  kind: "single";
  result: RequestResult;
  /** "ns/name" of the pod that answered, and its node. */
  pod: string | null;
  node: string | null;
  /** The first node the request reached (where kube-proxy decided). */
  entry: string | null;
  extraHop: boolean;
  /** The client's own address, and the source address the pod saw. */
  client: string | null;
  seen: string | null;
  latencyMs: number | null;
  /** Where and why the request ended when it was not delivered: the hop that ended it. */
  end: HopLogEntry | null;
}

interface ManyResult {
  kind: "many";
  requests: number;
  ended: number;
  results: [RequestResult, number][];
  perPod: [string, number][];
  extraHopShare: number;
  latencyMs: number | null;
}

export type PhaseResult = SingleResult | ManyResult;

const RESULT_ORDER: RequestResult[] = ["delivered", "refused", "rejected", "dropped", "timeout"];
const END = HOP.drop | HOP.reject | HOP.refuse | HOP.lost;

export function endedCount(p: PhaseMetrics): number {
  return Object.values(p.results).reduce((a, b) => a + b, 0);
}

export function summarizePhase(p: PhaseMetrics, hopLog: readonly HopLogEntry[]): PhaseResult {
  const ended = endedCount(p);
  const latencyMs = ended > 0 && p.results.delivered > 0 ? p.latencyMs.p50 : null;
  if (p.requests !== 1) {
    return {
      kind: "many",
      requests: p.requests,
      ended,
      results: RESULT_ORDER.filter((r) => p.results[r] > 0).map((r) => [r, p.results[r]]),
      perPod: Object.entries(p.perPod).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
      extraHopShare: p.requests ? p.extraHops / p.requests : 0,
      latencyMs,
    };
  }
  // The phase's start comes rounded to the millisecond, so its first hop may start up to half a ms earlier.
  const from = p.start * TICKS_PER_SECOND - TICKS_PER_MS / 2;
  // A packet belongs to the phase when its first logged hop does: an earlier request's late hops (a
  // client's timeout 5 s on) do not make it the phase's.
  const firstStart = new Map<number, number>();
  for (const h of hopLog)
    if (!(h.flags & HOP.timeout))
      firstStart.set(h.packet, Math.min(firstStart.get(h.packet) ?? Infinity, h.start));
  // The request's own packet, not its name lookup's (HOP.dns), unless the lookup is all there was.
  const lookups = new Set(hopLog.filter((h) => h.flags & HOP.dns).map((h) => h.packet));
  const first = (dns: boolean) => {
    let found: number | null = null;
    for (const [id, start] of firstStart)
      if (start >= from && lookups.has(id) === dns && (found === null || id < found)) found = id;
    return found;
  };
  const packet = first(false) ?? first(true);
  const hops = hopLog.filter((h) => h.packet === packet);
  const pod = Object.keys(p.perPod)[0] ?? null;
  const result = RESULT_ORDER.find((r) => p.results[r] > 0) ?? "delivered";
  return {
    kind: "single",
    result,
    pod,
    node: Object.keys(p.perNode)[0] ?? null,
    entry: hops.map((h) => placeIdName(h.to, "node")).find((node) => node !== null) ?? null,
    extraHop: p.extraHops > 0,
    client: hops[0] ? hostOf(hops[0].src) : null,
    seen: pod ? (p.sourceIPs[pod]?.[0] ?? null) : null,
    latencyMs,
    end: hops.find((h) => (h.flags & END) !== 0) ?? null,
  };
}
