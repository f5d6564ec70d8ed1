// Formatting shared by the panels: the simulated clock, hop flags in words, cluster events, numbers.
import { HOP, TICKS_PER_MS, TICKS_PER_SECOND, type ClusterEvent } from "../engine/sim/types";

/** Sim ticks (microseconds) as mm:ss.mmm; hours roll into minutes (61:02.500). */
export function formatClock(ticks: number): string {
  const ms = Math.max(0, Math.floor(ticks / TICKS_PER_MS));
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  const millis = ms % 1000;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}.${String(millis).padStart(3, "0")}`;
}

/** Sim ticks as seconds with millisecond precision, for log rows ("12.345 s"). */
export const formatSeconds = (ticks: number): string => (ticks / TICKS_PER_SECOND).toFixed(3);

/** A speed factor as people say it: 0.1×, 0.5×, 1×, 20×. */
export const formatSpeed = (factor: number): string => `${Number(factor.toPrecision(3))}×`;

export type Tone = "ok" | "warn" | "bad" | "info" | "muted";

export interface HopWords {
  /** Short label: "DNAT", "SNAT", "delivered", "dropped"... joined with " + ". */
  label: string;
  tone: Tone;
  /** Whether the packet ends at this hop. */
  final: boolean;
}

/** What a hop's flags say happened, in words. */
export function describeHop(flags: number): HopWords {
  const parts: string[] = [];
  if (flags & HOP.reply) parts.push("reply");
  if (flags & HOP.dnat) parts.push("DNAT");
  if (flags & HOP.snat) parts.push("SNAT");
  if (flags & HOP.unnat) parts.push("un-NAT");
  let tone: Tone = flags & (HOP.dnat | HOP.snat | HOP.unnat) ? "info" : "muted";
  let final = true;
  if (flags & HOP.deliver) {
    parts.push("delivered");
    tone = "ok";
  } else if (flags & HOP.drop) {
    parts.push("dropped");
    tone = "bad";
  } else if (flags & HOP.reject) {
    parts.push("rejected");
    tone = "bad";
  } else if (flags & HOP.refuse) {
    parts.push("refused");
    tone = "bad";
  } else if (flags & HOP.lost) {
    parts.push("lost");
    tone = "bad";
  } else {
    final = false;
    if (!(flags & (HOP.dnat | HOP.snat | HOP.unnat))) parts.push("forward");
  }
  return { label: parts.join(" + "), tone, final };
}

const EVENT_WORDS: Record<ClusterEvent["kind"], { label: string; tone: Tone }> = {
  nodeDown: { label: "node down", tone: "bad" },
  nodeUp: { label: "node up", tone: "ok" },
  nodeNotReady: { label: "node NotReady", tone: "warn" },
  nodeReady: { label: "node Ready", tone: "ok" },
  endpointsChanged: { label: "endpoints", tone: "info" },
  podCreated: { label: "pod created", tone: "info" },
  podReady: { label: "pod ready", tone: "ok" },
  podTerminating: { label: "pod terminating", tone: "warn" },
  podDeleted: { label: "pod deleted", tone: "muted" },
  podEvicted: { label: "eviction", tone: "warn" },
  lbBackendDown: { label: "LB backend out", tone: "warn" },
  lbBackendUp: { label: "LB backend in", tone: "ok" },
  applied: { label: "applied", tone: "info" },
  error: { label: "error", tone: "bad" },
};

export const describeEvent = (kind: ClusterEvent["kind"]): { label: string; tone: Tone } =>
  EVENT_WORDS[kind] ?? { label: kind, tone: "muted" };

/**
 * A Deployment's pod name with its ReplicaSet hash folded ("web-7bcfd56d5b-44hv4" -> "web-…-44hv4"),
 * keeping the part that tells pods apart; other names as they are.
 */
export const shortPodName = (name: string): string =>
  name.replace(/^(.+)-[a-z0-9]{6,10}-([a-z0-9]{5})$/, "$1-…-$2");

/** A place id ("pod:default/web-1", "client:laptop") as a short name for narrow columns. */
export function placeName(id: string): string {
  const colon = id.indexOf(":");
  if (colon < 0) return id;
  const kind = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  const name = rest.startsWith("default/") ? rest.slice("default/".length) : rest;
  return kind === "lb"
    ? `LB ${name}`
    : kind === "svc"
      ? `svc ${name}`
      : kind === "pod"
        ? shortPodName(name)
        : name;
}

/** "1 request", "3 requests". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A share as a whole percentage, "–" when there is nothing to share. */
export const percent = (part: number, whole: number): string =>
  whole > 0 ? `${Math.round((part / whole) * 100)}%` : "–";
