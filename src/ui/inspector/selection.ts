// What the inspector shows for a selection id ("svc:NS/NAME", "pod:NS/NAME", "node:NAME",
// "client:NAME", "lb:NS/NAME"): the object's kind and name (its YAML: objectYaml.ts, loaded lazily).
import type { ClusterSummary, EndpointState } from "../../protocol/messages";

export type SelectionKind = "svc" | "pod" | "node" | "client" | "lb";

export interface ParsedSelection {
  kind: SelectionKind;
  /** "ns/name" for namespaced objects, the bare name otherwise. */
  name: string;
}

const KINDS = new Set<SelectionKind>(["svc", "pod", "node", "client", "lb"]);

export function parseSelection(id: string | null): ParsedSelection | null {
  if (!id) return null;
  const colon = id.indexOf(":");
  const kind = id.slice(0, colon) as SelectionKind;
  if (colon < 0 || !KINDS.has(kind)) return null;
  return { kind, name: id.slice(colon + 1) };
}

export type EndpointBadge = "ready" | "serving" | "terminating" | "not ready";

/** The badges of an endpoint's conditions, as `kubectl get endpointslice -o yaml` would show them. */
export function endpointBadges(e: EndpointState): EndpointBadge[] {
  const out: EndpointBadge[] = [];
  if (e.ready) out.push("ready");
  else if (e.serving) out.push("serving");
  else out.push("not ready");
  if (e.terminating) out.push("terminating");
  return out;
}

/** How many replicas a Deployment has now: its pods that are not terminating. */
export function replicasOf(cluster: ClusterSummary | null, deployment: string): number {
  return cluster?.pods.filter((p) => p.owner === deployment && !p.terminating).length ?? 0;
}
