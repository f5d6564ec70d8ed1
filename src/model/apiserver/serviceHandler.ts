// Services through the API server: SetDefaults_Service, then the REST storage's allocation of
// ClusterIPs, NodePorts, healthCheckNodePort (and a load balancer's IP, standing in for the cloud),
// then ValidateObjectMeta and ValidateService (src/model/service).
import type { ClusterConfig } from "../clusterConfig";
import type { Service } from "../k8s";
import {
  allocateService,
  createServiceAllocators,
  defaultService,
  releaseService,
  validateService,
} from "../service";
import { validateObjectMeta } from "../validation/meta";
import { validateServiceName } from "../validation/names";
import type { KindHandler } from "./kindHandlers";

export function serviceHandler(config: ClusterConfig): KindHandler<Service> {
  const allocators = createServiceAllocators(config);
  return {
    namespaced: true,
    setDefaults: defaultService,
    allocate: (s) => allocateService(s, allocators),
    release: (s) => releaseService(s, allocators),
    validate: (s, cfg) => [
      ...validateObjectMeta(s.metadata, { namespaced: true, nameFn: validateServiceName }),
      ...validateService(s, cfg),
    ],
  };
}
