// What of a cluster the graph draws. An imported cluster can hold thousands of pods in dozens of
// namespaces: drawn all at once they make boxes too tall to read and a slow page, so the person picks one
// namespace (or all), and a node box can fold its pods into a count. Past AUTO_COLLAPSE_PODS pods on show,
// node boxes start folded.
import type { ClusterSummary, PodSummary } from "../protocol/messages";
import { inSystemNamespace } from "../protocol/nsName";
import type { GraphView } from "../store/playgroundStore";

export const AUTO_COLLAPSE_PODS = 120;

interface DrawnCluster {
  /** The cluster as drawn: the chosen namespace's pods and Services, minus pods folded into their node. */
  cluster: ClusterSummary;
  /** By node name, the pods its folded box stands for (the chosen namespace's). */
  folded: Map<string, PodSummary[]>;
  /** By node name, its kube-system pods left out of "all namespaces" (CoreDNS): packets to them go to the box. */
  system: Map<string, PodSummary[]>;
}

/** All namespaces (null) means the person's: kube-system (CoreDNS) shows only when picked. */
const inNamespace = (name: string, ns: string | null) =>
  ns === null ? !inSystemNamespace(name) : name.startsWith(`${ns}/`);

export function drawnCluster(cluster: ClusterSummary, view: GraphView): DrawnCluster {
  const pods = cluster.pods.filter((p) => inNamespace(p.name, view.namespace));
  const system = new Map<string, PodSummary[]>();
  if (view.namespace === null)
    for (const p of cluster.pods)
      if (p.node && inSystemNamespace(p.name)) system.set(p.node, [...(system.get(p.node) ?? []), p]);
  const auto = pods.length > AUTO_COLLAPSE_PODS;
  const folded = new Map<string, PodSummary[]>();
  for (const n of cluster.nodes) if (view.collapsed[n.name] ?? auto) folded.set(n.name, []);
  const shown: PodSummary[] = [];
  for (const p of pods) {
    const fold = p.node ? folded.get(p.node) : undefined;
    if (fold) fold.push(p);
    else shown.push(p);
  }
  return {
    cluster: {
      ...cluster,
      pods: shown,
      services: cluster.services.filter((s) => inNamespace(s.name, view.namespace)),
    },
    folded,
    system,
  };
}

/** Whether a node's box is folded, as drawnCluster decides it. */
export function isFolded(cluster: ClusterSummary, view: GraphView, node: string): boolean {
  const explicit = view.collapsed[node];
  if (explicit !== undefined) return explicit;
  let pods = 0;
  for (const p of cluster.pods) if (inNamespace(p.name, view.namespace)) pods++;
  return pods > AUTO_COLLAPSE_PODS;
}

/** The namespaces that hold pods or Services, with how many of each, for the namespace filter. */
export function namespacesOf(cluster: ClusterSummary): { name: string; pods: number; services: number }[] {
  const m = new Map<string, { name: string; pods: number; services: number }>();
  const entry = (full: string) => {
    const name = full.slice(0, full.indexOf("/"));
    let e = m.get(name);
    if (!e) m.set(name, (e = { name, pods: 0, services: 0 }));
    return e;
  };
  for (const p of cluster.pods) entry(p.name).pods++;
  for (const s of cluster.services) entry(s.name).services++;
  return [...m.values()].sort((a, b) => a.name.localeCompare(b.name));
}
