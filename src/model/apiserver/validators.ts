// The per-kind validators the API server runs (pkg/apis/*/validation).
export {
  validateDeployment,
  validateEndpointSlice,
  validateEndpoints,
  validateNode,
  validatePod,
  validateReplicaSet,
} from "../validation";
