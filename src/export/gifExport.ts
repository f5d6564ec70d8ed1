// The last request or burst as an animated GIF for slides: the graph drawn once, then per frame the
// packets' dots along their hops, NAT rewrites and drops labelled where they happen, and the simulated
// clock in the footer (which skips long waits, such as a client's timeout). Bounded: at most MAX_FRAMES
// frames (6 s of motion at 20 frames a second), at most MAX_WIDTH x MAX_HEIGHT pixels (a larger graph
// is scaled down), made a frame at a time with a pause for the page between frames, so the page stays
// responsive, shows progress and can stop the work.
//
// Size: one palette for the whole GIF (the graph's colours and the packets'), and every frame after the
// first keeps only the pixels that changed (the rest transparent over the frame before), so a frame
// costs a few hundred bytes of dots rather than the whole picture again.
import { applyPalette, GIFEncoder, quantize, type Palette } from "gifenc";
import type { StoreApi } from "zustand/vanilla";
import { TICKS_PER_SECOND } from "../protocol/simulation";
import type { T } from "../i18n/core";
import type { PlaygroundStore } from "../store/playgroundStore";
import { CONNECTION_COLOURS } from "../scene/palette";
import { formatClock, shortPlaceName } from "../ui/format";
import { canvasMeasure, cssFont, drawScene } from "./canvas";
import { type Dot, EpisodeRoutes, frameLabels, lastEpisode, type PlaceLabel, SkipClock } from "./episode";
import { graphScene } from "./graphScene";
import type { Scene } from "./scene";

export const GIF_FILE = "kube-hops-request.gif";
const MAX_FRAMES = 120;
const MAX_WIDTH = 1280;
const MAX_HEIGHT = 800;
/** Milliseconds per frame (20 frames a second), and how long the motion lasts on the slide. */
const FRAME_MS = 50;
const MIN_MOTION_MS = 2_000;
const MAX_MOTION_MS = MAX_FRAMES * FRAME_MS;
/** Simulated time shown per second of GIF, at most: short requests are slowed down to this. */
const TICKS_PER_GIF_SECOND = 0.004 * TICKS_PER_SECOND;
const HOLD_START_MS = 600;
const HOLD_END_MS = 1_600;
const LABEL_MS = 1_200;
const DOT = 6;
/** The clock's room in the footer, left of the name. */
const CLOCK_W = 150;

type Progress = (done: number, total: number) => void;

/** The GIF's bytes, or null when the log holds no request yet. Throws an AbortError when stopped. */
export async function exportGif(
  store: StoreApi<PlaygroundStore>,
  t: T,
  signal: AbortSignal,
  onProgress: Progress,
): Promise<Blob | null> {
  const s = store.getState();
  const episode = lastEpisode(s.hopLog);
  if (!episode) return null;
  const caption =
    episode.requests > 1
      ? t("export.gif.captionMany", {
          from: shortPlaceName(episode.from),
          to: episode.to,
          count: episode.requests,
        })
      : t("export.gif.caption", { from: shortPlaceName(episode.from), to: episode.to });
  // No served counts on the pods: they would show the end of the run from the first frame on.
  const scene = graphScene(s, t, canvasMeasure(), { caption, footerReserve: CLOCK_W, counts: false });
  if (!scene) return null;

  const clock = new SkipClock(episode.hops);
  const span = Math.max(1, clock.length);
  const motionMs = Math.min(MAX_MOTION_MS, Math.max(MIN_MOTION_MS, (span / TICKS_PER_GIF_SECOND) * 1000));
  const frames = Math.max(2, Math.min(MAX_FRAMES, Math.round(motionMs / FRAME_MS)));
  const scale = Math.min(1, MAX_WIDTH / scene.width, MAX_HEIGHT / scene.height);
  const width = Math.round(scene.width * scale);
  const height = Math.round(scene.height * scale);

  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) throw new Error("no 2D canvas");
  // The graph without its caption's clock, drawn once and copied under every frame.
  drawScene(ctx, scene, scale);
  const background = ctx.getImageData(0, 0, width, height);
  const palette = gifPalette(background.data, scene);
  const transparentIndex = palette.length;
  const fullPalette: Palette = [...palette, [255, 0, 255]];

  const routes = new EpisodeRoutes(scene.places);
  // A NAT's words stay up at least LABEL_MS of the GIF's time, whatever the run's pace.
  const labelHold = (span / (frames - 1)) * (LABEL_MS / FRAME_MS);
  const gif = GIFEncoder();
  let previous: Uint8Array | null = null;
  for (let f = 0; f < frames; f++) {
    if (signal.aborted) throw new DOMException("stopped", "AbortError");
    const now = clock.at(f / (frames - 1));
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.putImageData(background, 0, 0);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    drawDots(ctx, routes.dots(episode.hops, now), scene);
    drawLabels(ctx, frameLabels(episode.hops, now, t, labelHold), scene);
    drawClock(ctx, scene, now, t);
    const index = applyPalette(ctx.getImageData(0, 0, width, height).data, palette);
    const delay = f === 0 ? HOLD_START_MS : f === frames - 1 ? HOLD_END_MS : FRAME_MS;
    if (!previous) gif.writeFrame(index, width, height, { palette: fullPalette, delay, repeat: 0 });
    else {
      const changed = new Uint8Array(index.length);
      for (let i = 0; i < index.length; i++)
        changed[i] = index[i] === previous[i] ? transparentIndex : index[i]!;
      gif.writeFrame(changed, width, height, { delay, transparent: true, transparentIndex, dispose: 1 });
    }
    previous = index;
    onProgress(f + 1, frames);
    // Let the page paint and answer input between frames.
    await new Promise((r) => setTimeout(r, 0));
  }
  gif.finish();
  return new Blob([gif.bytes() as Uint8Array<ArrayBuffer>], { type: "image/gif" });
}

/**
 * One palette of at most 255 colours (the 256th is the transparent one): the graph's pixels, plus
 * swatches of every packet colour weighted so that quantizing keeps them exact.
 */
function gifPalette(graph: Uint8ClampedArray, scene: Scene): Palette {
  const swatch = 4096;
  const c = scene.colours;
  const colours = [...CONNECTION_COLOURS, c.fg, c.bg, c.muted, c.panel, c.border, c.bad, c.warn];
  const sample = new Uint8ClampedArray(graph.length + colours.length * swatch * 4);
  sample.set(graph);
  let o = graph.length;
  for (const c of colours) {
    const n = parseInt(c.slice(1), 16);
    for (let i = 0; i < swatch; i++, o += 4) {
      sample[o] = (n >> 16) & 255;
      sample[o + 1] = (n >> 8) & 255;
      sample[o + 2] = n & 255;
      sample[o + 3] = 255;
    }
  }
  return quantize(sample, 255);
}

function drawDots(ctx: CanvasRenderingContext2D, dots: Dot[], scene: Scene): void {
  const halo = scene.bg;
  for (const d of dots) {
    ctx.beginPath();
    ctx.arc(d.x, d.y, DOT + 2, 0, Math.PI * 2);
    ctx.fillStyle = halo;
    ctx.fill();
    const colour = CONNECTION_COLOURS[d.connection % CONNECTION_COLOURS.length]!;
    ctx.beginPath();
    if (d.reply) {
      ctx.arc(d.x, d.y, DOT - 1.25, 0, Math.PI * 2);
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2.5;
      ctx.stroke();
    } else {
      ctx.arc(d.x, d.y, DOT, 0, Math.PI * 2);
      ctx.fillStyle = colour;
      ctx.fill();
    }
  }
}

/**
 * NAT rewrites and packet ends over their places, as the packet layer flashes them: a mark (a cross for
 * a drop or a loss, a bounce for a refusal) and pills of words stacked upwards from the place's top.
 */
function drawLabels(ctx: CanvasRenderingContext2D, labels: PlaceLabel[], scene: Scene): void {
  const c = scene.colours;
  const font = { size: 12, weight: 600 };
  const h = 20;
  ctx.font = cssFont(font);
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  for (const label of labels) {
    const r = scene.places.get(label.place);
    if (!r) continue;
    const x = r.x + r.w / 2;
    const y = r.y;
    const colour =
      label.kind === "nat"
        ? c.border
        : label.kind === "lost"
          ? c.muted
          : label.kind === "drop"
            ? c.bad
            : c.warn;
    if (label.kind !== "nat") {
      ctx.strokeStyle = colour;
      ctx.lineWidth = 3.5;
      ctx.lineCap = "round";
      ctx.beginPath();
      if (label.kind === "drop" || label.kind === "lost") {
        ctx.moveTo(x - 8, y - 8);
        ctx.lineTo(x + 8, y + 8);
        ctx.moveTo(x + 8, y - 8);
        ctx.lineTo(x - 8, y + 8);
      } else {
        ctx.arc(x, y, 9, Math.PI * 1.1, Math.PI * 2.2);
        ctx.moveTo(x - 9, y - 3);
        ctx.lineTo(x - 13, y + 3);
      }
      ctx.stroke();
      ctx.lineCap = "butt";
    }
    label.lines.forEach((text, k) => {
      const w = ctx.measureText(text).width + 16;
      const left = Math.max(4, Math.min(x + 14, scene.width - w - 4));
      // Stacked upwards from the place, but never off the picture's top.
      const top = Math.max(4 + k * (h + 3), y - 10 - (label.lines.length - k) * (h + 3));
      ctx.beginPath();
      ctx.roundRect(left, top, w, h, h / 2);
      ctx.fillStyle = c.panel;
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = label.kind === "nat" ? c.border : colour;
      ctx.stroke();
      ctx.fillStyle = c.fg;
      ctx.fillText(text, left + 8, top + h / 2 + 0.5);
    });
  }
}

/** The simulated clock in the footer, left of the name: slides read better with the time in view. */
function drawClock(ctx: CanvasRenderingContext2D, scene: Scene, now: number, t: T): void {
  const font = { size: 13, weight: 600, mono: true };
  ctx.font = cssFont(font);
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  ctx.fillStyle = scene.colours.fg;
  ctx.fillText(t("export.gif.clock", { time: formatClock(now) }), scene.width - 32 - 90, scene.footerY);
}
