// Placeholder until the full ValidateObjectMeta lands: the name is required and must follow the kind's rule.
import type { FieldError } from "../diagnostics";
import { invalid, required } from "../field";
import type { ObjectMeta } from "../k8s";

export function validateObjectMeta(
  meta: ObjectMeta,
  opts: { namespaced: boolean; nameFn: (name: string) => string[] },
): FieldError[] {
  if (!meta.name) return [required("metadata.name", "name or generateName is required")];
  return opts.nameFn(meta.name).map((m) => invalid("metadata.name", meta.name, m));
}
