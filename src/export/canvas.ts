// The scene drawn on a canvas 2D context: the PNG export's renderer, and each GIF frame's background.
import type { Font, Scene, Shape } from "./scene";
import { MONO, SANS } from "./svg";

export const PNG_FILE = "kube-hops-graph.png";

export const cssFont = (f: Font): string => `${f.weight} ${f.size}px ${f.mono ? MONO : SANS}`;

/** Draws the scene at `scale` pixels per scene unit, background included. */
export function drawScene(ctx: CanvasRenderingContext2D, scene: Scene, scale: number): void {
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = scene.bg;
  ctx.fillRect(0, 0, scene.width, scene.height);
  for (const s of scene.shapes) drawShape(ctx, s);
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

function drawShape(ctx: CanvasRenderingContext2D, s: Shape): void {
  ctx.globalAlpha = s.opacity ?? 1;
  ctx.setLineDash(s.dash ?? []);
  switch (s.kind) {
    case "rect":
      ctx.beginPath();
      ctx.roundRect(s.x, s.y, s.w, s.h, Math.min(s.r, s.w / 2, s.h / 2));
      fillStroke(ctx, s);
      return;
    case "circle":
      ctx.beginPath();
      ctx.arc(s.cx, s.cy, s.r, 0, Math.PI * 2);
      fillStroke(ctx, s);
      return;
    case "line":
      ctx.beginPath();
      ctx.moveTo(s.points[0]!, s.points[1]!);
      for (let i = 2; i < s.points.length; i += 2) ctx.lineTo(s.points[i]!, s.points[i + 1]!);
      ctx.lineCap = "round";
      fillStroke(ctx, { ...s, fill: null });
      ctx.lineCap = "butt";
      return;
    case "curve": {
      const [x0, y0, a, b, c, d, x1, y1] = s.p;
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.bezierCurveTo(a, b, c, d, x1, y1);
      fillStroke(ctx, { ...s, fill: null });
      return;
    }
    case "text": {
      ctx.font = cssFont(s.font);
      ctx.textAlign = s.anchor === "middle" ? "center" : s.anchor === "end" ? "right" : "left";
      ctx.textBaseline = "middle";
      ctx.letterSpacing = s.spacing ? `${s.spacing}px` : "0px";
      ctx.fillStyle = s.fill ?? "#000";
      ctx.fillText(s.text, s.x, s.y);
      if (s.strike) {
        const w = ctx.measureText(s.text).width;
        const left = s.anchor === "middle" ? s.x - w / 2 : s.anchor === "end" ? s.x - w : s.x;
        ctx.fillRect(left, s.y - 0.5, w, 1.2);
      }
      ctx.letterSpacing = "0px";
      return;
    }
  }
}

function fillStroke(
  ctx: CanvasRenderingContext2D,
  s: { fill?: string | null; stroke?: string | null; width?: number },
): void {
  if (s.fill) {
    ctx.fillStyle = s.fill;
    ctx.fill();
  }
  if (s.stroke) {
    ctx.strokeStyle = s.stroke;
    ctx.lineWidth = s.width ?? 1;
    ctx.stroke();
  }
}

/** A measure for the scene builder that uses the canvas's own text metrics (the fonts the PNG will use). */
export function canvasMeasure(): (text: string, font: Font) => number {
  const ctx = document.createElement("canvas").getContext("2d");
  return (text, font) => {
    if (!ctx) return text.length * font.size * 0.6;
    ctx.font = cssFont(font);
    return ctx.measureText(text).width;
  };
}

/** The largest side a PNG gets, in pixels; the scale drops below 2x to stay inside it. */
const MAX_PNG_SIDE = 8192;

function pngScale(scene: Scene): number {
  return Math.min(2, MAX_PNG_SIDE / scene.width, MAX_PNG_SIDE / scene.height);
}

/** The scene as a PNG blob, at twice its size (crisp on slides and high-density screens). */
export async function sceneToPng(scene: Scene): Promise<Blob> {
  const scale = pngScale(scene);
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(scene.width * scale);
  canvas.height = Math.round(scene.height * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas");
  drawScene(ctx, scene, scale);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("the canvas gave no PNG"))), "image/png"),
  );
}
