// The outside network's routes into the cluster (ClusterConfig spec.routes): which node receives the
// packets for an address no machine owns, such as a Service's externalIPs. Longest prefix wins, then the
// first route written, as a router's table would have it.
import type { Cluster } from "../../model/cluster";
import { cidrContains, parseCIDR, parseIP } from "../../model/ip";
import type { Node } from "../../model/k8s";

export type RouteLookup =
  | { kind: "node"; node: Node; route: string }
  | { kind: "noRoute" }
  | { kind: "notANode"; route: string; via: string };

export function routeInto(cluster: Cluster, ip: string): RouteLookup {
  const addr = parseIP(ip);
  let best: { destination: string; via: string; prefix: number } | null = null;
  for (const r of cluster.config.routes) {
    const c = parseCIDR(r.destination);
    if (!addr || !c || c.family !== addr.family || !cidrContains(c, addr)) continue;
    if (!best || c.prefix > best.prefix) best = { ...r, prefix: c.prefix };
  }
  if (!best) return { kind: "noRoute" };
  const route = `${best.destination} via ${best.via}`;
  const node = cluster.nodes.find(
    (n) =>
      n.metadata.name === best.via ||
      (n.status.addresses ?? []).some((a) => a.address === best.via && a.type !== "Hostname"),
  );
  return node ? { kind: "node", node, route } : { kind: "notANode", route, via: best.via };
}
