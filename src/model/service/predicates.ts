// Small questions about a Service that defaulting, allocation and validation all ask, worded as
// pkg/api/service/util.go and pkg/apis/core/validation/validation.go ask them.
import type { Service } from "../k8s";

export const CLUSTER_IP_NONE = "None";

/** isHeadlessService (validation.go): exactly one clusterIPs entry, and it is "None". */
export const isHeadless = (svc: Service): boolean =>
  svc.spec.clusterIPs?.length === 1 && svc.spec.clusterIPs[0] === CLUSTER_IP_NONE;

/** apiservice.ExternallyAccessible: NodePort, LoadBalancer, or a ClusterIP Service with externalIPs. */
export const externallyAccessible = (svc: Service): boolean =>
  svc.spec.type === "LoadBalancer" ||
  svc.spec.type === "NodePort" ||
  (svc.spec.type === "ClusterIP" && (svc.spec.externalIPs?.length ?? 0) > 0);

/** apiservice.NeedsHealthCheck: a LoadBalancer with externalTrafficPolicy Local. */
export const needsHealthCheck = (svc: Service): boolean =>
  svc.spec.type === "LoadBalancer" && svc.spec.externalTrafficPolicy === "Local";

/** shouldAllocateNodePorts (storage/alloc.go). */
export const shouldAllocateNodePorts = (svc: Service): boolean =>
  svc.spec.type === "NodePort" ||
  (svc.spec.type === "LoadBalancer" && svc.spec.allocateLoadBalancerNodePorts === true);

export const serviceKey = (svc: Service): string =>
  `${svc.metadata.namespace ?? "default"}/${svc.metadata.name}`;
