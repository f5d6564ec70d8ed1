// apps/v1 Deployment and ReplicaSet validation, the parts Kube Hops models. Source:
// pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec, ValidateReplicaSetSpec,
// ValidatePodTemplateSpecForReplicaSet) and core's ValidatePodTemplateSpec.
import type { FieldError } from "../diagnostics";
import type { Deployment, LabelSelector, PodTemplateSpec, ReplicaSet } from "../k8s";
import { child, goMap, invalid, required } from "../field";
import { validateDeploymentName, validateReplicaSetName } from "./names";
import {
  labelSelectorAsSelector,
  selectorIsEmpty,
  selectorMatches,
  validateAnnotations,
  validateLabels,
  validateLabelSelector,
  validateObjectMeta,
  type Selector,
} from "./meta";
import { validatePodSpec } from "./pod";

const IS_NEGATIVE = "must be greater than or equal to 0";

/** The bad value for a selector prints as its JSON form, map keys sorted. */
const selectorValue = (sel: LabelSelector) => ({
  ...(sel.matchLabels && Object.keys(sel.matchLabels).length ? { matchLabels: goMap(sel.matchLabels) } : {}),
  ...(sel.matchExpressions?.length ? { matchExpressions: sel.matchExpressions } : {}),
});

/** ValidatePodTemplateSpec: note the template's labels are reported at `template.labels`. */
function validatePodTemplateSpec(t: PodTemplateSpec, path: string): FieldError[] {
  const errs = validateLabels(t.metadata?.labels, child(path, "labels"));
  errs.push(...validateAnnotations(t.metadata?.annotations, child(path, "annotations")));
  errs.push(...validatePodSpec(t.spec, child(path, "spec"), { resourceIsPod: false }));
  return errs;
}

function validateTemplateForReplicaSet(
  t: PodTemplateSpec | undefined,
  selector: Selector,
  path: string,
): FieldError[] {
  if (!t) return [required(path)];
  const errs: FieldError[] = [];
  const labels = t.metadata?.labels;
  if (!selectorIsEmpty(selector) && !selectorMatches(selector, labels))
    errs.push(
      invalid(child(path, "metadata.labels"), goMap(labels), "`selector` does not match template `labels`"),
    );
  errs.push(...validatePodTemplateSpec(t, path));
  return errs;
}

type WorkloadSpec = Deployment["spec"] | ReplicaSet["spec"];

/** Shared by ValidateDeploymentSpec and ValidateReplicaSetSpec (both say "for deployment"). */
function validateWorkloadSpec(spec: WorkloadSpec | undefined, path: string): FieldError[] {
  const s = spec ?? ({} as Partial<WorkloadSpec>);
  const errs: FieldError[] = [];
  const replicas = s.replicas ?? 1; // defaulted to 1
  if (replicas < 0) errs.push(invalid(child(path, "replicas"), replicas, IS_NEGATIVE));
  const sel = s.selector;
  if (!sel) errs.push(required(child(path, "selector")));
  else {
    errs.push(...validateLabelSelector(sel, child(path, "selector")));
    if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0)
      errs.push(
        invalid(child(path, "selector"), selectorValue(sel), "empty selector is invalid for deployment"),
      );
  }
  const selector = labelSelectorAsSelector(sel);
  if (!selector) errs.push(invalid(child(path, "selector"), selectorValue(sel!), "invalid label selector"));
  else errs.push(...validateTemplateForReplicaSet(s.template, selector, child(path, "template")));
  return errs;
}

export function validateDeployment(d: Deployment): FieldError[] {
  const errs = validateObjectMeta(d.metadata, { namespaced: true, nameFn: validateDeploymentName });
  errs.push(...validateWorkloadSpec(d.spec, "spec"));
  return errs;
}

export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  const errs = validateObjectMeta(rs.metadata, { namespaced: true, nameFn: validateReplicaSetName });
  errs.push(...validateWorkloadSpec(rs.spec, "spec"));
  return errs;
}
