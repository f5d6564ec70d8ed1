// kube-scheduler, reduced to what decides placement in a playground: filters (node Ready, not cordoned,
// taints tolerated, nodeSelector, room for one more pod under the node's maxPods) and a spreading score (the default PodTopologySpread and
// NodeResourcesBalancedAllocation both favour the node with fewer pods). Ties go to the earlier node,
// so placement is deterministic.
import { isNodeReady } from "../conditions";
import type { Node, Pod, Taint, Toleration } from "../k8s";
import { maxPodsOf } from "./capacity";

/** v1.Toleration.ToleratesTaint (staging/src/k8s.io/api/core/v1/toleration.go). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== "Exists") return false;
  if (t.operator === "Exists") return true;
  return (t.value ?? "") === (taint.value ?? "");
}

const blockingTaint = (pod: Pod, node: Node): Taint | undefined =>
  (node.spec.taints ?? []).find(
    (taint) =>
      taint.effect !== "PreferNoSchedule" && !(pod.spec.tolerations ?? []).some((t) => tolerates(t, taint)),
  );

/**
 * Why a node is filtered out for a pod, in the scheduler's words, or null when it fits. `podsOnNode`
 * counts the pods already bound there (NodeResourcesFit's "Too many pods" against allocatable pods).
 */
export function unfitReason(pod: Pod, node: Node, podsOnNode = 0): string | null {
  if (!isNodeReady(node)) return "node(s) were not ready";
  if (node.spec.unschedulable) return "node(s) were unschedulable";
  const taint = blockingTaint(pod, node);
  if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`;
  const sel = pod.spec.nodeSelector ?? {};
  if (Object.entries(sel).some(([k, v]) => node.metadata.labels?.[k] !== v))
    return "node(s) didn't match Pod's node affinity/selector";
  if (podsOnNode >= maxPodsOf(node)) return "Too many pods";
  return null;
}

const ownerOf = (p: Pod) => p.metadata.ownerReferences?.find((r) => r.controller)?.name ?? "";

/**
 * The cluster's own add-ons (kube-system: CoreDNS) count for a node's capacity but not in the spreading
 * score: their requests are small, and the default spreading counts only the incoming pod's own kind.
 */
const spreads = (p: Pod) => p.metadata.namespace !== "kube-system";

/**
 * Binds every pod without a nodeName to a node. Returns the FailedScheduling message for each pod that
 * fits nowhere, e.g. "0/3 nodes are available: 1 node(s) had untolerated taint {...}".
 */
export function schedulePods(pods: Pod[], nodes: Node[]): Map<Pod, string> {
  const failures = new Map<Pod, string>();
  const load = new Map<string, number>();
  const spread = new Map<string, number>();
  const ownerLoad = new Map<string, number>();
  for (const p of pods)
    if (p.spec.nodeName) {
      load.set(p.spec.nodeName, (load.get(p.spec.nodeName) ?? 0) + 1);
      if (spreads(p)) spread.set(p.spec.nodeName, (spread.get(p.spec.nodeName) ?? 0) + 1);
      const k = `${ownerOf(p)}@${p.spec.nodeName}`;
      ownerLoad.set(k, (ownerLoad.get(k) ?? 0) + 1);
    }
  for (const pod of pods) {
    if (pod.spec.nodeName || pod.metadata.deletionTimestamp) continue;
    const reasons = new Map<string, number>();
    let best: Node | undefined;
    let bestScore: [number, number] = [Infinity, Infinity];
    for (const node of nodes) {
      const why = unfitReason(pod, node, load.get(node.metadata.name) ?? 0);
      if (why) {
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
        continue;
      }
      const score: [number, number] = [
        ownerLoad.get(`${ownerOf(pod)}@${node.metadata.name}`) ?? 0,
        spread.get(node.metadata.name) ?? 0,
      ];
      if (score[0] < bestScore[0] || (score[0] === bestScore[0] && score[1] < bestScore[1])) {
        best = node;
        bestScore = score;
      }
    }
    if (!best) {
      const detail = [...reasons]
        .map(([r, n]) => `${n} ${r}`)
        .sort()
        .join(", ");
      failures.set(pod, `0/${nodes.length} nodes are available${detail ? `: ${detail}` : ""}.`);
      continue;
    }
    const name = best.metadata.name;
    pod.spec.nodeName = name;
    load.set(name, (load.get(name) ?? 0) + 1);
    if (spreads(pod)) spread.set(name, (spread.get(name) ?? 0) + 1);
    const k = `${ownerOf(pod)}@${name}`;
    ownerLoad.set(k, (ownerLoad.get(k) ?? 0) + 1);
  }
  return failures;
}
