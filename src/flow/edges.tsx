// Edge components: a tap line from a box to the node network, and a Service's line to each endpoint.
// Both draw their own geometry from the boxes (not from handles), the same geometry packets follow.
import {
  BaseEdge,
  getBezierPath,
  Position,
  useInternalNode,
  type EdgeProps,
  type InternalNode,
} from "@xyflow/react";
import { memo } from "react";
import { attachPoint, tapPoint, type Rect } from "../scene/geometry";
import type { EndpointEdge as EndpointEdgeType, TapEdge as TapEdgeType } from "./graphTypes";

function rectOf(n: InternalNode | undefined): Rect | null {
  if (!n) return null;
  const p = n.internals.positionAbsolute;
  return { x: p.x, y: p.y, w: n.measured.width ?? n.width ?? 0, h: n.measured.height ?? n.height ?? 0 };
}

export const TapEdge = memo(function TapEdge({ id, source, target }: EdgeProps<TapEdgeType>) {
  const box = rectOf(useInternalNode(source));
  const bus = rectOf(useInternalNode(target));
  if (!box || !bus) return null;
  const a = attachPoint(box, bus);
  const b = tapPoint(box, bus);
  return <BaseEdge id={id} path={`M${a.x},${a.y} L${b.x},${b.y}`} className="kh-tap" />;
});

export const EndpointEdge = memo(function EndpointEdge({
  id,
  source,
  target,
  data,
}: EdgeProps<EndpointEdgeType>) {
  const svc = rectOf(useInternalNode(source));
  const pod = rectOf(useInternalNode(target));
  if (!svc || !pod) return null;
  const below = pod.y > svc.y + svc.h / 2;
  // Enter the pod from the side facing the Service, so lines do not cross the pods above it.
  const fromRight = svc.x + svc.w / 2 > pod.x + pod.w / 2;
  const [path] = getBezierPath({
    sourceX: svc.x + svc.w / 2,
    sourceY: below ? svc.y + svc.h : svc.y,
    sourcePosition: below ? Position.Bottom : Position.Top,
    targetX: fromRight ? pod.x + pod.w : pod.x,
    targetY: pod.y + pod.h / 2,
    targetPosition: fromRight ? Position.Right : Position.Left,
  });
  return (
    <BaseEdge
      id={id}
      path={path}
      className={`kh-endpoint kh-endpoint--${data?.state ?? "ready"}${data?.highlighted ? " kh-endpoint--on" : ""}`}
    />
  );
});
