// The handler of every kind, for one API server instance (allocators are per cluster).
import type { ClusterConfig } from "../clusterConfig";
import type { KubeObject } from "../k8s";
import type { KindHandler } from "./kindHandlers";
import { nodeHandler } from "./nodeHandler";
import { podHandler } from "./podHandler";
import { serviceHandler } from "./serviceHandler";
import {
  validateDeployment,
  validateEndpointSlice,
  validateEndpoints,
  validateReplicaSet,
} from "./validators";

export function kindHandlers(config: ClusterConfig): Record<KubeObject["kind"], KindHandler> {
  const reserved = new Set(config.clients.map((c) => c.ip));
  const plain = <T extends KubeObject>(
    validate: (o: T) => ReturnType<KindHandler["validate"]>,
    setDefaults: (o: T) => void = () => {},
  ): KindHandler<T> => ({
    namespaced: true,
    setDefaults,
    validate,
  });
  return {
    Node: nodeHandler(config, reserved),
    Pod: podHandler(),
    Service: serviceHandler(config),
    Deployment: plain(validateDeployment, (d) => (d.spec.replicas ??= 1)),
    ReplicaSet: plain(validateReplicaSet, (r) => (r.spec.replicas ??= 1)),
    Endpoints: plain(validateEndpoints),
    EndpointSlice: plain(validateEndpointSlice, (s) => {
      s.endpoints ??= [];
      for (const p of s.ports ?? []) p.protocol ??= "TCP";
    }),
  } as Record<KubeObject["kind"], KindHandler>;
}
