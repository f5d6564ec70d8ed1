// Formatting shared by the panels: the simulated clock, hop flags in words, cluster events, numbers.
// Words come from the message tables (`t`); numbers people read go through Intl in the page's language.
import { HOP, TICKS_PER_MS, TICKS_PER_SECOND, type ClusterEvent } from "../protocol/simulation";
import { shortName } from "../scene/ids";
import type { Lang, T } from "../i18n/core";
import type { MessageKey } from "../i18n/en";
import { parsePlaceId } from "../protocol/placeId";

const numberFormats = new Map<string, Intl.NumberFormat>();
/** Intl formatters are costly to make and log rows format many numbers: one per language and style. */
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${lang}|${options.style ?? ""}|${options.minimumFractionDigits}|${options.maximumFractionDigits}`;
  let f = numberFormats.get(id);
  if (!f) numberFormats.set(id, (f = new Intl.NumberFormat(lang, options)));
  return f;
}

/** A number as people of `lang` write it (digit groups, decimal mark), with min..max decimals. */
export function formatNumber(lang: Lang, n: number, decimals: { min?: number; max?: number } = {}): string {
  const { min = 0, max = Math.max(min, 3) } = decimals;
  return numberFormat(lang, { minimumFractionDigits: min, maximumFractionDigits: max }).format(n);
}

/** Sim ticks (microseconds) as mm:ss.mmm; hours roll into minutes (61:02.500). */
export function formatClock(ticks: number): string {
  const ms = Math.max(0, Math.floor(ticks / TICKS_PER_MS));
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  const millis = ms % 1000;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}.${String(millis).padStart(3, "0")}`;
}

/** Sim ticks as seconds with millisecond precision, for log rows ("12.345"). */
export const formatSeconds = (ticks: number, lang: Lang): string =>
  formatNumber(lang, ticks / TICKS_PER_SECOND, { min: 3, max: 3 });

/**
 * A speed factor as people say it: 0.1×, 0.5×, 1×, 20×. Plain digits, not Intl: speeds are short
 * decimals under 1,000, written alike in English and Korean, and the speed menu is drawn in the first
 * frame, where a page's first Intl.NumberFormat would cost 25-35 ms (measured in Chromium).
 */
export const formatSpeed = (factor: number): string => `${Number(factor.toPrecision(3))}×`;

export type Tone = "ok" | "warn" | "bad" | "info" | "muted";

interface HopWords {
  /** Short label: "DNAT", "SNAT", "delivered", "dropped"... joined with " + ". */
  label: string;
  tone: Tone;
  /** Whether the packet ends at this hop. */
  final: boolean;
}

/** What a hop's flags say happened, in words. */
export function describeHop(flags: number, t: T): HopWords {
  const parts: string[] = [];
  if (flags & HOP.reply) parts.push(t("hop.reply"));
  if (flags & HOP.dnat) parts.push("DNAT");
  if (flags & HOP.snat) parts.push("SNAT");
  if (flags & HOP.unnat) parts.push(t("hop.unnat"));
  let tone: Tone = flags & (HOP.dnat | HOP.snat | HOP.unnat) ? "info" : "muted";
  let final = true;
  if (flags & HOP.deliver) {
    parts.push(t("hop.delivered"));
    tone = "ok";
  } else if (flags & HOP.drop) {
    parts.push(t("hop.dropped"));
    tone = "bad";
  } else if (flags & HOP.reject) {
    parts.push(t("hop.rejected"));
    tone = "bad";
  } else if (flags & HOP.refuse) {
    parts.push(t("hop.refused"));
    tone = "bad";
  } else if (flags & HOP.lost) {
    parts.push(t("hop.lost"));
    tone = "bad";
  } else if (flags & HOP.timeout) {
    parts.push(t("hop.timeout"));
    tone = "bad";
  } else {
    final = false;
    if (!(flags & (HOP.dnat | HOP.snat | HOP.unnat))) parts.push(t("hop.forward"));
  }
  return { label: parts.join(" + "), tone, final };
}

const EVENT_WORDS: Record<ClusterEvent["kind"], { label: MessageKey; tone: Tone }> = {
  nodeDown: { label: "event.nodeDown", tone: "bad" },
  nodeUp: { label: "event.nodeUp", tone: "ok" },
  nodeNotReady: { label: "event.nodeNotReady", tone: "warn" },
  nodeReady: { label: "event.nodeReady", tone: "ok" },
  endpointsChanged: { label: "event.endpointsChanged", tone: "info" },
  podCreated: { label: "event.podCreated", tone: "info" },
  podReady: { label: "event.podReady", tone: "ok" },
  podTerminating: { label: "event.podTerminating", tone: "warn" },
  podDeleted: { label: "event.podDeleted", tone: "muted" },
  podEvicted: { label: "event.podEvicted", tone: "warn" },
  podsPending: { label: "event.podsPending", tone: "warn" },
  lbBackendDown: { label: "event.lbBackendDown", tone: "warn" },
  lbBackendUp: { label: "event.lbBackendUp", tone: "ok" },
  applied: { label: "event.applied", tone: "info" },
  error: { label: "event.error", tone: "bad" },
};

export function describeEvent(kind: ClusterEvent["kind"], t: T): { label: string; tone: Tone } {
  const w = EVENT_WORDS[kind];
  // An event kind newer than this table still shows, by its code.
  return w ? { label: t(w.label), tone: w.tone } : { label: kind, tone: "muted" };
}

/**
 * A Deployment's pod name with its ReplicaSet hash folded ("web-7bcfd56d5b-44hv4" -> "web-…-44hv4"),
 * keeping the part that tells pods apart; other names as they are.
 */
export const shortPodName = (name: string): string =>
  name.replace(/^(.+)-[a-z0-9]{6,10}-([a-z0-9]{5})$/, "$1-…-$2");

/** A place id ("pod:default/web-1", "client:laptop") as a short name for narrow columns. */
export function shortPlaceName(id: string): string {
  const place = parsePlaceId(id);
  if (!place) return id;
  const name = shortName(place.name);
  return place.kind === "lb"
    ? `LB ${name}`
    : place.kind === "svc"
      ? `svc ${name}`
      : place.kind === "pod"
        ? shortPodName(name)
        : name;
}

/** A share as a whole percentage, "–" when there is nothing to share. */
export const percent = (part: number, whole: number, lang: Lang): string =>
  whole > 0 ? numberFormat(lang, { style: "percent", maximumFractionDigits: 0 }).format(part / whole) : "–";
