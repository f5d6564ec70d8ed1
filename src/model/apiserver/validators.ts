// The per-kind validators the API server runs (placeholders until the validation port lands).
import type { FieldError } from "../diagnostics";
import type { Deployment, EndpointSlice, Endpoints, Node, Pod, ReplicaSet } from "../k8s";

export const validateNode = (_n: Node): FieldError[] => [];
export const validatePod = (_p: Pod): FieldError[] => [];
export const validateEndpoints = (_e: Endpoints): FieldError[] => [];
export const validateEndpointSlice = (_e: EndpointSlice): FieldError[] => [];
export const validateDeployment = (_d: Deployment): FieldError[] => [];
export const validateReplicaSet = (_r: ReplicaSet): FieldError[] => [];
