// The bench's bare page: React Flow with the large cluster's nodes and edges (the playground's own
// buildGraph, default node and edge drawing, the same box sizes) and nothing else: no packet canvas, no
// worker, no panels. For comparing frame times and time to the first frame with the real app.
import { applyNodeChanges, type Node, type OnNodesChange, ReactFlow } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { StrictMode, useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import input from "virtual:kube-hops-bench-graph";
import { bareGraph } from "./graphData";

const graph = bareGraph(input.cluster);
const FIT = { padding: 0.05, maxZoom: 1.25 };

function Bare() {
  const [nodes, setNodes] = useState<Node[]>(graph.nodes);
  const onNodesChange: OnNodesChange = useCallback((ch) => setNodes((ns) => applyNodeChanges(ch, ns)), []);
  return (
    <div style={{ width: "100%", height: "100%" }}>
      <ReactFlow
        nodes={nodes}
        edges={graph.edges}
        onNodesChange={onNodesChange}
        fitView
        fitViewOptions={FIT}
        minZoom={0.15}
        maxZoom={2.5}
        nodesConnectable={false}
      />
    </div>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Bare />
  </StrictMode>,
);
