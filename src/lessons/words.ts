// Lesson texts and actions in the learner's language.
import type { Lang, Params, T } from "../i18n/core";
import { fill } from "../i18n/core";
import { placeLabel } from "../scene/ids";
import type { ClusterSummary } from "../protocol/messages";
import type { L, LessonAction, PodPick } from "./types";

export const say = (l: L, lang: Lang, params?: Params): string => fill(l[lang] || l.en, params);

const pick = (p: PodPick, c: ClusterSummary) => (typeof p === "string" ? p : p(c));

/** The Run button's words: what the step will do, in order. */
export function describeActions(
  t: T,
  actions: readonly LessonAction[],
  cluster: ClusterSummary | null,
): string {
  return actions
    .map((a) => {
      if ("rate" in a) {
        const from = typeof a.rate.from === "string" ? placeLabel(a.rate.from) : "Pod";
        const to = typeof a.rate.to === "string" ? a.rate.to : cluster ? a.rate.to(cluster) : "…";
        return t("lessons.action.rate", { perSecond: a.rate.perSecond, seconds: a.rate.seconds, from, to });
      }
      if ("send" in a || "burst" in a) {
        const tr = "send" in a ? a.send : a.burst;
        const pod = typeof tr.from === "string" || !cluster ? null : pick(tr.from.pod, cluster);
        const from = typeof tr.from === "string" ? placeLabel(tr.from) : pod ? placeLabel(pod) : "Pod";
        const to = typeof tr.to === "string" ? tr.to : cluster ? tr.to(cluster) : "…";
        const base =
          "burst" in a
            ? t("lessons.action.burst", { count: a.burst.count, from, to })
            : tr.protocol === "ICMP"
              ? t("lessons.action.ping", { from, to })
              : t("lessons.action.send", { from, to });
        return tr.connection === "keepalive" ? `${base} (${t("lessons.action.keepalive")})` : base;
      }
      if ("failNode" in a) return t("lessons.action.failNode", { node: a.failNode });
      if ("recoverNode" in a) return t("lessons.action.recoverNode", { node: a.recoverNode });
      if ("deletePod" in a) return t("lessons.action.deletePod");
      if ("scale" in a)
        return t("lessons.action.scale", { ...a.scale, deployment: placeLabel(a.scale.deployment) });
      if ("wait" in a) return t("lessons.action.wait", { seconds: a.wait });
      if ("edit" in a)
        return t("lessons.action.edit", {
          kind: a.edit.kind,
          name: a.edit.name,
          path: a.edit.path.join("."),
          value: typeof a.edit.value === "object" ? JSON.stringify(a.edit.value) : String(a.edit.value),
        });
      if ("yaml" in a) return t("lessons.action.yaml");
      return t("lessons.action.inspect");
    })
    .join(", ");
}
