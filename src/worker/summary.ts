// Small plain objects made from the cluster for the main thread: a summary after loading, and the
// endpoints of every Service for the state updates. Nothing here holds a reference into the engine.
import { nsName, type Cluster } from "../model/cluster";
import { isPodReady } from "../model/conditions";
import { nodeInternalIP } from "../model/controllers/kubelet";
import type { Pod } from "../model/k8s";
import { LABEL_SERVICE_NAME, LABEL_ZONE } from "../model/k8s";
import type { ClusterSummary, EndpointState } from "../protocol/messages";
import { loadBalancerDelivery } from "../engine/trace/trace";

export function clusterSummary(cluster: Cluster): ClusterSummary {
  return {
    nodes: cluster.nodes.map((n) => ({
      name: n.metadata.name,
      ip: nodeInternalIP(n) ?? "",
      zone: n.metadata.labels?.[LABEL_ZONE] ?? null,
      podCIDR: n.spec.podCIDR ?? null,
    })),
    pods: cluster.pods.map((p) => ({
      name: nsName(p),
      node: p.spec.nodeName ?? null,
      ip: p.status.podIP ?? null,
      labels: { ...(p.metadata.labels ?? {}) },
      phase: p.status.phase ?? "Pending",
      ready: isPodReady(p),
      terminating: !!p.metadata.deletionTimestamp,
      owner: ownerOf(cluster, p),
    })),
    services: cluster.services.map((s) => ({
      name: nsName(s),
      type: s.spec.type ?? "ClusterIP",
      clusterIP: s.spec.clusterIP ?? null,
      ports: (s.spec.ports ?? []).map((p) => ({
        name: p.name ?? null,
        protocol: p.protocol ?? "TCP",
        port: p.port,
        nodePort: p.nodePort ?? null,
      })),
      externalTrafficPolicy: s.spec.externalTrafficPolicy ?? null,
      internalTrafficPolicy: s.spec.internalTrafficPolicy ?? null,
      sessionAffinity: s.spec.sessionAffinity ?? "None",
      selector: s.spec.selector ? { ...s.spec.selector } : null,
      externalName: s.spec.externalName ?? null,
      loadBalancerIPs: (s.status.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : [])),
      loadBalancerMode:
        s.spec.type === "LoadBalancer"
          ? loadBalancerDelivery(cluster, s, s.status.loadBalancer?.ingress?.[0]?.ip ?? "")
          : null,
    })),
    clients: cluster.config.clients.map((c) => ({ name: c.name, ip: c.ip })),
  };
}

/** Every endpoint of every Service, by the Service's namespace/name, from its EndpointSlices. */
export function endpointsByService(cluster: Cluster): Record<string, EndpointState[]> {
  const out: Record<string, EndpointState[]> = {};
  for (const s of cluster.services) out[nsName(s)] = [];
  for (const slice of cluster.endpointSlices) {
    const service = slice.metadata.labels?.[LABEL_SERVICE_NAME];
    if (!service) continue;
    const key = `${slice.metadata.namespace ?? "default"}/${service}`;
    const list = (out[key] ??= []);
    for (const e of slice.endpoints) {
      const ref = e.targetRef;
      const pod =
        ref?.kind === "Pod" && ref.name
          ? `${ref.namespace ?? slice.metadata.namespace ?? "default"}/${ref.name}`
          : null;
      const ready = e.conditions?.ready ?? true;
      for (const ip of e.addresses)
        list.push({
          ip,
          pod,
          node: e.nodeName ?? null,
          ready,
          // An unset serving condition means the same as ready (the EndpointSlice API's rule).
          serving: e.conditions?.serving ?? ready,
          terminating: e.conditions?.terminating ?? false,
        });
    }
  }
  return out;
}

/** The Deployment that owns a pod through its ReplicaSet, or the ReplicaSet itself. */
function ownerOf(cluster: Cluster, p: Pod): string | null {
  const rsName = p.metadata.ownerReferences?.find((r) => r.controller && r.kind === "ReplicaSet")?.name;
  if (!rsName) return null;
  const ns = p.metadata.namespace ?? "default";
  const rs = cluster.replicaSets.find((r) => r.metadata.namespace === ns && r.metadata.name === rsName);
  const deploy = rs?.metadata.ownerReferences?.find((r) => r.controller && r.kind === "Deployment")?.name;
  return `${ns}/${deploy ?? rsName}`;
}
