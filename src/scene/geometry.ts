// Where things attach to the node network (the "bus" every node, client and load balancer hangs off),
// and the route a packet takes between two places. Pure: the tap edges and the packet layer share it,
// so a dot always runs along the line the graph draws.
import { parsePlaceId } from "../protocol/placeId";

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Point {
  x: number;
  y: number;
}

/** What a place is, for routing: things on the bus, pods inside node boxes, or somewhere unknown. */
export const PLACE_BUS = 0;
export const PLACE_POD = 1;
export const PLACE_OTHER = 2;

export function placeKind(id: string): number {
  switch (parsePlaceId(id)?.kind) {
    case "client":
    case "node":
    case "lb":
      return PLACE_BUS;
    case "pod":
      return PLACE_POD;
    default:
      return PLACE_OTHER;
  }
}

/** Inset of a tap from the bus's ends. */
const TAP_INSET = 14;
/** How far inside a pod's left edge its "port" sits. */
const POD_PORT_INSET = 12;

function isAboveBus(r: Rect, bus: Rect): boolean {
  return r.y + r.h / 2 < bus.y + bus.h / 2;
}

/** A box level with the bus (its vertical span crosses the bus's) sits beside it and taps its end. */
export function isBesideBus(r: Rect, bus: Rect): boolean {
  return r.y < bus.y + bus.h && r.y + r.h > bus.y && (r.x + r.w <= bus.x || r.x >= bus.x + bus.w);
}

/** The middle of the side of a box that faces the bus. */
export function attachPoint(r: Rect, bus: Rect): Point {
  if (isBesideBus(r, bus))
    return r.x + r.w <= bus.x ? { x: r.x + r.w, y: r.y + r.h / 2 } : { x: r.x, y: r.y + r.h / 2 };
  return { x: r.x + r.w / 2, y: isAboveBus(r, bus) ? r.y + r.h : r.y };
}

/** Where a box's tap line meets the bus (its near edge), straight across from the box when it can. */
export function tapPoint(r: Rect, bus: Rect): Point {
  if (isBesideBus(r, bus))
    return {
      x: r.x + r.w <= bus.x ? bus.x : bus.x + bus.w,
      y: Math.min(bus.y + bus.h, Math.max(bus.y, r.y + r.h / 2)),
    };
  const lo = bus.x + TAP_INSET;
  const hi = bus.x + bus.w - TAP_INSET;
  const cx = r.x + r.w / 2;
  return {
    x: hi < lo ? bus.x + bus.w / 2 : Math.min(hi, Math.max(lo, cx)),
    y: isAboveBus(r, bus) ? bus.y : bus.y + bus.h,
  };
}

/** The x-extent of the bus: under every box that hangs above or below it, plus a margin. */
export function busExtent(
  boxes: readonly Rect[],
  busY: number,
  busH: number,
  margin: number,
): { x: number; w: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of boxes) {
    // Level with the bus means beside it: those tap its ends and do not stretch it.
    if (r.y < busY + busH && r.y + r.h > busY) continue;
    lo = Math.min(lo, r.x);
    hi = Math.max(hi, r.x + r.w);
  }
  if (lo > hi) return { x: 0, w: 320 };
  return { x: lo - margin, w: hi - lo + margin * 2 };
}

/**
 * Writes the route from one place to another into `out` as x,y pairs and returns the number of points
 * (1 to 4). Bus places go down their tap, along the bus's middle and up the other tap; a pod is entered
 * at its port from the node's attach point; a place to itself is one point.
 */
export function writeRoute(
  fromKind: number,
  from: Rect,
  toKind: number,
  to: Rect,
  bus: Rect,
  sameIds: boolean,
  out: Float64Array,
): number {
  if (sameIds) {
    anchor(fromKind, from, bus, out, 0);
    return 1;
  }
  if (fromKind === PLACE_BUS && toKind === PLACE_BUS) {
    anchor(fromKind, from, bus, out, 0);
    const mid = bus.y + bus.h / 2;
    const a = tapPoint(from, bus);
    const b = tapPoint(to, bus);
    out[2] = a.x;
    out[3] = mid;
    out[4] = b.x;
    out[5] = mid;
    anchor(toKind, to, bus, out, 6);
    return 4;
  }
  anchor(fromKind, from, bus, out, 0);
  anchor(toKind, to, bus, out, 2);
  return 2;
}

/** A place's own point: a bus box's attach point, a pod's port, or the middle of anything else. */
function anchor(kind: number, r: Rect, bus: Rect, out: Float64Array, at: number): void {
  if (kind === PLACE_BUS) {
    const p = attachPoint(r, bus);
    out[at] = p.x;
    out[at + 1] = p.y;
  } else if (kind === PLACE_POD) {
    out[at] = r.x + POD_PORT_INSET;
    out[at + 1] = r.y + r.h / 2;
  } else {
    out[at] = r.x + r.w / 2;
    out[at + 1] = r.y + r.h / 2;
  }
}
