// The selected object's YAML, taken from the manifests when it is written there, else (a pod a
// Deployment made) a summary of it. Loaded with the YAML tools, on first use.
import { stringify } from "yaml";
import { parseNsName } from "../../protocol/nsName";
import type { ClusterSummary, PodSummary } from "../../protocol/messages";
import { objectText, ref } from "../../store/yamlPatch";
import type { ParsedSelection, SelectionKind } from "./selection";

const API_KIND: Partial<Record<SelectionKind, string>> = { svc: "Service", pod: "Pod", node: "Node" };

interface ObjectYaml {
  text: string;
  /** "manifest": as written in the editor; "summary": made by a controller, shown as the cluster has it. */
  source: "manifest" | "summary";
}

function podSummaryYaml(p: PodSummary): string {
  const { namespace, name } = parseNsName(p.name);
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
