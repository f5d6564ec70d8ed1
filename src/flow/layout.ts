// The automatic layout: the node network (a bus) across the middle, the cluster's nodes in one row below
// it (or, past five nodes, in two rows, one above and one below), the outside world (clients, cloud
// load balancers) and the Services where a reader looks first. Deterministic, so the same cluster always
// gets the same picture.
//
// Why not dagre's layered layout: it puts every node of one rank in a single row (twenty nodes make a
// strip too wide to read) and has no notion of a shared network line; a fixed, tested arrangement
// around the bus reads better for 3 to 20 nodes and keeps packet routes straight.
import type { ClusterSummary } from "../protocol/messages";
import type { Position } from "../store/playgroundStore";
import { placeId } from "../protocol/placeId";
import { BUS_ID } from "../scene/ids";
import {
  BUS_H,
  CLIENT_H,
  CLIENT_W,
  GAP_X,
  GAP_Y,
  LB_H,
  LB_W,
  nodeBoxSize,
  SVC_H,
  SVC_W,
  type Size,
} from "./sizes";

/** Services in one column beside a two-row layout; more wrap into columns. */
const SERVICES_PER_COLUMN = 8;
/** Past this many nodes, they go in two rows, one each side of the bus. */
export const ONE_ROW_MAX = 5;

interface Item extends Size {
  id: string;
}

interface LayoutResult {
  positions: Record<string, Position>;
  sizes: Record<string, Size>;
}

/** Pods per node, counted the way the graph draws them (pods without a node are not drawn). */
function podsPerNode(cluster: ClusterSummary): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of cluster.pods) if (p.node) m.set(p.node, (m.get(p.node) ?? 0) + 1);
  return m;
}

/**
 * The Services the graph draws: all but the API server's own "default/kubernetes" (no selector, and no
 * endpoints in the simulation), which would only show a red "no endpoints" nobody can fix.
 */
export function shownServices(cluster: ClusterSummary) {
  return cluster.services.filter((s) => !(s.name === "default/kubernetes" && !s.selector));
}

export function loadBalancedServices(cluster: ClusterSummary) {
  return cluster.services.filter((s) => s.type === "LoadBalancer");
}

export function autoLayout(cluster: ClusterSummary): LayoutResult {
  const pods = podsPerNode(cluster);
  const nodes: Item[] = [...cluster.nodes]
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }))
    .map((n) => ({ id: placeId("node", n.name), ...nodeBoxSize(pods.get(n.name) ?? 0) }));
  const outside: Item[] = [
    ...cluster.clients.map((c) => ({ id: placeId("client", c.name), w: CLIENT_W, h: CLIENT_H })),
    ...loadBalancedServices(cluster).map((s) => ({ id: placeId("lb", s.name), w: LB_W, h: LB_H })),
  ];
  const services: Item[] = shownServices(cluster).map((s) => ({
    id: placeId("svc", s.name),
    w: SVC_W,
    h: SVC_H,
  }));

  const positions: Record<string, Position> = {};
  const sizes: Record<string, Size> = {};
  for (const it of [...nodes, ...outside, ...services]) sizes[it.id] = { w: it.w, h: it.h };

  if (nodes.length <= ONE_ROW_MAX) {
    // Outside things and Services in a band on top, the bus, then the nodes.
    const band = [...outside, ...services];
    const bandH = maxH(band);
    const busY = band.length ? bandH + GAP_Y : 0;
    const rowY = busY + BUS_H + GAP_Y;
    const width = Math.max(rowWidth(nodes), rowWidth(band));
    placeRow(band, (width - rowWidth(band)) / 2, 0, positions, "bottom", bandH);
    placeRow(nodes, (width - rowWidth(nodes)) / 2, rowY, positions, "top", 0);
    positions[BUS_ID] = { x: 0, y: busY };
    return { positions, sizes };
  }

  // Two rows around the bus; the outside on its left end, the Services on its right.
  const half = Math.ceil(nodes.length / 2);
  const upper = nodes.slice(0, half);
  const lower = nodes.slice(half);
  const upperH = maxH(upper);
  const busY = upperH + GAP_Y;
  const width = Math.max(rowWidth(upper), rowWidth(lower));
  placeRow(upper, (width - rowWidth(upper)) / 2, 0, positions, "bottom", upperH);
  placeRow(lower, (width - rowWidth(lower)) / 2, busY + BUS_H + GAP_Y, positions, "top", 0);
  const busMid = busY + BUS_H / 2;
  placeColumn(outside, -GAP_X * 2, busMid, positions, "right");
  // Many Services (an imported cluster's) wrap into columns rather than one column miles high.
  const perColumn =
    services.length <= SERVICES_PER_COLUMN ? services.length : Math.ceil(Math.sqrt(services.length * 2));
  for (let i = 0; i * perColumn < services.length; i++)
    placeColumn(
      services.slice(i * perColumn, (i + 1) * perColumn),
      width + GAP_X * 2 + i * (SVC_W + GAP_X),
      busMid,
      positions,
      "left",
    );
  positions[BUS_ID] = { x: 0, y: busY };
  return { positions, sizes };
}

const maxH = (items: Item[]) => items.reduce((m, it) => Math.max(m, it.h), 0);
const rowWidth = (items: Item[]) =>
  items.reduce((w, it) => w + it.w, 0) + Math.max(0, items.length - 1) * GAP_X;

function placeRow(
  items: Item[],
  x0: number,
  y: number,
  out: Record<string, Position>,
  align: "top" | "bottom",
  rowH: number,
): void {
  let x = x0;
  for (const it of items) {
    out[it.id] = { x: Math.round(x), y: Math.round(align === "top" ? y : y + rowH - it.h) };
    x += it.w + GAP_X;
  }
}

/** A column centred on `midY`; `edge` is the x of its right side ("right") or its left side ("left"). */
function placeColumn(
  items: Item[],
  edge: number,
  midY: number,
  out: Record<string, Position>,
  side: "left" | "right",
): void {
  const gap = GAP_Y / 2;
  const total = items.reduce((h, it) => h + it.h, 0) + Math.max(0, items.length - 1) * gap;
  let y = midY - total / 2;
  for (const it of items) {
    out[it.id] = { x: Math.round(side === "right" ? edge - it.w : edge), y: Math.round(y) };
    y += it.h + gap;
  }
}

/**
 * Where everything goes when some boxes were placed before (a layout, a drag) and others are new (a
 * Service or load balancer added since): kept boxes stay; a newcomer takes its automatic place, moved
 * right a step at a time until it covers no other box. Deterministic: the same inputs, the same picture.
 */
export function placeNewcomers(kept: Record<string, Position>, auto: LayoutResult): Record<string, Position> {
  const out: Record<string, Position> = {};
  const taken: { x: number; y: number; w: number; h: number }[] = [];
  const size = (id: string): Size => auto.sizes[id] ?? { w: 0, h: 0 };
  for (const id of Object.keys(auto.positions)) {
    if (!kept[id]) continue;
    out[id] = kept[id];
    taken.push({ ...kept[id], ...size(id) });
  }
  const overlaps = (r: { x: number; y: number; w: number; h: number }) =>
    taken.some((t) => r.x < t.x + t.w && t.x < r.x + r.w && r.y < t.y + t.h && t.y < r.y + r.h);
  for (const [id, p] of Object.entries(auto.positions)) {
    if (kept[id]) continue;
    const { w, h } = size(id);
    const r = { x: p.x, y: p.y, w, h };
    // Nothing kept means a fresh layout, where nothing overlaps; the step bound keeps a crowd finite.
    for (let step = 0; taken.length && overlaps(r) && step < 200; step++) r.x += w + GAP_X;
    out[id] = { x: r.x, y: r.y };
    taken.push(r);
  }
  return out;
}
