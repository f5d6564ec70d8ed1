// The comparison in words: each side's name and label, the one-line summary of what differs, and the
// badges. Pure: the translate function comes in.
import type { Params, T } from "../i18n/core";
import type { MessageKey } from "../i18n/en";
import { parsePlaceId } from "../protocol/placeId";
import { type Badge, type CompareDiff, summaryFacts, type SummaryFact } from "./diff";
import { formatLatency, formatShare, type PaneFigures, RESULTS } from "./figures";
import type { TargetChoice } from "./traffic";
import type { CompareProblem, CompareSetting, CompareSpec, CompareVariant } from "./types";

/** Translates a plural message by its base key ("compare.send" for compare.send_one/_other). */
export const tn = (t: T, key: MessageKey, count: number, params?: Params): string =>
  t(key, { ...params, count });

/** The pane's heading: "externalTrafficPolicy: Local", "keep-alive: one connection reused (browser)". */
export function variantLabel(setting: CompareSetting, v: CompareVariant, t: T): string {
  if (v.label) return v.label;
  switch (setting) {
    case "externalTrafficPolicy":
    case "sessionAffinity":
      return t("compare.variant.field", { field: setting, value: String(v.value) });
    case "connection":
      return t(v.value === "keepalive" ? "compare.variant.keepalive" : "compare.variant.new");
    case "endpoints":
      return tn(t, "compare.variant.replicas", Number(v.value));
  }
}

/** The side's short name in the summary: "Local", "ClientIP", "keep-alive", "3 endpoints". */
export function variantName(setting: CompareSetting, v: CompareVariant, t: T): string {
  if (v.label) return v.label;
  switch (setting) {
    case "externalTrafficPolicy":
    case "sessionAffinity":
      return String(v.value);
    case "connection":
      return v.value === "keepalive" ? "keep-alive" : "curl";
    case "endpoints":
      return tn(t, "compare.name.replicas", Number(v.value));
  }
}

export const SETTINGS: CompareSetting[] = [
  "externalTrafficPolicy",
  "sessionAffinity",
  "connection",
  "endpoints",
];

export const settingTitle = (s: CompareSetting, t: T): string => t(`compare.setting.${s}` as const);
export const settingHint = (s: CompareSetting, t: T): string => t(`compare.setting.${s}.hint` as const);
export const problemText = (p: CompareProblem, t: T): string => t(`compare.problem.${p}` as const);

const RESULT_FACT: Record<(typeof RESULTS)[number], MessageKey> = {
  delivered: "compare.fact.result.delivered",
  dropped: "compare.fact.result.dropped",
  timeout: "compare.fact.result.timeout",
  rejected: "compare.fact.result.rejected",
  refused: "compare.fact.result.refused",
};

/** One figure of one side in words, or null when that side has nothing to say about it. */
function factText(fact: SummaryFact, f: PaneFigures, t: T): string | null {
  switch (fact) {
    case "results":
      if (f.results.delivered === f.requests) return t("compare.fact.results.all", { count: f.requests });
      return RESULTS.filter((k) => f.results[k] > 0)
        .map((k) => t(RESULT_FACT[k], { count: f.results[k] }))
        .join(", ");
    case "extraHops":
      if (f.extraHopShare === null) return null;
      return f.extraHops === 0
        ? t("compare.fact.extraHops.none")
        : t("compare.fact.extraHops", { share: formatShare(f.extraHopShare) });
    case "sourceIPs":
      if (f.sources.length === 0) return null;
      if (f.senderKept) return t("compare.fact.sources.sender", { ip: f.sources[0]!.ip });
      if (f.sources.every((s) => s.kind === "node")) return t("compare.fact.sources.node");
      return t("compare.fact.sources.list", { ips: f.sources.map((s) => s.ip).join(", ") });
    case "podsUsed":
      if (f.served === 0) return null;
      return f.podsUsed === 1 ? t("compare.fact.onePod") : tn(t, "compare.fact.podsUsed", f.podsUsed);
    case "shares":
      return f.served > 0
        ? t("compare.fact.shares", {
            shares: f.perPod.map((p) => formatShare(p.count / f.served)).join(", "),
          })
        : null;
    case "p50":
      return f.p50 === null ? null : t("compare.fact.p50", { latency: formatLatency(f.p50) });
  }
}

/** "Local: no extra hops and the pods saw 192.168.1.10 · Cluster: 35% took an extra hop and ..." */
export function summaryLine(
  spec: CompareSpec,
  figs: [PaneFigures, PaneFigures],
  diff: CompareDiff,
  t: T,
): string {
  const [a, b] = figs;
  if (a.requests === 0 && b.requests === 0) return t("compare.summary.idle", { count: spec.traffic.count });
  if (!diff.settled)
    return t("compare.summary.running", { a: a.ended, b: b.ended, count: Math.max(a.requests, b.requests) });
  const facts = summaryFacts(diff, spec.setting);
  if (facts.length === 0) return t("compare.summary.same", { count: a.requests });
  // The side where the setting changes things reads first: Local before Cluster, ClientIP before None.
  const order = [1, 0] as const;
  return order
    .map((i) => {
      const words = facts.map((fact) => factText(fact, figs[i], t)).filter((w): w is string => !!w);
      const joined = words.length === 2 ? t("compare.summary.and", { a: words[0]!, b: words[1]! }) : words[0];
      return t("compare.summary.side", {
        name: variantName(spec.setting, spec.variants[i], t),
        facts: joined ?? "–",
      });
    })
    .join(" · ");
}

const BADGE: Record<Badge, MessageKey> = {
  senderKept: "compare.badge.senderKept",
  masqueraded: "compare.badge.masqueraded",
  failed: "compare.badge.failed",
  noExtraHops: "compare.badge.noExtraHops",
  onePod: "compare.badge.onePod",
};

export function badgeText(b: Badge, f: PaneFigures, from: string, t: T): string {
  if (b === "senderKept" && parsePlaceId(from)?.kind !== "client") return t("compare.badge.sourceKept");
  return t(BADGE[b], { count: f.ended - f.results.delivered });
}

/** A target in words: "192.168.1.3:30080 (NodePort on node-2)". */
export function targetText(choice: TargetChoice, t: T): string {
  switch (choice.kind) {
    case "nodePort":
      return t("compare.target.nodePort", { value: choice.value, node: choice.node ?? "" });
    case "loadBalancer":
      return t("compare.target.loadBalancer", { value: choice.value });
    case "clusterIP":
      return t("compare.target.clusterIP", { value: choice.value });
    case "dns":
      return t("compare.target.dns", { value: choice.value });
  }
}
