// The per-kind validators the API server runs (pkg/apis/*/validation).
export { validateDeployment, validateReplicaSet } from "../validation/apps";
export { validateEndpoints } from "../validation/endpoints";
export { validateEndpointSlice } from "../validation/endpointSlice";
export { validateNode } from "../validation/node";
export { validatePod } from "../validation/pod";
