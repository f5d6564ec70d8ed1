// Replicas a ReplicaSet asks for but does not run, and why: never created (the cluster's pod cap), not
// scheduled (FailedScheduling: no node can take them), or scheduled without an IP (the node's podCIDR is
// used up). One teaching warning per ReplicaSet says how many and why, where the replicas were asked for.
import type { Pod, ReplicaSet } from "../k8s";
import { DEFAULT_MAX_PODS_PER_NODE, MAX_PODS_PER_CLUSTER } from "./capacity";
import type { SettleResult } from "./settle";

interface ReplicaShortfall {
  replicaSet: ReplicaSet;
  wanted: number;
  /** Pods of this ReplicaSet that run with an IP. */
  running: number;
  /** Pods that fit on no node, with the first one's FailedScheduling message. */
  unscheduled: { count: number; reason: string } | null;
  /** Pods bound to a node that has no IP left for them, with the first one's sandbox error. */
  noAddress: { count: number; reason: string } | null;
  /** Replicas never made: the cluster already holds MAX_PODS_PER_CLUSTER pods. */
  notCreated: number;
}

const controllerOf = (p: Pod) => p.metadata.ownerReferences?.find((r) => r.controller);

/** A pod no ReplicaSet owns that stays Pending, and why in the scheduler's or the CNI's words. */
interface PendingPod {
  pod: Pod;
  message: string;
}

/**
 * After a settle: the ReplicaSets that fall short of their replicas, in the API server's order, and the
 * pods of no ReplicaSet that stay Pending.
 */
export function replicaShortfalls(r: SettleResult): { replicaSets: ReplicaShortfall[]; pods: PendingPod[] } {
  const pending: PendingPod[] = [];
  const byRS = new Map<ReplicaSet, ReplicaShortfall>();
  const entry = (rs: ReplicaSet) => {
    let e = byRS.get(rs);
    if (!e) {
      e = {
        replicaSet: rs,
        wanted: rs.spec.replicas ?? 1,
        running: 0,
        unscheduled: null,
        noAddress: null,
        notCreated: 0,
      };
      byRS.set(rs, e);
    }
    return e;
  };
  const rsOf = new Map<string, ReplicaSet>(
    r.cluster.replicaSets.map((rs) => [`${rs.metadata.namespace ?? "default"}/${rs.metadata.name}`, rs]),
  );
  const owner = (p: Pod) => {
    const ref = controllerOf(p);
    return ref?.kind === "ReplicaSet"
      ? rsOf.get(`${p.metadata.namespace ?? "default"}/${ref.name}`)
      : undefined;
  };
  const count = (pods: Map<Pod, string>, field: "unscheduled" | "noAddress", event: string) => {
    for (const [pod, reason] of pods) {
      const rs = owner(pod);
      if (!rs) {
        pending.push({ pod, message: `pod ${pod.metadata.name} stays Pending: ${event}${reason}` });
        continue;
      }
      const e = entry(rs);
      e[field] = { count: (e[field]?.count ?? 0) + 1, reason: e[field]?.reason ?? reason };
    }
  };
  count(r.unschedulable, "unscheduled", "FailedScheduling: ");
  count(r.noAddress, "noAddress", "");
  for (const n of r.notCreated) entry(n.replicaSet).notCreated += n.count;
  for (const p of r.cluster.pods) {
    const rs = owner(p);
    const e = rs && byRS.get(rs);
    if (e && p.status.podIP && p.status.phase === "Running" && !p.metadata.deletionTimestamp) e.running++;
  }
  return { replicaSets: r.cluster.replicaSets.flatMap((rs) => byRS.get(rs) ?? []), pods: pending };
}

/** The teaching warning: how many replicas run, how many do not, and why. */
export function shortfallMessage(s: ReplicaShortfall): string {
  const parts = [`replicas: ${s.wanted}, of which ${s.running} run.`];
  if (s.unscheduled) {
    parts.push(`${s.unscheduled.count} stay Pending: FailedScheduling: ${s.unscheduled.reason}`);
    if (s.unscheduled.reason.includes("Too many pods"))
      parts.push(
        `(A node takes as many pods as its status.allocatable.pods, kubelet's maxPods: ${DEFAULT_MAX_PODS_PER_NODE} by default.)`,
      );
  }
  if (s.noAddress)
    parts.push(`${s.noAddress.count} stay Pending on their node without an IP: ${s.noAddress.reason}.`);
  if (s.notCreated)
    parts.push(
      `${s.notCreated} are not created: this playground holds at most ${MAX_PODS_PER_CLUSTER} pods in a cluster.`,
    );
  return parts.join(" ");
}
