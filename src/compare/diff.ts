// What differs between the two sides, once both have finished the same traffic: which figures to
// emphasise, which side is higher, and the badges that say what only one side has.
import type { RequestResult } from "../protocol/simulation";
import { type PaneFigures, RESULTS } from "./figures";
import type { CompareSetting } from "./types";

export type Figure = RequestResult | "extraHops" | "sourceIPs" | "podsUsed" | "p50";

/** A fact only one side shows. */
export type Badge = "senderKept" | "masqueraded" | "failed" | "noExtraHops" | "onePod";

export interface CompareDiff {
  /** Both sides sent the same number of requests and every one has ended. */
  settled: boolean;
  differs: ReadonlySet<Figure>;
  /** For numeric figures that differ: the side with the larger value. */
  higher: Partial<Record<Figure, 0 | 1>>;
  badges: [Badge[], Badge[]];
}

/** Shares of requests that differ by less than this are noise from the random choice. */
const SHARE_NOISE = 0.1;
/** Latencies that differ by less than this fraction are the same. */
const LATENCY_NOISE = 0.1;

const kinds = (f: PaneFigures) => [...new Set(f.sources.map((s) => s.kind))].sort().join(",");
const failed = (f: PaneFigures) => f.ended - f.results.delivered;

export function compareFigures(a: PaneFigures, b: PaneFigures): CompareDiff {
  const settled =
    a.requests > 0 && a.requests === b.requests && a.ended === a.requests && b.ended === b.requests;
  const differs = new Set<Figure>();
  const higher: Partial<Record<Figure, 0 | 1>> = {};
  const badges: [Badge[], Badge[]] = [[], []];
  if (!settled) return { settled, differs, higher, badges };

  const numeric = (fig: Figure, x: number, y: number) => {
    differs.add(fig);
    if (x !== y) higher[fig] = x > y ? 0 : 1;
  };
  for (const k of RESULTS) if (a.results[k] !== b.results[k]) numeric(k, a.results[k], b.results[k]);
  const [sa, sb] = [a.extraHopShare, b.extraHopShare];
  if (sa !== null && sb !== null && (Math.abs(sa - sb) >= SHARE_NOISE || (sa === 0) !== (sb === 0)))
    numeric("extraHops", sa, sb);
  if (a.served > 0 && b.served > 0 && a.podsUsed !== b.podsUsed) numeric("podsUsed", a.podsUsed, b.podsUsed);
  if (kinds(a) !== kinds(b)) differs.add("sourceIPs");
  if (a.p50 !== null && b.p50 !== null && Math.abs(a.p50 - b.p50) >= LATENCY_NOISE * Math.max(a.p50, b.p50))
    numeric("p50", a.p50, b.p50);

  const sides: [PaneFigures, PaneFigures] = [a, b];
  sides.forEach((f, i) => {
    const other = sides[1 - i]!;
    const own = badges[i]!;
    if (failed(f) > 0 && failed(other) === 0) own.push("failed");
    if (f.senderKept && !other.senderKept) own.push("senderKept");
    const masq = (x: PaneFigures) => x.sources.some((s) => s.kind === "node");
    if (masq(f) && !masq(other)) own.push("masqueraded");
    if (differs.has("extraHops") && f.extraHops === 0) own.push("noExtraHops");
    if (differs.has("podsUsed") && f.podsUsed === 1) own.push("onePod");
  });
  return { settled, differs, higher, badges };
}

/** What the one-line summary can name: how requests ended, the pods' shares, or one of the figures. */
export type SummaryFact = "results" | "extraHops" | "sourceIPs" | "podsUsed" | "shares" | "p50";

/**
 * What each setting is about, most telling first. Other figures may differ too (with affinity, the
 * one pod chosen may happen to be local, so no extra hop): they stay emphasised in the panes, but the
 * summary and the badges speak of what the setting changes.
 */
const RELEVANT: Record<CompareSetting, { facts: SummaryFact[]; badges: Badge[] }> = {
  externalTrafficPolicy: {
    facts: ["results", "extraHops", "sourceIPs", "podsUsed", "p50"],
    badges: ["failed", "senderKept", "masqueraded", "noExtraHops"],
  },
  sessionAffinity: { facts: ["results", "podsUsed"], badges: ["failed", "onePod"] },
  connection: { facts: ["results", "podsUsed"], badges: ["failed", "onePod"] },
  endpoints: { facts: ["results", "podsUsed", "shares"], badges: ["failed"] },
};

function present(diff: CompareDiff, fact: SummaryFact): boolean {
  switch (fact) {
    case "results":
      return RESULTS.some((k) => diff.differs.has(k));
    case "shares":
      return diff.differs.has("podsUsed");
    default:
      return diff.differs.has(fact);
  }
}

/** The facts the one-line summary names for a setting, at most `limit`. */
export function summaryFacts(diff: CompareDiff, setting: CompareSetting, limit = 2): SummaryFact[] {
  return RELEVANT[setting].facts.filter((f) => present(diff, f)).slice(0, limit);
}

/** A side's badges that speak of the setting. */
export const relevantBadges = (badges: readonly Badge[], setting: CompareSetting): Badge[] =>
  badges.filter((b) => RELEVANT[setting].badges.includes(b));
