// Sizes of the graph's boxes in flow units (1 unit = 1 CSS pixel at zoom 1). The layout, the node
// components and the packet routes all read them from here, so a box and its route always agree.
export const POD_W = 196;
export const POD_H = 48;
const POD_GAP = 8;
const NODE_PAD = 12;
const NODE_HEADER = 60;
/** Height of a node box's body when it has no pods ("no pods"). */
const NODE_EMPTY_BODY = 40;
/** Pods per column before a node box grows a second column. */
const PODS_PER_COLUMN = 4;
export const CLIENT_W = 184;
export const CLIENT_H = 60;
export const LB_W = 210;
export const LB_H = 64;
export const SVC_W = 256;
export const SVC_H = 118;
export const BUS_H = 28;
/** Gap between boxes in a row, and between the bus and the boxes. */
export const GAP_X = 40;
export const GAP_Y = 56;

export interface Size {
  w: number;
  h: number;
}

/** How many columns and rows of pods a node box holds. */
function podGrid(pods: number): { cols: number; rows: number } {
  if (pods <= 0) return { cols: 1, rows: 0 };
  const cols = pods <= PODS_PER_COLUMN ? 1 : 2;
  return { cols, rows: Math.ceil(pods / cols) };
}

export function nodeBoxSize(pods: number): Size {
  const { cols, rows } = podGrid(pods);
  const w = NODE_PAD * 2 + cols * POD_W + (cols - 1) * POD_GAP;
  const body = rows === 0 ? NODE_EMPTY_BODY : rows * POD_H + (rows - 1) * POD_GAP;
  return { w, h: NODE_HEADER + body + NODE_PAD };
}

/** A pod's place inside its node box (relative to the box), by its index among the node's pods. */
export function podSlot(index: number, pods: number): { x: number; y: number } {
  const { cols } = podGrid(pods);
  const col = cols === 1 ? 0 : index % cols;
  const row = cols === 1 ? index : Math.floor(index / cols);
  return { x: NODE_PAD + col * (POD_W + POD_GAP), y: NODE_HEADER + row * (POD_H + POD_GAP) };
}
