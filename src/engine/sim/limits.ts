// What one simulation may be asked for: the same bounds for a script's steps (the CLI's simulate) and
// for the playground's actions through the worker, so that no request can make a run take hours or
// exhaust the memory. The engine runs one to three million events a second here; docs/limits.md
// states every bound and why.
import { LONGEST_DURATION } from "../../model/duration";
import type { Tick } from "./types";
import { TICKS_PER_SECOND } from "./types";

export const LIMITS = {
  /** Requests in one burst. */
  burstRequests: 100_000,
  /** Requests per second of one rate. */
  ratePerSecond: 100_000,
  /** The longest wait, rate duration, burst (count × interval) and burst interval: a simulated day. */
  longestTicks: LONGEST_DURATION,
  /** A Deployment's replicas, as the API server takes them (int32); pods past the cluster's cap are not made. */
  replicas: 2_147_483_647,
  /** Events one script run processes before it stops and says so (a few seconds of work). */
  runEvents: 10_000_000,
  /** The same with every event listed (--events): each one is printed, about 350 bytes of JSON. */
  listedRunEvents: 500_000,
} as const;

const TRAFFIC = ["send", "burst", "rate"];
const TYPES = [...TRAFFIC, "stopTraffic", "failNode", "recoverNode", "deletePod", "scale", "apply"];
const PROTOCOLS = ["TCP", "UDP", "SCTP", "ICMP"];

/** A value as a message shows it: numbers as JavaScript writes them (Infinity, NaN), others as JSON. */
export function shown(v: unknown): string {
  if (typeof v === "number") return String(v);
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (Array.isArray(v)) return "a list";
  return v === null ? "null" : typeof v === "object" ? "a mapping" : typeof v;
}

const isWhole = (v: unknown, lo: number, hi: number): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;

/** A duration in ticks as people read it: "24h", "90s", "1.5ms". */
function durationText(ticks: Tick): string {
  const s = ticks / TICKS_PER_SECOND;
  return s >= 3600 && s % 3600 === 0 ? `${s / 3600}h` : s >= 1 ? `${s}s` : `${s * 1000}ms`;
}

const LONGEST = durationText(LIMITS.longestTicks);

/** Whether a number of ticks is a duration the simulation takes: whole, from 0 to a day. */
export function checkTicks(name: string, v: unknown): string | null {
  if (isWhole(v, 0, LIMITS.longestTicks)) return null;
  if (typeof v === "number" && v > LIMITS.longestTicks && Number.isFinite(v))
    return `${name} is at most ${LONGEST} of simulated time; got ${durationText(v)}`;
  return `${name} must be a duration from 0 to ${LONGEST}; got ${shown(v)}`;
}

/**
 * Why the simulation refuses an action, or null when it takes it. Checks the shape (an action may come
 * from a saved file or another thread) and every limit; never throws.
 */
export function checkAction(action: unknown): string | null {
  if (typeof action !== "object" || action === null || Array.isArray(action))
    return `an action is a mapping with a type; got ${shown(action)}`;
  const a = action as Record<string, unknown>;
  const text = (k: string) =>
    typeof a[k] === "string" && a[k] !== ""
      ? null
      : `${String(a.type)} needs ${k}, a string; got ${shown(a[k])}`;
  switch (a.type) {
    case "send":
    case "burst":
    case "rate":
      return checkTraffic(a);
    case "stopTraffic":
      return isWhole(a.phase, 0, Number.MAX_SAFE_INTEGER)
        ? null
        : `stopTraffic needs phase, a whole number; got ${shown(a.phase)}`;
    case "failNode":
    case "recoverNode":
      return text("node");
    case "deletePod":
      return text("pod");
    case "scale":
      return (
        text("deployment") ??
        (isWhole(a.replicas, 0, LIMITS.replicas)
          ? null
          : `replicas must be a whole number from 0 to ${LIMITS.replicas}; got ${shown(a.replicas)}`)
      );
    case "apply":
      return typeof a.manifest === "string"
        ? null
        : `apply needs manifest, YAML text; got ${shown(a.manifest)}`;
    default:
      return `unknown action type ${shown(a.type)}; types: ${TYPES.join(", ")}`;
  }
}

function checkTraffic(a: Record<string, unknown>): string | null {
  for (const k of ["from", "to"])
    if (typeof a[k] !== "string" || a[k] === "")
      return `${String(a.type)} needs ${k}, a string; got ${shown(a[k])}`;
  if (a.protocol !== undefined && !PROTOCOLS.includes(a.protocol as string))
    return `protocol must be TCP, UDP, SCTP or ICMP; got ${shown(a.protocol)}`;
  if (a.connection !== undefined && a.connection !== "new" && a.connection !== "keepalive")
    return `connection is new or keepalive; got ${shown(a.connection)}`;
  if (a.label !== undefined && typeof a.label !== "string") return `label is text; got ${shown(a.label)}`;
  if (a.type === "burst") {
    if (!isWhole(a.count, 1, LIMITS.burstRequests))
      return `count must be a whole number from 1 to ${LIMITS.burstRequests}; got ${shown(a.count)}`;
    if (a.intervalTicks !== undefined) {
      const bad = checkTicks("interval", a.intervalTicks);
      if (bad) return bad;
      const span = (a.count - 1) * (a.intervalTicks as number);
      if (span > LIMITS.longestTicks)
        return `a burst lasts at most ${LONGEST} of simulated time; ${a.count} requests ${durationText(a.intervalTicks as number)} apart take ${durationText(span)}`;
    }
  }
  if (a.type === "rate") {
    const r = a.perSecond;
    if (typeof r !== "number" || !Number.isFinite(r) || r <= 0 || r > LIMITS.ratePerSecond)
      return `perSecond must be a number above 0 and at most ${LIMITS.ratePerSecond}; got ${shown(r)}`;
    return checkTicks("duration", a.durationTicks);
  }
  return null;
}
