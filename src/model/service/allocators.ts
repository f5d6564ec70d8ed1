// The allocators the Service REST storage owns (storage/alloc.go Allocators), plus the playground's
// stand-in for a cloud load-balancer controller. Re-created from ClusterConfig, or cloned, so a
// simulation can fork the cluster state.
import type { ClusterConfig } from "../clusterConfig";
import type { IPFamily, Service } from "../k8s";
import { ClusterIPAllocator } from "./ipAllocator";
import { LoadBalancerIPAllocator } from "./lbAllocator";
import { NodePortAllocator } from "./portAllocator";
import { CLUSTER_IP_NONE, needsHealthCheck, serviceKey } from "./predicates";

export interface ServiceAllocators {
  /** --service-cluster-ip-range[0]'s family. */
  primaryFamily: IPFamily;
  /** One allocator per configured family (two on a dual-stack cluster). */
  clusterIPs: Map<IPFamily, ClusterIPAllocator>;
  nodePorts: NodePortAllocator;
  loadBalancerIPs: LoadBalancerIPAllocator;
}

/**
 * Allocators for cfg.serviceCIDR (one CIDR, or two separated by a comma for dual-stack, as the
 * --service-cluster-ip-range flag takes them), cfg.nodePortRange and cfg.loadBalancerIPPool.
 */
export function createServiceAllocators(cfg: ClusterConfig): ServiceAllocators {
  const cidrs = cfg.serviceCIDR
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const clusterIPs = new Map<IPFamily, ClusterIPAllocator>();
  for (const c of cidrs) {
    const a = new ClusterIPAllocator(c);
    if (!clusterIPs.has(a.family)) clusterIPs.set(a.family, a);
  }
  const primary = clusterIPs.values().next().value;
  if (!primary) throw new Error(`no service CIDR in ${JSON.stringify(cfg.serviceCIDR)}`);
  return {
    primaryFamily: primary.family,
    clusterIPs,
    nodePorts: new NodePortAllocator(cfg.nodePortRange),
    loadBalancerIPs: new LoadBalancerIPAllocator(
      cfg.loadBalancerIPPool,
      cfg.loadBalancerMode === "Proxy" ? "Proxy" : "VIP",
    ),
  };
}

/**
 * releaseAllocatedResources (storage/alloc.go): what a deleted Service (or one rejected after
 * allocation, e.g. by validation) gives back. Only what this Service holds is released, so calling
 * it for a Service whose create failed in allocateService is harmless.
 */
export function releaseService(svc: Service, a: ServiceAllocators): void {
  const owner = serviceKey(svc);
  const spec = svc.spec ?? {};
  if (spec.type !== "ExternalName" && spec.clusterIPs?.[0] !== CLUSTER_IP_NONE) {
    for (const ip of spec.clusterIPs ?? [])
      for (const alloc of a.clusterIPs.values()) alloc.release(ip, owner);
  }
  for (const p of spec.ports ?? []) if (p.nodePort) a.nodePorts.release(p.nodePort, owner);
  if (needsHealthCheck(svc) && spec.healthCheckNodePort) a.nodePorts.release(spec.healthCheckNodePort, owner);
  for (const ing of svc.status?.loadBalancer?.ingress ?? [])
    if (ing.ip) a.loadBalancerIPs.release(ing.ip, owner);
}
