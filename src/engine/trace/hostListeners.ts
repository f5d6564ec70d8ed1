// What listens on a node's own addresses: the control plane's API server, every node's kubelet and
// kube-proxy's health servers (healthz on 10256, and each healthCheckNodePort of an eTP Local Service).
import type { Cluster } from "../../model/cluster";
import type { Node } from "../../model/k8s";
import type { TraceProtocol } from "./types";

export function hostListener(
  cluster: Cluster,
  node: Node,
  port: number | null,
  protocol: TraceProtocol,
): string | null {
  if (protocol === "ICMP") return "the node's kernel (ping)";
  if (protocol !== "TCP" || port === null) return null;
  if (port === 10250) return "kubelet";
  if (port === 10256) return "kube-proxy's healthz server";
  const isControlPlane =
    node.metadata.labels?.["node-role.kubernetes.io/control-plane"] !== undefined ||
    node === cluster.nodes[0];
  if (port === 6443 && isControlPlane) return "kube-apiserver";
  const hc = cluster.services.find((s) => s.spec.healthCheckNodePort === port);
  if (hc) return `kube-proxy's health check server for ${hc.metadata.namespace}/${hc.metadata.name}`;
  return null;
}
