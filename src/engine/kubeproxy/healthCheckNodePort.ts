// What a Service's healthCheckNodePort answers on a node (pkg/proxy/healthcheck/service_health.go): 200
// while the node has a ready endpoint of the Service, 503 otherwise. Load balancers probe it when
// externalTrafficPolicy is Local, so they send only to nodes that can serve locally.
import type { Cluster } from "../../model/cluster";
import { LABEL_SERVICE_NAME, type Service } from "../../model/k8s";

/** Whether the node has a ready endpoint of the Service (a slice's endpoint with no ready condition is ready). */
export const hasLocalReadyEndpoint = (cluster: Cluster, svc: Service, node: string): boolean =>
  cluster.endpointSlices.some(
    (s) =>
      s.metadata.namespace === svc.metadata.namespace &&
      s.metadata.labels?.[LABEL_SERVICE_NAME] === svc.metadata.name &&
      s.endpoints.some((e) => e.nodeName === node && e.conditions?.ready !== false),
  );
