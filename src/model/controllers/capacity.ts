// How many pods fit: on each node, as kube-scheduler counts them, and in the whole cluster, as this
// playground holds them. The limits are stated in docs/limits.md.
import type { Node } from "../k8s";

/**
 * kubelet's maxPods default (KubeletConfiguration), which the node reports as status.allocatable.pods.
 * With kubeadm's /24 per node (254 addresses) every one of them gets an IP.
 */
export const DEFAULT_MAX_PODS_PER_NODE = 110;

/**
 * At most this many Pod objects in a cluster: the ReplicaSet controller creates no more (extra replicas
 * are reported, not made). Every scheduled pod is a node of the graph, and bench:ui on 20 nodes, while
 * dragging, drew 38 frames a second with 500 pods, 16 with 750 and 12 to 14 with 1,000.
 */
export const MAX_PODS_PER_CLUSTER = 500;

/** The pods a node takes: status.allocatable.pods when the manifest gives a whole number, else 110. */
export function maxPodsOf(node: Node): number {
  const pods = node.status.allocatable?.pods;
  const n = typeof pods === "string" && /^\d{1,9}$/.test(pods) ? Number(pods) : pods;
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0 ? n : DEFAULT_MAX_PODS_PER_NODE;
}
