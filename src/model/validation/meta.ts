// ObjectMeta, labels, annotations and label selectors, as the API server checks them on create.
// Sources: apimachinery/pkg/api/validation/objectmeta.go (ValidateObjectMetaAccessor),
// apimachinery/pkg/apis/meta/v1/validation/validation.go (ValidateLabels, ValidateLabelSelector),
// apimachinery/pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector).
import type { FieldError } from "../diagnostics";
import type { LabelSelector, LabelSelectorRequirement, ObjectMeta, OwnerReference } from "../k8s";
import { child, forbidden, index, invalid, required, tooLong } from "../field";
import {
  byteLength,
  isQualifiedName,
  isValidLabelValue,
  validateNamespaceName,
  validateQualifiedName,
  type NameFn,
} from "./names";

const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

/** metav1validation.ValidateLabelName: the same check as ValidateQualifiedName. */
export const validateLabelName = validateQualifiedName;

/** Every key and value; errors name the map's path (`metadata.labels`), not the key. */
export function validateLabels(
  labels: Readonly<Record<string, string>> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    errs.push(...isValidLabelValue(String(v)).map((m) => invalid(path, v, m)));
  }
  return errs;
}

/** Keys are qualified names compared case-insensitively; keys plus values at most 256 KiB. */
export function validateAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    errs.push(...isQualifiedName(k.toLowerCase()).map((m) => invalid(path, k, m)));
    size += byteLength(k) + byteLength(String(v));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

function validateOwnerReferences(refs: readonly OwnerReference[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = "";
  for (const ref of refs ?? []) {
    const apiVersion = ref.apiVersion ?? "";
    const version = apiVersion.includes("/") ? apiVersion.slice(apiVersion.indexOf("/") + 1) : apiVersion;
    if (!version) errs.push(invalid(child(path, "apiVersion"), apiVersion, "version must not be empty"));
    if (!ref.kind) errs.push(invalid(child(path, "kind"), ref.kind ?? "", "must not be empty"));
    if (!ref.name) errs.push(invalid(child(path, "name"), ref.name ?? "", "must not be empty"));
    if (!ref.uid) errs.push(invalid(child(path, "uid"), ref.uid ?? "", "must not be empty"));
    if (ref.controller) {
      const cur = `${ref.kind}/${ref.name}`;
      if (firstController)
        errs.push(
          invalid(
            path,
            refs,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`,
          ),
        );
      else firstController = cur;
    }
  }
  return errs;
}

interface ObjectMetaOptions {
  namespaced: boolean;
  nameFn: NameFn;
}

/**
 * ValidateObjectMeta as core's validators call it. The API server fills an empty namespace from the
 * request (rest.BeforeCreate) before this runs, so callers applying a manifest should do the same.
 */
export function validateObjectMeta(
  meta: Partial<ObjectMeta> | undefined,
  opts: ObjectMetaOptions,
  path = "metadata",
): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  const generateName = m.generateName ?? "";
  if (generateName)
    errs.push(
      ...opts
        .nameFn(generateName, true)
        .map((msg) => invalid(child(path, "generateName"), generateName, msg)),
    );
  const name = m.name ?? "";
  if (!name) errs.push(required(child(path, "name"), "name or generateName is required"));
  else errs.push(...opts.nameFn(name, false).map((msg) => invalid(child(path, "name"), name, msg)));

  const namespace = m.namespace ?? "";
  if (opts.namespaced) {
    if (!namespace) errs.push(required(child(path, "namespace")));
    else
      errs.push(
        ...validateNamespaceName(namespace, false).map((msg) =>
          invalid(child(path, "namespace"), namespace, msg),
        ),
      );
  } else if (namespace) {
    errs.push(forbidden(child(path, "namespace"), "not allowed on this type"));
  }
  errs.push(...validateLabels(m.labels, child(path, "labels")));
  errs.push(...validateAnnotations(m.annotations, child(path, "annotations")));
  errs.push(...validateOwnerReferences(m.ownerReferences, child(path, "ownerReferences")));
  return errs;
}

// ---- Label selectors ----

const OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"];

function validateLabelSelectorRequirement(sr: LabelSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = sr.values ?? [];
  switch (sr.operator) {
    case "In":
    case "NotIn":
      if (values.length === 0)
        errs.push(required(child(path, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (values.length > 0)
        errs.push(
          forbidden(
            child(path, "values"),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      break;
    default:
      errs.push(invalid(child(path, "operator"), sr.operator ?? "", "not a valid selector operator"));
  }
  errs.push(...validateLabelName(sr.key ?? "", child(path, "key")));
  // AllowInvalidLabelValueInSelector is false for workloads created now.
  values.forEach((v, i) =>
    errs.push(...isValidLabelValue(v).map((msg) => invalid(index(child(path, "values"), i), v, msg))),
  );
  return errs;
}

export function validateLabelSelector(sel: LabelSelector | undefined, path: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, child(path, "matchLabels"));
  (sel.matchExpressions ?? []).forEach((e, i) =>
    errs.push(...validateLabelSelectorRequirement(e, index(child(path, "matchExpressions"), i))),
  );
  return errs;
}

/** A compiled selector: `nothing` matches no set (a nil selector), an empty one matches all. */
export interface Selector {
  nothing: boolean;
  requirements: LabelSelectorRequirement[];
}

/** LabelSelectorAsSelector: null when a requirement is malformed (bad key, value or operator). */
export function labelSelectorAsSelector(sel: LabelSelector | undefined | null): Selector | null {
  if (!sel) return { nothing: true, requirements: [] };
  const reqs: LabelSelectorRequirement[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {}))
    reqs.push({ key: k, operator: "In", values: [String(v)] });
  for (const e of sel.matchExpressions ?? []) reqs.push(e);
  for (const r of reqs) {
    if (!OPERATORS.includes(r.operator)) return null;
    const values = r.values ?? [];
    if ((r.operator === "In" || r.operator === "NotIn") && values.length === 0) return null;
    if ((r.operator === "Exists" || r.operator === "DoesNotExist") && values.length > 0) return null;
    if (isQualifiedName(r.key ?? "").length) return null;
    if (values.some((v) => isValidLabelValue(v).length)) return null;
  }
  return { nothing: false, requirements: reqs };
}

export const selectorIsEmpty = (s: Selector) => !s.nothing && s.requirements.length === 0;

export function selectorMatches(s: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (s.nothing) return false;
  const l = labels ?? {};
  return s.requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.operator) {
      case "In":
        return has && (r.values ?? []).includes(v!);
      case "NotIn":
        return !has || !(r.values ?? []).includes(v!);
      case "Exists":
        return has;
      case "DoesNotExist":
        return !has;
    }
    return false;
  });
}
