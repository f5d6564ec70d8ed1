// One entry point: the API server's create-time validation for each kind except Service.
import type { FieldError } from "../diagnostics";
import type { Deployment, EndpointSlice, Endpoints, Node, Pod, ReplicaSet } from "../k8s";
import { validateDeployment, validateReplicaSet } from "./apps";
import { validateEndpoints } from "./endpoints";
import { validateEndpointSlice } from "./endpointSlice";
import { validateNode } from "./node";
import { validatePod } from "./pod";

export {
  validateDeployment,
  validateReplicaSet,
  validateEndpoints,
  validateEndpointSlice,
  validateNode,
  validatePod,
};
export { validateObjectMeta, validateLabels, validateAnnotations, validateLabelSelector } from "./meta";
export { validatePodSpec } from "./pod";

type NonService = Node | Pod | Deployment | ReplicaSet | Endpoints | EndpointSlice;

export function validateObject(obj: NonService): FieldError[] {
  switch (obj.kind) {
    case "Node":
      return validateNode(obj);
    case "Pod":
      return validatePod(obj);
    case "Deployment":
      return validateDeployment(obj);
    case "ReplicaSet":
      return validateReplicaSet(obj);
    case "Endpoints":
      return validateEndpoints(obj);
    case "EndpointSlice":
      return validateEndpointSlice(obj);
  }
}
