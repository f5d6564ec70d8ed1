// SetDefaults_Service (pkg/apis/core/v1/defaults.go) plus what the request path adds before the
// REST storage sees the object: the namespace `kubectl apply` fills in.
import type { Service } from "../k8s";
import { externallyAccessible } from "./predicates";

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
export const DEFAULT_CLIENT_IP_TIMEOUT_SECONDS = 10800;

/** Defaults a decoded Service in place, exactly where the API server's defaulter does. */
export function defaultService(svc: Service): void {
  svc.metadata.namespace ||= "default";
  svc.spec ??= {};
  svc.status ??= {};
  const spec = svc.spec;

  if (!spec.sessionAffinity) spec.sessionAffinity = "None";
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (
    spec.sessionAffinity === "ClientIP" &&
    spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined
  ) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT_SECONDS } };
  }
  if (!spec.type) spec.type = "ClusterIP";

  for (const sp of spec.ports ?? []) {
    if (!sp.protocol) sp.protocol = "TCP";
    // intstr zero values: the int 0 and the empty string both mean "same as port".
    if (sp.targetPort === undefined || sp.targetPort === 0 || sp.targetPort === "") sp.targetPort = sp.port;
  }

  if (externallyAccessible(svc) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = "Cluster";

  // ExternalName gets none (the storage layer also drops one on read for ExternalName).
  if (spec.internalTrafficPolicy === undefined) {
    if (spec.type === "NodePort" || spec.type === "LoadBalancer" || spec.type === "ClusterIP") {
      spec.internalTrafficPolicy = "Cluster";
    }
  }

  if (spec.type === "LoadBalancer") {
    if (spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
    for (const ing of svc.status.loadBalancer?.ingress ?? []) {
      if (ing.ip && !ing.ipMode) ing.ipMode = "VIP";
    }
  }
}
