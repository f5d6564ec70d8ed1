// The scene as an SVG document: plain shapes and <text>, no <foreignObject>, no scripts, no external
// references, so it opens anywhere (browsers, Inkscape, slide tools) and passes any policy.
import type { Font, Scene, Shape } from "./scene";

export const SVG_FILE = "kube-hops-graph.svg";

export const SANS =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans KR', 'Helvetica Neue', Arial, sans-serif";
export const MONO =
  "ui-monospace, 'SF Mono', 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace";

export function sceneToSvg(scene: Scene, title: string): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="${esc(SANS)}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="${esc(scene.bg)}"/>`,
  ];
  for (const s of scene.shapes) out.push(shapeSvg(s));
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

function shapeSvg(s: Shape): string {
  switch (s.kind) {
    case "rect":
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}"${s.r ? ` rx="${n(Math.min(s.r, s.w / 2, s.h / 2))}"` : ""}${paint(s)}/>`;
    case "circle":
      return `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}"${paint(s)}/>`;
    case "line": {
      const pts = [];
      for (let i = 0; i < s.points.length; i += 2) pts.push(`${n(s.points[i]!)},${n(s.points[i + 1]!)}`);
      return `<polyline points="${pts.join(" ")}" stroke-linecap="round"${paint({ ...s, fill: undefined })}/>`;
    }
    case "curve": {
      const [x0, y0, a, b, c, d, x1, y1] = s.p.map(n);
      return `<path d="M${x0},${y0} C${a},${b} ${c},${d} ${x1},${y1}"${paint({ ...s, fill: undefined })}/>`;
    }
    case "text": {
      const anchor = s.anchor && s.anchor !== "start" ? ` text-anchor="${s.anchor}"` : "";
      const spacing = s.spacing ? ` letter-spacing="${s.spacing}"` : "";
      const deco = s.strike ? ` text-decoration="line-through"` : "";
      const op = s.opacity !== undefined ? ` opacity="${s.opacity}"` : "";
      return `<text x="${n(s.x)}" y="${n(s.y)}" dominant-baseline="central"${fontAttrs(s.font)}${anchor}${spacing}${deco}${op} fill="${esc(s.fill ?? "#000")}">${esc(s.text)}</text>`;
    }
  }
}

function fontAttrs(f: Font): string {
  return `${f.mono ? ` font-family="${esc(MONO)}"` : ""} font-size="${f.size}"${f.weight !== 400 ? ` font-weight="${f.weight}"` : ""}`;
}

function paint(s: {
  fill?: string | null;
  stroke?: string | null;
  width?: number;
  dash?: number[];
  opacity?: number;
}): string {
  let a = ` fill="${s.fill ? esc(s.fill) : "none"}"`;
  if (s.stroke) {
    a += ` stroke="${esc(s.stroke)}" stroke-width="${s.width ?? 1}"`;
    if (s.dash) a += ` stroke-dasharray="${s.dash.join(" ")}"`;
  }
  if (s.opacity !== undefined) a += ` opacity="${s.opacity}"`;
  return a;
}

/** A coordinate with at most two decimals. */
const n = (v: number): string => String(Math.round(v * 100) / 100);

/** Text and attribute values, escaped for XML: names come from the scenario, which anyone can write. */
export function esc(v: string): string {
  return v.replace(/[&<>"']/g, (ch) =>
    ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : ch === '"' ? "&quot;" : "&apos;",
  );
}
