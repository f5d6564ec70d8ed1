// What the inspector shows for a selection id ("svc:NS/NAME", "pod:NS/NAME", "node:NAME",
// "client:NAME", "lb:NS/NAME"): the object's kind and name (its YAML: objectYaml.ts, loaded lazily).
import type { ClusterSummary, EndpointState } from "../../protocol/messages";
import { parsePlaceId, type PlaceKind } from "../../protocol/placeId";

export type SelectionKind = Extract<PlaceKind, "svc" | "pod" | "node" | "client" | "lb">;

export interface ParsedSelection {
  kind: SelectionKind;
  /** "ns/name" for namespaced objects, the bare name otherwise. */
  name: string;
}

const KINDS: ReadonlySet<string> = new Set<SelectionKind>(["svc", "pod", "node", "client", "lb"]);

export function parseSelection(id: string | null): ParsedSelection | null {
  const place = id ? parsePlaceId(id) : null;
  return place && KINDS.has(place.kind) ? { kind: place.kind as SelectionKind, name: place.name } : null;
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
