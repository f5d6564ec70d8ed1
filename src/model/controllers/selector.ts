// Label selectors (k8s.io/apimachinery/pkg/labels): a Service's map selects by equality; a workload's
// LabelSelector also has set-based expressions.
import type { LabelSelector } from "../k8s";

export function matchesMap(
  selector: Record<string, string>,
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === v);
}

export function matchesSelector(
  sel: LabelSelector | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  if (sel.matchLabels && !matchesMap(sel.matchLabels, l)) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const vals = e.values ?? [];
    const ok =
      e.operator === "In"
        ? has && vals.includes(l[e.key]!)
        : e.operator === "NotIn"
          ? !has || !vals.includes(l[e.key]!)
          : e.operator === "Exists"
            ? has
            : !has;
    if (!ok) return false;
  }
  return true;
}
