// The bench's bare page: React Flow with the large cluster's nodes and edges and nothing else (no packet
// canvas, no worker, no panels), for comparing frame times and time to first frame with the real app.
import { ReactFlow, type Node, type OnNodesChange, applyNodeChanges } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { StrictMode, useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import graph from "virtual:kube-hops-bench-graph";

function Bare() {
  const [nodes, setNodes] = useState<Node[]>(graph.nodes);
  const onNodesChange: OnNodesChange = useCallback((ch) => setNodes((ns) => applyNodeChanges(ch, ns)), []);
  return (
    <div style={{ width: "100%", height: "100%" }}>
      <ReactFlow nodes={nodes} edges={graph.edges} onNodesChange={onNodesChange} fitView minZoom={0.05} />
    </div>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Bare />
  </StrictMode>,
);
