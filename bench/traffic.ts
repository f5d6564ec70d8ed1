// Steady traffic over the whole cluster: outside clients to NodePorts and load balancers, pods to
// ClusterIPs, spread over every Service, node and client, with a third of the flows on keep-alive.
import type { Cluster } from "../src/model/cluster";
import type { ConnectionStyle } from "../src/engine/sim/types";

export interface Flow {
  from: string;
  to: string;
  connection: ConnectionStyle;
  label: string;
}

/** Of every five flows, two come from outside clients and three from pods. */
const EXTERNAL_SHARE = 2;

export function trafficFlows(cluster: Cluster, count: number): Flow[] {
  // The cluster's own objects (default/kubernetes, kube-system's DNS) take no part: the flows stay the
  // application's, as they were before the cluster DNS was modelled.
  const own = (o: { metadata: { name: string; namespace?: string } }) =>
    o.metadata.namespace === "kube-system" || o.metadata.name === "kubernetes";
  const services = cluster.services.filter((s) => !own(s) && s.spec.ports?.length);
  const nodeIPs = cluster.nodes.map(
    (n) => n.status.addresses?.find((a) => a.type === "InternalIP")?.address ?? "",
  );
  const internal = services.map((s) => `${s.spec.clusterIP}:${s.spec.ports![0]!.port}`);
  const external: string[] = [];
  services.forEach((s, i) => {
    const p = s.spec.ports![0]!;
    if (p.nodePort) external.push(`${nodeIPs[i % nodeIPs.length]}:${p.nodePort}`);
    const lb = s.status.loadBalancer?.ingress?.[0]?.ip;
    if (lb) external.push(`${lb}:${p.port}`);
  });
  const clients = cluster.config.clients.map((c) => `client:${c.name}`);
  const pods = cluster.pods
    .filter((p) => !own(p))
    .map((p) => `pod:${p.metadata.namespace ?? "default"}/${p.metadata.name}`);
  const flows: Flow[] = [];
  let ext = 0;
  let int = 0;
  for (let i = 0; i < count; i++) {
    const outside = i % 5 < EXTERNAL_SHARE && external.length > 0 && clients.length > 0;
    const from = outside ? clients[ext % clients.length]! : pods[(int * 37) % pods.length]!;
    const to = outside ? external[ext++ % external.length]! : internal[int++ % internal.length]!;
    flows.push({ from, to, connection: i % 3 === 0 ? "keepalive" : "new", label: `flow-${i}` });
  }
  return flows;
}
