// The bare page's input: the large cluster's summary (as the worker would send it after loading), and
// how the bare page turns it into plain React Flow nodes and edges: the playground's own buildGraph
// (src/flow), with each box kept at its size but drawn by React Flow's default node and edge.
import type { Edge, Node } from "@xyflow/react";
import { buildGraph } from "../../src/flow/buildGraph";
import { POD_H, POD_W } from "../../src/flow/sizes";
import type { ClusterSummary } from "../../src/protocol/messages";

export interface BenchGraph {
  cluster: ClusterSummary;
}

export function bareGraph(cluster: ClusterSummary): { nodes: Node[]; edges: Edge[] } {
  const g = buildGraph({ cluster, status: { nodes: {}, endpoints: null }, positions: {}, selection: null });
  const nodes: Node[] = g.nodes.map((n) => ({
    id: n.id,
    position: n.position,
    ...(n.parentId ? { parentId: n.parentId, extent: n.extent } : {}),
    width: n.width ?? (n.type === "pod" ? POD_W : undefined),
    height: n.height ?? (n.type === "pod" ? POD_H : undefined),
    style: {
      width: n.width ?? (n.type === "pod" ? POD_W : undefined),
      height: n.height ?? (n.type === "pod" ? POD_H : undefined),
    },
    data: { label: n.id },
  }));
  const edges: Edge[] = g.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));
  return { nodes, edges };
}
