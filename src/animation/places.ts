// Box rectangles by place id, read straight from React Flow's store (absolute positions and measured
// sizes), cached and rebuilt only when React Flow's node list changes (a drag, a new pod, a resize).
import type { InternalNode, ReactFlowState } from "@xyflow/react";
import type { Rect } from "../scene/geometry";
import { BUS_ID } from "../scene/ids";
import type { PlaceLookup } from "./scene";

export class FlowPlaces implements PlaceLookup {
  private readonly rects = new Map<string, Rect>();
  private seen: unknown = null;

  /** Re-reads the rectangles when the node list changed; true when it did. */
  refresh(state: ReactFlowState): boolean {
    if (state.nodes === this.seen) return false;
    this.seen = state.nodes;
    this.rects.clear();
    for (const [id, n] of state.nodeLookup) {
      const r = rectOf(n);
      this.rects.set(id, r);
      // Pods folded into a node box: packets to them go to the box.
      const folded = (n.data as { foldedPodIds?: unknown }).foldedPodIds;
      if (Array.isArray(folded)) for (const pod of folded as string[]) this.rects.set(pod, r);
    }
    return true;
  }

  rect(id: string): Rect | null {
    return this.rects.get(id) ?? null;
  }

  bus(): Rect | null {
    return this.rects.get(BUS_ID) ?? null;
  }
}

function rectOf(n: InternalNode): Rect {
  const p = n.internals.positionAbsolute;
  return { x: p.x, y: p.y, w: n.measured.width ?? n.width ?? 0, h: n.measured.height ?? n.height ?? 0 };
}
