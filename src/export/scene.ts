// One description of the graph as a picture, from the graph's own data (React Flow's nodes and edges as
// buildGraph makes them, at the positions in the store): boxes, lines and text in flow coordinates. The
// SVG and the canvas renderers draw the same shapes, so the two files always agree, and neither needs the
// page's DOM (no screenshots, nothing a Content-Security-Policy would refuse).
import { attachPoint, tapPoint, type Rect } from "../scene/geometry";
import type { GraphEdge, GraphNode } from "../flow/graphTypes";
import { BUS_ID, podLabel, shortName } from "../scene/ids";
import { POD_H, POD_W } from "../flow/sizes";
import type { T } from "../i18n/core";
import { type ExportColours, mix } from "./theme";

export interface Font {
  size: number;
  weight: number;
  mono?: boolean;
}

/** Text width in the same units as `size` (the page measures with a canvas; tests estimate). */
export type Measure = (text: string, font: Font) => number;

interface Paint {
  fill?: string | null;
  stroke?: string | null;
  width?: number;
  dash?: number[];
  opacity?: number;
}

export type Shape =
  | ({ kind: "rect"; x: number; y: number; w: number; h: number; r: number } & Paint)
  | ({ kind: "line"; points: number[] } & Paint)
  | ({ kind: "curve"; p: [number, number, number, number, number, number, number, number] } & Paint)
  | ({ kind: "circle"; cx: number; cy: number; r: number } & Paint)
  | ({
      kind: "text";
      x: number;
      y: number;
      text: string;
      font: Font;
      anchor?: "start" | "middle" | "end";
      /** Letter spacing in px (small capitals labels). */
      spacing?: number;
      strike?: boolean;
    } & Paint);

export interface Scene {
  /** The picture's size; shapes are already moved into it (flow point (x, y) is at (x + dx, y + dy)). */
  width: number;
  height: number;
  dx: number;
  dy: number;
  bg: string;
  colours: ExportColours;
  shapes: Shape[];
  /** The footer line's middle (caption, name): where the GIF writes its clock. */
  footerY: number;
  /** Box of every place id, in scene coordinates: where packets travel (the GIF). */
  places: Map<string, Rect>;
}

interface SceneInput {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  colours: ExportColours;
  t: T;
  measure: Measure;
  /** Requests each pod served, by namespace/name (the count on its pill); none when absent. */
  served?: (pod: string) => number;
  /** A line under the picture (the scenario's name, a request). */
  caption?: string;
  /** Room to keep free on the footer's right, before the name (the GIF's clock). */
  footerReserve?: number;
}

const PAD = 32;
const FOOTER = 30;
const SANS_NAME: Font = { size: 15, weight: 700 };
const MONO_SMALL: Font = { size: 12, weight: 400, mono: true };
const KICKER: Font = { size: 11, weight: 700 };

export function buildScene(input: SceneInput): Scene {
  const { colours: c, t, measure } = input;
  const abs = absoluteRects(input.nodes);
  const bus = abs.get(BUS_ID) ?? null;
  // Layers as the graph stacks them: the bus, tap lines, node boxes, Service lines, pods, the rest.
  const back: Shape[] = [];
  const taps: Shape[] = [];
  const nodeBoxes: Shape[] = [];
  const lines: Shape[] = [];
  const pods: Shape[] = [];
  const boxes: Shape[] = [];
  const fit = (text: string, max: number, font: Font) => ellipsize(text, max, font, measure);

  const badgeOn =
    (out: Shape[]) =>
    (x: number, y: number, text: string, fg: string, bg: string | null, border = fg): number => {
      const font: Font = { size: 11, weight: 600 };
      const w = measure(text, font) + 14;
      out.push({ kind: "rect", x, y, w, h: 19, r: 9.5, fill: bg, stroke: border, width: 1 });
      out.push({ kind: "text", x: x + 7, y: y + 9.5, text, font, fill: fg });
      return w;
    };

  for (const n of input.nodes) {
    const r = abs.get(n.id);
    if (!r) continue;
    switch (n.type) {
      case "bus": {
        back.push({
          kind: "rect",
          ...r,
          r: r.h / 2,
          fill: mix(c.fg, 9, c.bg),
          stroke: mix(c.fg, 18, c.bg),
          width: 1.5,
        });
        const label = t("flow.bus").toUpperCase();
        back.push({
          kind: "text",
          x: r.x + r.w - 18,
          y: r.y + r.h / 2,
          text: label,
          font: KICKER,
          anchor: "end",
          spacing: 0.9,
          fill: c.muted,
        });
        break;
      }
      case "k8sNode": {
        const d = n.data;
        const state = !d.up ? "down" : !d.ready ? "notready" : "ok";
        nodeBoxes.push({
          kind: "rect",
          ...r,
          r: 12,
          fill: state === "down" ? mix(c.muted, 12, mix(c.panel, 70, c.bg)) : mix(c.panel, 70, c.bg),
          stroke: state === "notready" ? c.warn : state === "down" ? c.muted : c.border,
          width: 1.5,
          dash: state === "down" ? [6, 4] : undefined,
        });
        const badge = badgeOn(nodeBoxes);
        const iconColour = state === "down" ? c.muted : c.accent;
        nodeBoxes.push({
          kind: "rect",
          x: r.x + 12,
          y: r.y + 9,
          w: 30,
          h: 30,
          r: 8,
          fill: mix(iconColour, 12, mix(c.panel, 70, c.bg)),
        });
        serverIcon(nodeBoxes, r.x + 19, r.y + 16, iconColour);
        let right = r.x + r.w - 10;
        const badgeText = !d.ready ? "NotReady" : !d.up ? t("flow.node.down") : d.zone;
        if (badgeText) {
          const font: Font = { size: 11, weight: 600 };
          const w = measure(badgeText, font) + 14;
          right -= w;
          if (!d.ready) badge(right, r.y + 14.5, badgeText, mix(c.warn, 70, c.fg), mix(c.warn, 16, c.panel));
          else if (!d.up) badge(right, r.y + 14.5, badgeText, c.panel, c.bad, c.bad);
          else badge(right, r.y + 14.5, badgeText, c.muted, null, c.border);
          right -= 8;
        }
        const textX = r.x + 50;
        const ink = state === "down" ? c.muted : c.fg;
        nodeBoxes.push({
          kind: "text",
          x: textX,
          y: r.y + 18,
          text: fit(d.name, right - textX, SANS_NAME),
          font: SANS_NAME,
          fill: ink,
          strike: state === "down",
        });
        nodeBoxes.push({
          kind: "text",
          x: textX,
          y: r.y + 35,
          text: fit(d.ip, right - textX, MONO_SMALL),
          font: MONO_SMALL,
          fill: c.muted,
          strike: state === "down",
        });
        if (d.pods === 0) {
          // A folded box says how many pods it stands for, where an empty one says it has none.
          const f = d.folded;
          const label = f
            ? t("flow.node.foldedPods", { count: f.pods }) +
              (f.notReady ? ` · ${t("flow.node.foldedNotReady", { count: f.notReady })}` : "")
            : t("flow.node.noPods");
          nodeBoxes.push({
            kind: "rect",
            x: r.x + 12,
            y: r.y + 60,
            w: r.w - 24,
            h: 34,
            r: 8,
            fill: f ? c.bg : null,
            stroke: f && f.notReady ? c.warn : c.border,
            width: 1.5,
            dash: f ? undefined : [5, 4],
          });
          nodeBoxes.push({
            kind: "text",
            x: r.x + r.w / 2,
            y: r.y + 77,
            text: fit(label, r.w - 40, { size: 12, weight: 400 }),
            font: { size: 12, weight: 400 },
            anchor: "middle",
            fill: c.muted,
          });
        }
        break;
      }
      case "pod": {
        const d = n.data;
        const state = d.terminating ? "terminating" : d.ready && !d.nodeDown ? "ready" : "notready";
        const opacity = state === "terminating" ? 0.5 : undefined;
        pods.push({
          kind: "rect",
          ...r,
          r: 10,
          fill: state === "notready" ? null : c.panel,
          stroke: state === "ready" ? mix(c.ok, 55, c.border) : state === "terminating" ? c.warn : c.muted,
          width: 1.5,
          dash: state === "notready" ? [5, 4] : state === "terminating" ? [2, 3] : undefined,
          opacity,
        });
        const dot = state === "ready" ? c.ok : state === "terminating" ? c.warn : null;
        pods.push({
          kind: "circle",
          cx: r.x + 15,
          cy: r.y + r.h / 2,
          r: dot ? 5 : 4,
          fill: dot,
          stroke: dot ? null : c.muted,
          width: 2,
          opacity,
        });
        const served = input.served?.(d.name) ?? 0;
        let right = r.x + r.w - 8;
        if (served > 0) {
          const font: Font = { size: 11.5, weight: 700 };
          const label = String(served);
          const w = Math.max(18, measure(label, font) + 12);
          right -= w;
          pods.push({ kind: "rect", x: right, y: r.y + 14, w, h: 20, r: 10, fill: c.fg, opacity });
          pods.push({
            kind: "text",
            x: right + w / 2,
            y: r.y + 24,
            text: label,
            font,
            anchor: "middle",
            fill: c.panel,
            opacity,
          });
          right -= 6;
        }
        const nameFont: Font = { size: 13, weight: 600 };
        const sub =
          (d.ip ?? t("flow.pod.noIP")) +
          (state === "terminating"
            ? ` · ${t("flow.pod.terminating")}`
            : state === "notready"
              ? ` · ${t("flow.pod.notReady")}`
              : "");
        const textX = r.x + 28;
        pods.push({
          kind: "text",
          x: textX,
          y: r.y + 17,
          text: fit(podLabel(d.name), right - textX, nameFont),
          font: nameFont,
          fill: c.fg,
          opacity,
        });
        pods.push({
          kind: "text",
          x: textX,
          y: r.y + 33,
          text: fit(sub, right - textX, MONO_SMALL),
          font: MONO_SMALL,
          fill: c.muted,
          opacity,
        });
        break;
      }
      case "service":
        serviceCard(boxes, r, n.data, c, t, measure, badgeOn(boxes));
        break;
      case "client":
      case "lb": {
        boxes.push({
          kind: "rect",
          ...r,
          r: Math.min(30, r.h / 2),
          fill: c.panel,
          stroke: c.border,
          width: 1.5,
        });
        const tone = n.type === "lb" ? c.info : c.fg;
        boxes.push({
          kind: "circle",
          cx: r.x + 29,
          cy: r.y + r.h / 2,
          r: 17,
          fill: mix(tone, n.type === "lb" ? 12 : 8, c.panel),
        });
        if (n.type === "client") laptopIcon(boxes, r.x + 29, r.y + r.h / 2, c.fg);
        else cloudIcon(boxes, r.x + 29, r.y + r.h / 2, c.info);
        const textX = r.x + 56;
        const max = r.x + r.w - 12 - textX;
        if (n.type === "client") {
          boxes.push({
            kind: "text",
            x: textX,
            y: r.y + r.h / 2 - 8,
            text: fit(n.data.name, max, SANS_NAME),
            font: SANS_NAME,
            fill: c.fg,
          });
          boxes.push({
            kind: "text",
            x: textX,
            y: r.y + r.h / 2 + 10,
            text: fit(n.data.ip, max, MONO_SMALL),
            font: MONO_SMALL,
            fill: c.muted,
          });
        } else {
          const kicker: Font = { size: 10.5, weight: 700 };
          boxes.push({
            kind: "text",
            x: textX,
            y: r.y + 15,
            text: fit(t("flow.lb.kicker").toUpperCase(), max, kicker),
            font: kicker,
            spacing: 0.6,
            fill: c.info,
          });
          boxes.push({
            kind: "text",
            x: textX,
            y: r.y + 32,
            text: fit(shortName(n.data.service), max, SANS_NAME),
            font: SANS_NAME,
            fill: c.fg,
          });
          boxes.push({
            kind: "text",
            x: textX,
            y: r.y + 49,
            text: fit(n.data.ips.length ? n.data.ips.join(", ") : t("flow.lb.pendingIP"), max, MONO_SMALL),
            font: MONO_SMALL,
            fill: c.muted,
          });
        }
        break;
      }
    }
  }

  for (const e of input.edges) {
    const a = abs.get(e.source);
    const b = abs.get(e.target);
    if (!a || !b) continue;
    if (e.type === "tap" && bus) {
      const p = attachPoint(a, bus);
      const q = tapPoint(a, bus);
      taps.push({ kind: "line", points: [p.x, p.y, q.x, q.y], stroke: mix(c.fg, 28, c.bg), width: 2.5 });
    } else if (e.type === "endpoint") {
      const state = e.data?.state ?? "ready";
      lines.push({
        kind: "curve",
        p: endpointCurve(a, b),
        stroke: state === "serving" ? c.warn : state === "notReady" ? c.muted : c.accent,
        width: 1.5,
        opacity: state === "ready" ? 0.45 : 0.7,
        dash: state === "serving" ? [6, 4] : state === "notReady" ? [2, 4] : undefined,
      });
    }
  }

  // The picture's extent: every box, plus a margin and a footer line.
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of abs.values()) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.w);
    y1 = Math.max(y1, r.y + r.h);
  }
  if (!Number.isFinite(x0)) [x0, y0, x1, y1] = [0, 0, 320, 120];
  const dx = PAD - x0;
  const dy = PAD - y0;
  const width = Math.ceil(x1 - x0 + PAD * 2);
  const height = Math.ceil(y1 - y0 + PAD * 2 + FOOTER);
  const footer: Shape[] = [
    {
      kind: "text",
      x: width - PAD,
      y: height - PAD / 2 - FOOTER / 2 + 6,
      text: "Kube Hops",
      font: { size: 12, weight: 700 },
      anchor: "end",
      fill: c.muted,
    },
  ];
  if (input.caption)
    footer.push({
      kind: "text",
      x: PAD,
      y: height - PAD / 2 - FOOTER / 2 + 6,
      text: ellipsize(
        input.caption,
        width - PAD * 2 - 90 - (input.footerReserve ?? 0),
        { size: 13, weight: 600 },
        measure,
      ),
      font: { size: 13, weight: 600 },
      fill: c.fg,
    });
  const shapes = [...back, ...taps, ...nodeBoxes, ...lines, ...pods, ...boxes].map((s) => moved(s, dx, dy));
  const places = new Map<string, Rect>();
  for (const [id, r] of abs) places.set(id, { x: r.x + dx, y: r.y + dy, w: r.w, h: r.h });
  const footerY = height - PAD / 2 - FOOTER / 2 + 6;
  return { width, height, dx, dy, bg: c.bg, colours: c, shapes: [...shapes, ...footer], places, footerY };
}

/** Every node's box in flow coordinates: pods are placed relative to their node box. */
function absoluteRects(nodes: readonly GraphNode[]): Map<string, Rect> {
  const out = new Map<string, Rect>();
  for (const n of nodes) {
    const parent = n.parentId ? out.get(n.parentId) : undefined;
    const x = n.position.x + (parent?.x ?? 0);
    const y = n.position.y + (parent?.y ?? 0);
    const w = n.width ?? (n.type === "pod" ? POD_W : 0);
    const h = n.height ?? (n.type === "pod" ? POD_H : 0);
    out.set(n.id, { x, y, w, h });
  }
  return out;
}

/** A Service's line to a pod: the same curve the graph draws (React Flow's bezier, curvature 0.25). */
function endpointCurve(
  svc: Rect,
  pod: Rect,
): [number, number, number, number, number, number, number, number] {
  const below = pod.y > svc.y + svc.h / 2;
  const fromRight = svc.x + svc.w / 2 > pod.x + pod.w / 2;
  const sx = svc.x + svc.w / 2;
  const sy = below ? svc.y + svc.h : svc.y;
  const tx = fromRight ? pod.x + pod.w : pod.x;
  const ty = pod.y + pod.h / 2;
  const offset = (d: number) => (d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d));
  const c1y = below ? sy + offset(ty - sy) : sy - offset(sy - ty);
  const c2x = fromRight ? tx + offset(sx - tx) : tx - offset(tx - sx);
  return [sx, sy, sx, c1y, c2x, ty, tx, ty];
}

function serviceCard(
  out: Shape[],
  r: Rect,
  d: Extract<GraphNode, { type: "service" }>["data"],
  c: ExportColours,
  t: T,
  measure: Measure,
  badge: (x: number, y: number, text: string, fg: string, bg: string | null, border?: string) => number,
): void {
  const fit = (text: string, max: number, font: Font) => ellipsize(text, max, font, measure);
  const headless = d.clusterIP === "None";
  const empty = d.total !== null && d.ready === 0;
  const top = empty ? c.bad : c.accent;
  out.push({ kind: "rect", ...r, r: 12, fill: c.panel, stroke: c.border, width: 1.5 });
  // The coloured top edge (CSS's 4 px border-top): a band over the outline's top, with the card's own
  // corners, its lower part painted over with the card's face.
  out.push({ kind: "rect", x: r.x - 0.75, y: r.y - 0.75, w: r.w + 1.5, h: 13, r: 12.75, fill: top });
  out.push({ kind: "rect", x: r.x + 0.75, y: r.y + 4, w: r.w - 1.5, h: 10, r: 0, fill: c.panel });
  const inner = r.w - 24;
  const kind: Font = { size: 11, weight: 700 };
  out.push({
    kind: "text",
    x: r.x + 12,
    y: r.y + 21,
    text: "SERVICE",
    font: kind,
    spacing: 0.66,
    fill: c.muted,
  });
  const typeText = headless ? "Headless" : d.type;
  const typeX = r.x + 12 + 62;
  out.push({
    kind: "rect",
    x: typeX,
    y: r.y + 12,
    w: measure(typeText, kind) + 12,
    h: 18,
    r: 4,
    fill: mix(c.accent, 12, c.panel),
  });
  out.push({ kind: "text", x: typeX + 6, y: r.y + 21, text: typeText, font: kind, fill: c.accent });
  const nameFont: Font = { size: 16, weight: 700 };
  out.push({
    kind: "text",
    x: r.x + 12,
    y: r.y + 42,
    text: fit(shortName(d.name), inner, nameFont),
    font: nameFont,
    fill: c.fg,
  });
  const port = d.ports[0];
  const row =
    d.type === "ExternalName"
      ? `CNAME ${d.externalName ?? ""}`
      : `${headless ? t("flow.svc.noClusterIP") : (d.clusterIP ?? "")}${port && !headless ? `:${port.port}` : ""}` +
        (d.ports.length > 1 ? `  ${t("flow.svc.morePorts", { count: d.ports.length - 1 })}` : "");
  out.push({
    kind: "text",
    x: r.x + 12,
    y: r.y + 61,
    text: fit(row, inner, MONO_SMALL),
    font: MONO_SMALL,
    fill: c.fg,
  });
  let y = r.y + 77;
  if (port?.nodePort) {
    // "NodePort {port} on every node", the port in bold as the graph shows it.
    const small: Font = { size: 12, weight: 400 };
    const strong: Font = { size: 12, weight: 700, mono: true };
    const [before = "", after = ""] = t("flow.svc.nodePort", { port: "\u0000" }).split("\u0000");
    const num = String(port.nodePort);
    // Spaces around the number as gaps, not as text: an SVG <text> drops its leading space.
    const gap = measure(" ", small);
    let x = r.x + 12;
    if (before.trim()) {
      out.push({ kind: "text", x, y, text: before.trim(), font: small, fill: c.muted });
      x += measure(before.trim(), small) + (before.endsWith(" ") ? gap : 0);
    }
    out.push({ kind: "text", x, y, text: num, font: strong, fill: c.fg });
    x += measure(num, strong) + (after.startsWith(" ") ? gap : 0);
    if (after.trim())
      out.push({
        kind: "text",
        x,
        y,
        text: fit(after.trim(), r.x + r.w - 12 - x, small),
        font: small,
        fill: c.muted,
      });
    y += 10;
  } else y -= 6;
  let x = r.x + 12;
  const by = Math.min(y + 4, r.y + r.h - 25);
  if (d.total !== null)
    x +=
      (empty
        ? badge(x, by, t("flow.svc.noEndpoints"), c.panel, c.bad, c.bad)
        : badge(
            x,
            by,
            t("flow.svc.endpoints", { ready: d.ready ?? 0, total: d.total }),
            mix(c.ok, 80, c.fg),
            mix(c.ok, 12, c.panel),
          )) + 4;
  const external = d.type === "NodePort" || d.type === "LoadBalancer";
  if (external && d.externalTrafficPolicy === "Local")
    x += badge(x, by, "eTP Local", c.info, mix(c.info, 10, c.panel)) + 4;
  if (d.internalTrafficPolicy === "Local")
    x += badge(x, by, "iTP Local", c.info, mix(c.info, 10, c.panel)) + 4;
  if (d.sessionAffinity === "ClientIP" && x < r.x + r.w - 60)
    badge(x, by, t("flow.svc.affinity"), c.info, mix(c.info, 10, c.panel));
}

function serverIcon(out: Shape[], x: number, y: number, colour: string): void {
  out.push({ kind: "rect", x, y, w: 16, h: 6.5, r: 1.5, fill: null, stroke: colour, width: 1.6 });
  out.push({ kind: "rect", x, y: y + 9.5, w: 16, h: 6.5, r: 1.5, fill: null, stroke: colour, width: 1.6 });
  out.push({ kind: "circle", cx: x + 3.7, cy: y + 3.25, r: 1.1, fill: colour });
  out.push({ kind: "circle", cx: x + 3.7, cy: y + 12.75, r: 1.1, fill: colour });
}

function laptopIcon(out: Shape[], cx: number, cy: number, colour: string): void {
  out.push({
    kind: "rect",
    x: cx - 7,
    y: cy - 7,
    w: 14,
    h: 9,
    r: 1.2,
    fill: null,
    stroke: colour,
    width: 1.5,
  });
  out.push({ kind: "line", points: [cx - 9, cy + 5, cx + 9, cy + 5], stroke: colour, width: 1.8 });
}

function cloudIcon(out: Shape[], cx: number, cy: number, colour: string): void {
  out.push({ kind: "circle", cx: cx - 4, cy: cy + 1, r: 4, fill: null, stroke: colour, width: 1.5 });
  out.push({ kind: "circle", cx: cx + 1, cy: cy - 2, r: 5, fill: null, stroke: colour, width: 1.5 });
  out.push({ kind: "circle", cx: cx + 5.5, cy: cy + 2, r: 3.5, fill: null, stroke: colour, width: 1.5 });
}

/** The text, cut with an ellipsis to fit `max`. */
export function ellipsize(text: string, max: number, font: Font, measure: Measure): string {
  if (measure(text, font) <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid)}…`, font) <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 ? `${text.slice(0, lo)}…` : "…";
}

/**
 * A width estimate without a canvas (tests, and a last resort): average advance per character, wide
 * for Hangul and other CJK characters.
 */
export const estimateWidth: Measure = (text, font) => {
  let units = 0;
  for (const ch of text)
    units += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/.test(ch) ? 1 : font.mono ? 0.6 : 0.56;
  return units * font.size * (font.weight >= 600 && !font.mono ? 1.05 : 1);
};

function moved(s: Shape, dx: number, dy: number): Shape {
  switch (s.kind) {
    case "rect":
      return { ...s, x: s.x + dx, y: s.y + dy };
    case "circle":
      return { ...s, cx: s.cx + dx, cy: s.cy + dy };
    case "text":
      return { ...s, x: s.x + dx, y: s.y + dy };
    case "line":
      return { ...s, points: s.points.map((v, i) => v + (i % 2 ? dy : dx)) };
    case "curve":
      return { ...s, p: s.p.map((v, i) => v + (i % 2 ? dy : dx)) as typeof s.p };
  }
}
