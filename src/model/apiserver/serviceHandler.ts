// Services through the API server: SetDefaults_Service, then the REST storage's allocation of
// ClusterIPs, NodePorts, healthCheckNodePort (and a load balancer's IP, standing in for the cloud),
// then ValidateServiceCreate (src/model/service).
import type { ClusterConfig } from "../clusterConfig";
import type { Service } from "../k8s";
import {
  allocateService,
  createServiceAllocators,
  defaultService,
  releaseService,
  validateServiceCreate,
} from "../service";
import type { KindHandler } from "./kindHandlers";

export function serviceHandler(config: ClusterConfig): KindHandler<Service> {
  const allocators = createServiceAllocators(config);
  return {
    namespaced: true,
    setDefaults: defaultService,
    allocate: (s) => allocateService(s, allocators),
    release: (s) => releaseService(s, allocators),
    validate: validateServiceCreate,
  };
}
