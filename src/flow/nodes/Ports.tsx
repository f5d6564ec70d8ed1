// Invisible handles: React Flow needs one at each end of an edge, but our edges draw their own geometry.
import { Handle, Position } from "@xyflow/react";

export function SourcePort() {
  return <Handle type="source" position={Position.Top} isConnectable={false} className="kh-port" />;
}

export function TargetPort() {
  return <Handle type="target" position={Position.Top} isConnectable={false} className="kh-port" />;
}
