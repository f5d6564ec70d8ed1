// What the inspector shows for a selection id ("svc:NS/NAME", "pod:NS/NAME", "node:NAME",
// "client:NAME", "lb:NS/NAME"): the object's kind and name, and its YAML, taken from the manifests when
// it is written there, else (a pod a Deployment made) a summary of it.
import { stringify } from "yaml";
import type { ClusterSummary, EndpointState, PodSummary } from "../../protocol/messages";
import { objectText, ref } from "../../store/yamlPatch";

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

const API_KIND: Partial<Record<SelectionKind, string>> = { svc: "Service", pod: "Pod", node: "Node" };

export interface ObjectYaml {
  text: string;
  /** "manifest": as written in the editor; "summary": made by a controller, shown as the cluster has it. */
  source: "manifest" | "summary";
}

export function podSummaryYaml(p: PodSummary): string {
  const [namespace, name] = p.name.split("/", 2) as [string, string];
  return stringify({
    kind: "Pod",
    metadata: { name, namespace, labels: p.labels, ...(p.owner ? { ownedBy: p.owner } : {}) },
    spec: { nodeName: p.node },
    status: { phase: p.phase, podIP: p.ip, ready: p.ready, ...(p.terminating ? { terminating: true } : {}) },
  });
}

export function objectYaml(
  yaml: string,
  sel: ParsedSelection,
  cluster: ClusterSummary | null,
): ObjectYaml | null {
  const kind = sel.kind === "lb" ? "Service" : API_KIND[sel.kind];
  if (!kind) return null;
  const text = objectText(yaml, ref(kind, sel.name));
  if (text) return { text: text.trim() + "\n", source: "manifest" };
  if (sel.kind === "pod") {
    const pod = cluster?.pods.find((p) => p.name === sel.name);
    if (pod) return { text: podSummaryYaml(pod), source: "summary" };
  }
  return null;
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
