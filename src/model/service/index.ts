// The API server's handling of a Service create: default -> allocate -> validate.
export { defaultService } from "./defaults";
export { createServiceAllocators, releaseService } from "./allocators";
export { allocateService } from "./allocate";
export { validateServiceCreate } from "./validate";
