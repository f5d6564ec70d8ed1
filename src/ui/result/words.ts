// The result line's sentence for a phase's facts, in the learner's language.
import type { T } from "../../i18n/core";
import { podLabel } from "../../scene/ids";
import type { HopWhy } from "../../protocol/simulation";
import type { MessageKey } from "../../i18n/en";
import { parsePlaceId } from "../../protocol/placeId";
import type { HopLogEntry } from "../../store/hopLog";
import type { PhaseResult } from "./summary";

const END_REASONS: Partial<Record<HopWhy["code"], MessageKey>> = {
  "drop-etp-local": "result.why.etpLocal",
  "drop-itp-local": "result.why.itpLocal",
  "drop-firewall": "result.why.firewall",
  "lb-no-backend": "result.why.noBackend",
  "reject-no-endpoints": "result.why.noEndpoints",
  "reject-cluster-ip-port": "result.why.clusterIPPort",
  "drop-unallocated-cluster-ip": "result.why.unallocated",
  "lost-node-down": "result.why.nodeDown",
  vanish: "result.why.gone",
  "lost-cluster-ip": "result.why.clusterIP",
  "lost-pod-network": "result.why.podNetwork",
  "refuse-pod": "result.why.noListener",
  "refuse-host": "result.why.noListener",
};

/** Why a request ended where it did, from the ending hop's reason code (its note when no code fits). */
function endReason(t: T, end: HopLogEntry): string {
  const key = end.why && END_REASONS[end.why.code];
  return key ? t(key) : end.note;
}

const ms = (n: number): string => (n >= 10 ? n.toFixed(0) : n.toFixed(1));

/** One line, parts joined with " · ". */
export function resultWords(t: T, r: PhaseResult): string {
  if (r.kind === "many") {
    const parts = [
      `${t("result.requests", { count: r.requests })}: ${r.results.map(([k, n]) => `${n} ${t(`result.kind.${k}`)}`).join(", ")}`,
    ];
    if (r.perPod.length) parts.push(r.perPod.map(([p, n]) => `${podLabel(p)} ${n}`).join(", "));
    if (r.results.some(([k]) => k === "delivered"))
      parts.push(t("result.extraShare", { percent: Math.round(r.extraHopShare * 100) }));
    if (r.latencyMs !== null) parts.push(t("result.p50", { ms: ms(r.latencyMs) }));
    return parts.join(" · ");
  }
  if (r.result === "delivered" && r.pod) {
    const parts = [t("result.delivered", { pod: podLabel(r.pod), node: r.node ?? "?" })];
    parts.push(
      r.extraHop && r.entry && r.node
        ? t("result.extraHop", { from: r.entry, to: r.node })
        : t("result.noExtraHop"),
    );
    if (r.seen) parts.push(t(r.seen === r.client ? "result.seenKept" : "result.seenSnat", { seen: r.seen }));
    if (r.latencyMs !== null) parts.push(t("result.ms", { ms: ms(r.latencyMs) }));
    return parts.join(" · ");
  }
  const kind = t(`result.Kind.${r.result}`);
  if (!r.end) return kind;
  const at = parsePlaceId(r.end.to)?.name ?? r.end.to;
  return t("result.endedAt", { result: kind, at: podLabel(at), reason: endReason(t, r.end) });
}
