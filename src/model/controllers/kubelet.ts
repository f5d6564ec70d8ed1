// What each node's kubelet (with its CNI's host-local IPAM) reports for the pods bound to it: an IP
// from the node's podCIDR (.1 is the bridge's gateway, so pods start at .2), the node's address as
// hostIP, phase Running and a Ready condition. Values a manifest gives are kept. Pods on a node that
// is not Ready are marked not ready, as the node lifecycle controller does (MarkPodsNotReady).
import { cidrSize, nthIP, parseCIDR } from "../ip";
import type { Node, Pod } from "../k8s";
import { isNodeReady } from "./scheduler";

export const nodeInternalIP = (n: Node): string | undefined =>
  n.status.addresses?.find((a) => a.type === "InternalIP")?.address;

export function isPodReady(p: Pod): boolean {
  return (p.status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

export function runKubelets(pods: Pod[], nodes: Node[], startReady = true): void {
  const byName = new Map(nodes.map((n) => [n.metadata.name, n]));
  const used = new Set<string>();
  for (const p of pods)
    for (const ip of [p.status.podIP, ...(p.status.podIPs ?? []).map((x) => x.ip)]) if (ip) used.add(ip);
  for (const pod of pods) {
    const node = pod.spec.nodeName ? byName.get(pod.spec.nodeName) : undefined;
    if (!node) {
      pod.status.phase ??= "Pending";
      continue;
    }
    pod.status.hostIP ??= nodeInternalIP(node);
    if (!pod.status.podIP && pod.status.podIPs?.length) pod.status.podIP = pod.status.podIPs[0]!.ip;
    if (!pod.status.podIP) {
      const ip = pod.spec.hostNetwork ? nodeInternalIP(node) : nextFree(node.spec.podCIDR, used);
      if (ip) {
        pod.status.podIP = ip;
        used.add(ip);
      }
    }
    if (pod.status.podIP && !pod.status.podIPs) pod.status.podIPs = [{ ip: pod.status.podIP }];
    pod.status.phase ??= "Running";
    const conds = (pod.status.conditions ??= []);
    if (!conds.some((c) => c.type === "Ready"))
      conds.push({ type: "Ready", status: pod.status.phase === "Running" && startReady ? "True" : "False" });
    if (!isNodeReady(node)) for (const c of conds) if (c.type === "Ready") c.status = "False";
  }
}

function nextFree(cidr: string | undefined, used: Set<string>): string | undefined {
  const c = cidr ? parseCIDR(cidr) : null;
  if (!c) return undefined;
  const size = cidrSize(c);
  for (let i = 2n; i < size - 1n; i++) {
    const ip = nthIP(c, i);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}
