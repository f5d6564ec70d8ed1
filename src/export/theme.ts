// The graph's colours for exported pictures, per theme: the values of src/ui/theme.css and
// src/flow/flow.css (which a file cannot reference), with CSS's color-mix() done here in sRGB.
import type { Theme } from "../store/playgroundStore";
import { STATE_COLOURS } from "../scene/palette";

export interface ExportColours {
  bg: string;
  panel: string;
  fg: string;
  muted: string;
  border: string;
  accent: string;
  info: string;
  ok: string;
  warn: string;
  bad: string;
}

const LIGHT: ExportColours = {
  bg: "#f4f6f8",
  panel: "#ffffff",
  fg: "#1b2430",
  muted: "#5d6875",
  border: "#d9dee4",
  accent: "#0b63b6",
  info: STATE_COLOURS.info,
  ok: STATE_COLOURS.ok,
  warn: STATE_COLOURS.warn,
  bad: STATE_COLOURS.bad,
};

const DARK: ExportColours = {
  bg: "#12161c",
  panel: "#1a2029",
  fg: "#e4e9ef",
  muted: "#9aa6b3",
  border: "#2d3642",
  accent: "#5aa8ee",
  info: "#56b4e9",
  ok: STATE_COLOURS.ok,
  warn: STATE_COLOURS.warn,
  bad: STATE_COLOURS.bad,
};

export const exportColours = (theme: Theme): ExportColours => (theme === "dark" ? DARK : LIGHT);

/** color-mix(in srgb, a pct%, b): `a` over `b` at `pct` percent; both #rrggbb. */
export function mix(a: string, pct: number, b: string): string {
  const pa = rgb(a);
  const pb = rgb(b);
  const f = pct / 100;
  const out = pa.map((v, i) => Math.round(v * f + pb[i]! * (1 - f)));
  return `#${out.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

function rgb(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h.slice(0, 6);
  const n = parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
