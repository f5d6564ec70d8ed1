// What the API server does, kind by kind, when an object is created: defaulting (at decode time),
// allocation (the REST storage's BeginCreate) and validation (the strategy's Validate), in that order
// (staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go, Store.Create).
import type { ClusterConfig } from "../clusterConfig";
import type { FieldError } from "../diagnostics";
import type { KubeObject } from "../k8s";

export interface KindHandler<T extends KubeObject = KubeObject> {
  namespaced: boolean;
  setDefaults(obj: T): void;
  /** Takes what the object needs from shared pools (IPs, ports); errors leave nothing taken. */
  allocate?(obj: T): FieldError[];
  release?(obj: T): void;
  /** ValidateObjectMeta with the kind's name rule, then the kind's own checks. */
  validate(obj: T, config: ClusterConfig): FieldError[];
}
