// What an embed is asked to show and how: the same options whether they come from an iframe's address
// (`?embed&lang=ko&lesson=6&autoplay`) or from a <kube-hops> element's attributes. Pure.
import { type Lang, langOf } from "../i18n/core";

export interface EmbedOptions {
  /** Scenario YAML; absent means the default scenario (or the lesson's). */
  scenario?: string;
  /** The embed's language; absent means the visitor's. */
  lang?: Lang;
  /** A lesson's number: its scenario and seed, and "Open in Kube Hops" opens the lesson. */
  lesson?: number;
  /** Start with a gentle stream of requests instead of a still cluster. */
  autoplay?: boolean;
  /** A CSS height for the embed's box ("450" means 450px). */
  height?: string;
}

/** Reads the options an embed's own address carries; the scenario comes from elsewhere (the fragment). */
export function embedOptionsFromSearch(search: string): EmbedOptions {
  const q = new URLSearchParams(search);
  return readOptions((name) => q.get(name));
}

/** Reads options from named string values (an address's parameters, an element's attributes). */
export function readOptions(get: (name: string) => string | null): EmbedOptions {
  const opts: EmbedOptions = {};
  const lang = langOf(get("lang"));
  if (lang) opts.lang = lang;
  const lesson = lessonNumber(get("lesson"));
  if (lesson !== null) opts.lesson = lesson;
  const autoplay = get("autoplay");
  // Present with no value, or any value but "false"/"0", as an HTML boolean attribute reads.
  if (autoplay !== null && autoplay !== "false" && autoplay !== "0") opts.autoplay = true;
  const height = cssHeight(get("height"));
  if (height) opts.height = height;
  return opts;
}

function lessonNumber(v: string | null): number | null {
  if (v === null || !/^\d{1,3}$/.test(v.trim())) return null;
  const n = Number(v);
  return n >= 1 ? n : null;
}

/**
 * A height as CSS, only in forms that cannot carry anything else: a bare number is pixels; a number with
 * px, em, rem, vh or % is kept; anything else is ignored (the box keeps its own height).
 */
export function cssHeight(v: string | null): string | null {
  const m = v === null ? null : /^\s*(\d{1,4}(?:\.\d{1,2})?)\s*(px|em|rem|vh|%)?\s*$/.exec(v);
  if (!m) return null;
  return `${m[1]}${m[2] ?? "px"}`;
}
