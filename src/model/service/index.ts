// The API server's handling of a Service create: default -> allocate -> validate.
export { defaultService, DEFAULT_CLIENT_IP_TIMEOUT_SECONDS } from "./defaults";
export {
  createServiceAllocators,
  cloneServiceAllocators,
  releaseService,
  reserveClusterIP,
  type ServiceAllocators,
} from "./allocators";
export { allocateService } from "./allocate";
export { validateService, validateServiceCreate } from "./validate";
export { isHeadless, externallyAccessible, needsHealthCheck } from "./predicates";
