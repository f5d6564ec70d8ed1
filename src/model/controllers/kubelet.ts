// What each node's kubelet (with its CNI's host-local IPAM) reports for the pods bound to it: an IP
// from the node's podCIDR (.1 is the bridge's gateway, so pods start at .2), the node's address as
// hostIP, phase Running and a Ready condition. Values a manifest gives are kept. Pods on a node that
// is not Ready are marked not ready, as the node lifecycle controller does (MarkPodsNotReady). A pod
// that gets no address (the podCIDR is used up, or the node has none) cannot start its sandbox: it
// stays Pending, never Running without an IP.
import { isNodeReady } from "../conditions";
import { cidrSize, nthIP, parseCIDR } from "../ip";
import type { Node, Pod } from "../k8s";

export const nodeInternalIP = (n: Node): string | undefined =>
  n.status.addresses?.find((a) => a.type === "InternalIP")?.address;

/** Every InternalIP of the node (a dual-stack node has one per family). */
export const nodeInternalIPs = (n: Node): string[] =>
  (n.status.addresses ?? []).flatMap((a) => (a.type === "InternalIP" ? [a.address] : []));

/** The node's pod CIDRs: spec.podCIDRs, or the one spec.podCIDR. */
export const podCIDRsOf = (n: Node): string[] =>
  n.spec.podCIDRs?.length ? n.spec.podCIDRs : n.spec.podCIDR ? [n.spec.podCIDR] : [];

/** Starts the pods bound to nodes; returns, for each pod left without an IP, why (the CNI's error). */
export function runKubelets(pods: Pod[], nodes: Node[], startReady = true): Map<Pod, string> {
  const noAddress = new Map<Pod, string>();
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
      // One address from each of the node's pod CIDRs (a dual-stack node has one per family), the
      // first family's first; on the host network, the node's own addresses.
      const ips = pod.spec.hostNetwork
        ? nodeInternalIPs(node)
        : podCIDRsOf(node).flatMap((c) => nextFree(c, used) ?? []);
      if (ips.length) {
        pod.status.podIP = ips[0];
        pod.status.podIPs = ips.map((ip) => ({ ip }));
        for (const ip of ips) used.add(ip);
      }
    }
    if (pod.status.podIP && !pod.status.podIPs) pod.status.podIPs = [{ ip: pod.status.podIP }];
    const conds = (pod.status.conditions ??= []);
    const sandbox = conds.find((c) => c.type === SANDBOX_READY);
    if (!pod.status.podIP) {
      // No sandbox without an address: the pod waits (ContainerCreating), and says so in its conditions.
      pod.status.phase = "Pending";
      if (sandbox) sandbox.status = "False";
      else conds.push({ type: SANDBOX_READY, status: "False" });
      if (!pod.metadata.deletionTimestamp) noAddress.set(pod, sandboxError(pod, node));
    } else {
      // Bound, with an address (perhaps one that just came free): the containers start.
      if (sandbox) sandbox.status = "True";
      if (!pod.status.phase || pod.status.phase === "Pending") pod.status.phase = "Running";
    }
    if (!conds.some((c) => c.type === "Ready"))
      conds.push({ type: "Ready", status: pod.status.phase === "Running" && startReady ? "True" : "False" });
    if (!isNodeReady(node)) for (const c of conds) if (c.type === "Ready") c.status = "False";
  }
  return noAddress;
}

/** The pod condition kubelet keeps False until the pod's sandbox, with its network, is up. */
const SANDBOX_READY = "PodReadyToStartContainers";

/** FailedCreatePodSandBox as host-local IPAM words it, with the range the node hands out. */
function sandboxError(pod: Pod, node: Node): string {
  const name = node.metadata.name;
  if (pod.spec.hostNetwork)
    return `FailedCreatePodSandBox: node ${name} has no InternalIP for a hostNetwork pod`;
  const c = node.spec.podCIDR ? parseCIDR(node.spec.podCIDR) : null;
  if (!c) return `FailedCreatePodSandBox: node ${name} has no podCIDR to take an IP from`;
  const size = cidrSize(c);
  return `FailedCreatePodSandBox: failed to allocate for range 0: no IP addresses available in range set: ${nthIP(c, 2n)}-${nthIP(c, size - 2n)}`;
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
