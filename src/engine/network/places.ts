// Where an address lives: on a node, in a pod, on an outside client, on a cloud load balancer, or
// nowhere the cluster knows (a ClusterIP is one of those: it exists only in kube-proxy's rules).
import type { Cluster } from "../../model/cluster";
import { nsName } from "../../model/cluster";
import { nodeInternalIP, nodeInternalIPs, podCIDRsOf } from "../../model/controllers/kubelet";
import { inCIDR, nthIP, parseCIDR, parseIP } from "../../model/ip";
import type { Node, Pod, Service } from "../../model/k8s";
import { placeId, type PlaceId } from "../../protocol/placeId";

export type Place =
  | { kind: "client"; name: string; ip: string }
  | { kind: "node"; node: Node; ip: string }
  | { kind: "pod"; pod: Pod; node: Node | undefined; ip: string }
  | { kind: "loadBalancer"; service: Service; ip: string }
  | { kind: "externalIP"; service: Service; ip: string }
  | { kind: "clusterIP"; service: Service; ip: string }
  | { kind: "podNetwork"; node: Node | undefined; ip: string }
  | { kind: "unknown"; ip: string };

const placeIndex = new WeakMap<Cluster, Map<string, Place>>();

/** Where an address lives; answers come from an index built once per cluster object. */
export function locate(cluster: Cluster, ip: string): Place {
  let index = placeIndex.get(cluster);
  if (!index) placeIndex.set(cluster, (index = new Map()));
  let place = index.get(ip);
  if (!place) {
    place = locateUncached(cluster, ip);
    index.set(ip, place);
  }
  return place;
}

function locateUncached(cluster: Cluster, ip: string): Place {
  const node = cluster.nodes.find((n) =>
    (n.status.addresses ?? []).some((a) => a.address === ip && a.type !== "Hostname"),
  );
  if (node) return { kind: "node", node, ip };
  const pod = cluster.pods.find(
    (p) => !p.spec.hostNetwork && (p.status.podIP === ip || (p.status.podIPs ?? []).some((x) => x.ip === ip)),
  );
  if (pod)
    return { kind: "pod", pod, node: cluster.nodes.find((n) => n.metadata.name === pod.spec.nodeName), ip };
  const client = cluster.config.clients.find((c) => c.ip === ip);
  if (client) return { kind: "client", name: client.name, ip };
  for (const s of cluster.services) {
    if ((s.status.loadBalancer?.ingress ?? []).some((i) => i.ip === ip))
      return { kind: "loadBalancer", service: s, ip };
    if ((s.spec.externalIPs ?? []).includes(ip)) return { kind: "externalIP", service: s, ip };
    if ((s.spec.clusterIPs ?? [s.spec.clusterIP]).includes(ip)) return { kind: "clusterIP", service: s, ip };
  }
  const owner = cluster.nodes.find((n) => podCIDRsOf(n).some((c) => inCIDR(c, ip)));
  if (owner || cluster.config.podCIDR.split(",").some((c) => inCIDR(c.trim(), ip)))
    return { kind: "podNetwork", node: owner, ip };
  return { kind: "unknown", ip };
}

/** The place id of a place, as a trace's `at` field names it. */
export function placeIdOf(p: Place): PlaceId {
  switch (p.kind) {
    case "client":
      return placeId("client", p.name);
    case "node":
      return placeId("node", p.node.metadata.name);
    case "pod":
      return placeId("pod", nsName(p.pod));
    case "loadBalancer":
      return placeId("lb", nsName(p.service));
    default:
      return placeId("ip", p.ip);
  }
}

export const nodeIP = (n: Node): string => nodeInternalIP(n) ?? "";

/** The node's InternalIP of the family of `ip` (a dual-stack node has one per family), else its first. */
export function nodeIPFor(n: Node, ip: string): string {
  const family = parseIP(ip)?.family;
  return nodeInternalIPs(n).find((a) => parseIP(a)?.family === family) ?? nodeIP(n);
}

/**
 * The bridge (cni0) address of a node in the family of `ip`: the first address of its pod CIDR of that
 * family, the pods' gateway.
 */
export function bridgeIP(n: Node, ip: string): string | undefined {
  const family = parseIP(ip)?.family;
  for (const c of podCIDRsOf(n)) {
    const cidr = parseCIDR(c);
    if (cidr && cidr.family === family) return nthIP(cidr, 1n);
  }
  return undefined;
}
