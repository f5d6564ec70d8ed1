// Draws one frame of the packet layer: dots of one colour as one path (diamonds for DNS lookups), replies
// as rings, the followed packet ringed, then the NAT labels and end marks in screen space (so their text
// stays readable at any zoom). Reads only what the scene computed in `advance`.
import { CONNECTION_COLOURS } from "../scene/palette";
import type { PacketScene, PlaceLookup } from "./scene";

export interface Look {
  /** Canvas backing-store pixels per CSS pixel. */
  dpr: number;
  /** React Flow's viewport: translate x, y and zoom. */
  tx: number;
  ty: number;
  zoom: number;
  /** CSS pixel size of the canvas. */
  width: number;
  height: number;
  halo: string;
  rim: string;
  labelBg: string;
  labelFg: string;
  labelBorder: string;
  bad: string;
  warn: string;
  muted: string;
  /** Label font size in CSS pixels (larger in projector mode). */
  fontPx: number;
  followed: number | null;
}

const DOT = 6;
const N_COLOURS = CONNECTION_COLOURS.length;
const tmp = new Float64Array(2);
/** Lines already drawn per place this frame: several labels on one place stack upwards. */
const stack = new Map<string, number>();
const alphas = new Float64Array(64);

export function drawFrame(
  ctx: CanvasRenderingContext2D,
  scene: PacketScene,
  places: PlaceLookup,
  now: number,
  wall: number,
  look: Look,
): void {
  const { dpr, tx, ty, zoom } = look;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, look.width, look.height);
  ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
  const pool = scene.pool;
  const r = Math.max(DOT, 4 / zoom);
  const xs = scene.xs;
  const ys = scene.ys;
  const shown = scene.shown;

  if (pool.count > 0) {
    // A halo under every dot, so dots read on edges, boxes and both themes.
    ctx.beginPath();
    for (let i = 0; i < pool.count; i++) {
      if (!shown[i]) continue;
      mark(ctx, xs[i]!, ys[i]!, r + 2 / zoom, scene.isDns(i));
    }
    ctx.fillStyle = look.halo;
    ctx.fill();
    // A faint rim: light dots (yellow, sky blue) stay visible on a light background.
    ctx.strokeStyle = look.rim;
    ctx.lineWidth = 1 / zoom;
    ctx.stroke();
    for (let c = 0; c < N_COLOURS; c++) {
      // Requests: filled dots.
      ctx.beginPath();
      let any = false;
      for (let i = 0; i < pool.count; i++) {
        if (!shown[i] || pool.connection[i]! % N_COLOURS !== c || scene.isReply(i)) continue;
        mark(ctx, xs[i]!, ys[i]!, r, scene.isDns(i));
        any = true;
      }
      ctx.fillStyle = CONNECTION_COLOURS[c]!;
      if (any) ctx.fill();
      // Replies: rings of the connection's colour.
      ctx.beginPath();
      any = false;
      for (let i = 0; i < pool.count; i++) {
        if (!shown[i] || pool.connection[i]! % N_COLOURS !== c || !scene.isReply(i)) continue;
        mark(ctx, xs[i]!, ys[i]!, r - 1.25, scene.isDns(i));
        any = true;
      }
      if (any) {
        ctx.strokeStyle = CONNECTION_COLOURS[c]!;
        ctx.lineWidth = 2.5;
        ctx.stroke();
      }
    }
  }

  // The followed packet: a ring around it.
  if (look.followed !== null && scene.packetPoint(look.followed, tmp)) {
    ctx.beginPath();
    ctx.arc(tmp[0]!, tmp[1]!, r + 6 / zoom, 0, Math.PI * 2);
    ctx.strokeStyle = look.labelFg;
    ctx.lineWidth = 2 / zoom;
    ctx.stroke();
  }

  drawOverlays(ctx, scene, places, now, wall, look);
}

/**
 * Adds one packet's outline to the path: a dot, or for a DNS lookup's query or answer a diamond, so the
 * lookup before a connection reads apart from it by shape as well as by colour.
 */
function mark(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, dns: boolean): void {
  if (!dns) {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
    return;
  }
  const d = r * 1.3;
  ctx.moveTo(x, y - d);
  ctx.lineTo(x + d, y);
  ctx.lineTo(x, y + d);
  ctx.lineTo(x - d, y);
  ctx.closePath();
}

function drawOverlays(
  ctx: CanvasRenderingContext2D,
  scene: PacketScene,
  places: PlaceLookup,
  now: number,
  wall: number,
  look: Look,
): void {
  const slots = scene.overlays.slots;
  // Setting a canvas font resolves it against the page's styles (~20 ms the first time, a forced style
  // pass): only when there is a label to draw.
  if (slots.length === 0) return;
  const { dpr, tx, ty, zoom } = look;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const font = look.fontPx;
  ctx.font = `600 ${font}px system-ui, sans-serif`;
  ctx.textBaseline = "middle";
  stack.clear();
  // First every overlay's opacity (a label showing for the first time retires the older one on its
  // place), then the drawing, so that a replaced label is never drawn in the same frame as its successor.
  for (let i = 0; i < slots.length; i++) alphas[i] = scene.overlays.alpha(slots[i]!, now, wall);
  for (let i = 0; i < slots.length; i++) {
    const o = slots[i]!;
    const a = alphas[i]!;
    if (a <= 0 || !o.live || !scene.placePoint(places, o.place, tmp)) continue;
    const sx = tmp[0]! * zoom + tx;
    const sy = tmp[1]! * zoom + ty;
    const level = stack.get(o.place) ?? 0;
    stack.set(o.place, level + o.lines.length);
    ctx.globalAlpha = a;
    const colour =
      o.kind === "nat"
        ? look.labelFg
        : o.kind === "lost"
          ? look.muted
          : o.kind === "drop"
            ? look.bad
            : look.warn;
    if (o.kind !== "nat") drawMark(ctx, o.kind, sx, sy, colour);
    const lineH = font + 8;
    // Labels start just right of the place and stack upwards, clear of the packet's own line.
    for (let k = 0; k < o.lines.length; k++) {
      const y = sy - 10 - (level + k) * (lineH + 3) - lineH / 2;
      pill(ctx, o.lines[k]!, sx + 14, y, lineH, o.kind === "nat" ? look.labelBorder : colour, look);
    }
  }
  ctx.globalAlpha = 1;
}

function drawMark(ctx: CanvasRenderingContext2D, kind: string, x: number, y: number, colour: string): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = 3.5;
  ctx.lineCap = "round";
  ctx.beginPath();
  if (kind === "drop" || kind === "lost") {
    const s = 8;
    ctx.moveTo(x - s, y - s);
    ctx.lineTo(x + s, y + s);
    ctx.moveTo(x + s, y - s);
    ctx.lineTo(x - s, y + s);
  } else {
    // A bounce: an arc turning back.
    ctx.arc(x, y, 9, Math.PI * 1.1, Math.PI * 2.2);
    ctx.moveTo(x - 9, y - 3);
    ctx.lineTo(x - 13, y + 3);
    ctx.moveTo(x - 9, y - 3);
    ctx.lineTo(x - 3, y + 1);
  }
  ctx.stroke();
}

function pill(
  ctx: CanvasRenderingContext2D,
  text: string,
  left: number,
  cy: number,
  h: number,
  border: string,
  look: Look,
): void {
  const w = ctx.measureText(text).width + 16;
  // Keep it on the canvas.
  const x = Math.round(Math.max(4, Math.min(left, look.width - w - 4)));
  const y = Math.round(cy - h / 2);
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, h / 2);
  ctx.fillStyle = look.labelBg;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = border;
  ctx.stroke();
  ctx.fillStyle = look.labelFg;
  ctx.fillText(text, x + 8, y + h / 2 + 0.5);
}
