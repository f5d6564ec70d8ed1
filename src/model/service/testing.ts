// Test helpers: a Service as `kubectl apply` would send it, and errors as `path: message` lines.
import type { FieldError } from "../diagnostics";
import type { Service, ServiceSpec } from "../k8s";

export function makeService(spec: ServiceSpec, name = "web", namespace?: string): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: namespace === undefined ? { name } : { name, namespace },
    spec,
    status: {},
  };
}

export const lines = (errs: readonly FieldError[]): string[] =>
  errs.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
