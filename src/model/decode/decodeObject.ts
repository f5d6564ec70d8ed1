// From a YAML value to a typed API object: apiVersion/kind recognised, metadata present, every field of
// the right type. What fails here never reaches the API server's defaulting or validation.
import type { FieldError } from "../diagnostics";
import type { KubeObject } from "../k8s";
import { IGNORED_KINDS, KINDS, kindInfo, objectName } from "./kinds";
import { goQuote } from "../field";
import { check, checkFinite, dropNulls } from "./schema";

type Decoded =
  | { ok: true; kind: "object"; object: KubeObject }
  | { ok: true; kind: "clusterConfig"; spec: Record<string, unknown>; label: string }
  | { ok: true; kind: "ignored"; note: FieldError; label: string }
  | { ok: false; errors: FieldError[]; label: string; unknownKind?: string };

const SUPPORTED = Object.entries(KINDS)
  .map(([k, i]) => `${i.apiVersion} ${k}`)
  .join(", ");

/** objectName as far as it can be read, for diagnostics about objects that did not decode. */
function labelOf(v: Record<string, unknown>): string {
  const kind = typeof v.kind === "string" ? v.kind : "";
  const md = (v.metadata && typeof v.metadata === "object" ? v.metadata : {}) as Record<string, unknown>;
  const name = typeof md.name === "string" ? md.name : "";
  const ns = typeof md.namespace === "string" ? md.namespace : undefined;
  return kind ? objectName(kind, ns, name) : "";
}

export function decodeObject(value: unknown): Decoded {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const got = Array.isArray(value)
      ? "a list"
      : typeof value === "string"
        ? goQuote(value)
        : String(value ?? null);
    return {
      ok: false,
      label: "",
      errors: [
        { path: "", message: `a Kubernetes object must be a mapping with apiVersion and kind; got ${got}` },
      ],
    };
  }
  const v = value as Record<string, unknown>;
  const label = labelOf(v);
  const errors: FieldError[] = [];
  // kubectl would not even send such a document: its conversion to JSON fails first.
  checkFinite(v, "", errors);
  if (errors.length) return { ok: false, label, errors };
  if (typeof v.apiVersion !== "string" || v.apiVersion === "")
    errors.push({ path: "apiVersion", message: "Required value: apiVersion not set (e.g. apiVersion: v1)" });
  if (typeof v.kind !== "string" || v.kind === "")
    errors.push({ path: "kind", message: "Required value: kind not set (e.g. kind: Service)" });
  if (errors.length) return { ok: false, label, errors };
  const kind = v.kind as string;
  const apiVersion = v.apiVersion as string;
  const info = kindInfo(kind);
  if (!info || info.apiVersion !== apiVersion) {
    if (IGNORED_KINDS.has(kind))
      return {
        ok: true,
        kind: "ignored",
        label,
        note: {
          path: "kind",
          severity: "info",
          message: `${kind} is read but not modelled: it does not change how Services route packets`,
        },
      };
    const hint = info
      ? `: ${kind} is served as apiVersion ${info.apiVersion}`
      : `; Kube Hops reads ${SUPPORTED}`;
    return {
      ok: false,
      label,
      ...(info ? {} : { unknownKind: kind }),
      errors: [
        {
          path: info ? "apiVersion" : "kind",
          message: `no matches for kind "${kind}" in version "${apiVersion}"${hint}`,
        },
      ],
    };
  }
  check(v, info.schema, "", errors);
  const md = v.metadata as Record<string, unknown> | undefined;
  if (kind !== "ClusterConfig" && (!md || typeof md !== "object"))
    errors.push({
      path: "metadata",
      message: "Required value: metadata.name is needed to create the object",
    });
  if (errors.length) return { ok: false, label, errors };
  const clean = dropNulls(v);
  if (kind === "ClusterConfig")
    return { ok: true, kind: "clusterConfig", spec: (clean.spec ?? {}) as Record<string, unknown>, label };
  const obj = clean as unknown as KubeObject & { spec?: unknown; status?: unknown };
  obj.metadata = Object.assign(Object.create(null) as KubeObject["metadata"], obj.metadata ?? { name: "" });
  if (info.namespaced && obj.metadata.namespace === undefined) obj.metadata.namespace = "default";
  // Kinds with a spec/status always carry both objects from here on, as the API server returns them.
  if (kind !== "Endpoints" && kind !== "EndpointSlice") {
    (obj as { spec: unknown }).spec ??= {};
    if (kind !== "Deployment" && kind !== "ReplicaSet") (obj as { status: unknown }).status ??= {};
  }
  return { ok: true, kind: "object", object: obj };
}
