// The Ready conditions: a node's, set by its kubelet and turned Unknown by the node lifecycle controller
// when the kubelet stops reporting; a pod's, set by its kubelet. Only "True" is ready.
import type { Node, Pod } from "./k8s";

export const isNodeReady = (n: Node): boolean =>
  (n.status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");

export const isPodReady = (p: Pod): boolean =>
  (p.status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
