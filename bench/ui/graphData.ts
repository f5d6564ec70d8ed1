// What the bare page renders: React Flow nodes and edges of the large cluster. Until src/flow has a graph
// builder this is a stand-in layout of the same objects at similar sizes: node boxes in a grid with their
// pods as child nodes (parentId), Services in rows above, one edge from a Service to each selected pod.
import type { Edge, Node } from "@xyflow/react";
import type { ClusterSummary } from "../../src/protocol/messages";

export interface BenchGraph {
  /** Which layout made this: "stand-in" or the name of the src/flow builder. */
  source: string;
  nodes: Node[];
  edges: Edge[];
}

const NODE_W = 300;
const NODE_H = 220;
const POD_W = 64;
const POD_H = 36;
const SVC_W = 150;
const SVC_H = 44;
const COLS = 5;
const GAP = 40;

export function standInGraph(c: ClusterSummary): BenchGraph {
  const nodes: Node[] = [];
  const edges: Edge[] = [];
  const svcRows = Math.ceil(c.services.length / 25);
  const top = svcRows * (SVC_H + GAP) + GAP;
  c.services.forEach((s, i) =>
    nodes.push({
      id: `svc:${s.name}`,
      position: { x: (i % 25) * (SVC_W + 10), y: Math.floor(i / 25) * (SVC_H + GAP) },
      data: { label: `${s.name} ${s.type}` },
      style: { width: SVC_W, height: SVC_H },
    }),
  );
  c.nodes.forEach((n, i) =>
    nodes.push({
      id: `node:${n.name}`,
      position: { x: (i % COLS) * (NODE_W + GAP), y: top + Math.floor(i / COLS) * (NODE_H + GAP) },
      data: { label: `${n.name} ${n.ip}` },
      style: { width: NODE_W, height: NODE_H },
    }),
  );
  const slot = new Map<string, number>();
  for (const p of c.pods) {
    if (!p.node) continue;
    const k = slot.get(p.node) ?? 0;
    slot.set(p.node, k + 1);
    nodes.push({
      id: `pod:${p.name}`,
      parentId: `node:${p.node}`,
      extent: "parent",
      position: { x: 8 + (k % 4) * (POD_W + 8), y: 40 + Math.floor(k / 4) * (POD_H + 8) },
      data: { label: p.name.split("/")[1] ?? p.name },
      style: { width: POD_W, height: POD_H, fontSize: 8 },
    });
  }
  for (const s of c.services) {
    if (!s.selector) continue;
    const sel = Object.entries(s.selector);
    for (const p of c.pods)
      if (p.node && sel.every(([k, v]) => p.labels[k] === v))
        edges.push({ id: `${s.name}>${p.name}`, source: `svc:${s.name}`, target: `pod:${p.name}` });
  }
  return { source: "stand-in", nodes, edges };
}

/** The graph the bare page shows: the stand-in until src/flow has a builder. */
export function benchGraph(c: ClusterSummary): BenchGraph {
  return standInGraph(c);
}
