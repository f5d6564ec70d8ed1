// What the GIF shows: the last request or burst, found in the hop log as the last run of hops with no
// long quiet between them, and where each of its packets is at a given tick, along the same routes the
// packet layer uses (src/flow/geometry.ts, src/animation/route.ts).
import { endKind, flagNames, NAT_FLAGS, natLines } from "../animation/labels";
import { ease, pointAt, progress, ROUTE_STRIDE, setRoute } from "../animation/route";
import { HOP } from "../engine/sim/types";
import { placeKind, PLACE_OTHER, writeRoute, type Rect } from "../flow/geometry";
import { BUS_ID } from "../flow/ids";
import type { T } from "../i18n/core";
import type { HopLogEntry } from "../store/hopLog";
import { hopMark } from "../ui/narration/captions";

/** A quiet longer than this (simulated, 200 ms) ends one request or burst and starts another. */
export const EPISODE_GAP = 200_000;
/** At most this much simulated time goes into one GIF (10 s): a steady rate is cut to its last 10 s. */
export const EPISODE_MAX_SPAN = 10_000_000;

export interface Episode {
  hops: HopLogEntry[];
  t0: number;
  t1: number;
  /** Where it started (a place id) and the address it was sent to. */
  from: string;
  to: string;
  /** Requests in it: packets that left the starting place. */
  requests: number;
}

export function lastEpisode(log: readonly HopLogEntry[]): Episode | null {
  if (!log.length) return null;
  const hops = [...log].sort((a, b) => a.start - b.start || a.seq - b.seq);
  const t1 = hops.reduce((m, h) => Math.max(m, h.end), -Infinity);
  let lo = Infinity;
  let first = hops.length;
  for (let i = hops.length - 1; i >= 0; i--) {
    const h = hops[i]!;
    // The hops that end after the earliest start seen so far (less the gap) belong to the same run.
    if (Number.isFinite(lo) && h.end + EPISODE_GAP < lo) break;
    if (t1 - h.start > EPISODE_MAX_SPAN) break;
    lo = Math.min(lo, h.start);
    first = i;
  }
  const picked = hops.slice(first);
  const start = picked[0]!;
  const requests = new Set(
    picked.filter((h) => h.from === start.from && !(h.flags & HOP.reply)).map((h) => h.packet),
  ).size;
  return { hops: picked, t0: start.start, t1, from: start.from, to: start.dst, requests };
}

/** A dot of one frame: where, which connection (its colour), and whether it is a reply (a ring). */
export interface Dot {
  x: number;
  y: number;
  connection: number;
  reply: boolean;
}

/** Routes between places, built once per (from, to) pair from the picture's boxes. */
export class EpisodeRoutes {
  private readonly index = new Map<string, number>();
  private routes = new Float64Array(16 * ROUTE_STRIDE);
  private readonly pts = new Float64Array(8);
  private readonly at = new Float64Array(2);

  constructor(private readonly places: ReadonlyMap<string, Rect>) {}

  /** The dots in flight at tick `now`, in the places' coordinates. */
  dots(hops: readonly HopLogEntry[], now: number): Dot[] {
    const out: Dot[] = [];
    for (const h of hops) {
      const zero = h.end <= h.start;
      if (h.start > now || (zero ? h.start < now : h.end <= now)) continue;
      const r = this.route(h.from, h.to);
      if (r < 0) continue;
      pointAt(this.routes, r * ROUTE_STRIDE, ease(progress(h.start, h.end, now), false), this.at);
      out.push({
        x: this.at[0]!,
        y: this.at[1]!,
        connection: h.connection,
        reply: (h.flags & HOP.reply) !== 0,
      });
    }
    return out;
  }

  private route(from: string, to: string): number {
    const key = `${from}>${to}`;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const bus = this.places.get(BUS_ID);
    const a = this.places.get(from);
    const b = this.places.get(to);
    if (!bus || (!a && !b)) {
      this.index.set(key, -1);
      return -1;
    }
    const i = this.index.size;
    if ((i + 1) * ROUTE_STRIDE > this.routes.length) {
      const grown = new Float64Array(this.routes.length * 2);
      grown.set(this.routes);
      this.routes = grown;
    }
    const n = writeRoute(
      a ? placeKind(from) : PLACE_OTHER,
      a ?? bus,
      b ? placeKind(to) : PLACE_OTHER,
      b ?? bus,
      bus,
      from === to,
      this.pts,
    );
    setRoute(this.routes, i * ROUTE_STRIDE, this.pts, n);
    this.index.set(key, i);
    return i;
  }
}

/** Words over a place in one frame: what a NAT rewrote there, or why a packet ended there. */
export interface PlaceLabel {
  place: string;
  kind: "nat" | "drop" | "reject" | "lost" | "refuse";
  lines: string[];
}

/**
 * The labels of a frame at tick `now`, as the packet layer flashes them: a NAT's rewrite while the
 * rewritten packet travels its next hop (and at least `hold` ticks, time to read it), a packet's end
 * from then on to the end of the run. One label per place (the latest), so a burst does not pile them up.
 */
export function frameLabels(hops: readonly HopLogEntry[], now: number, t: T, hold = 0): PlaceLabel[] {
  const byPlace = new Map<string, { at: number; label: PlaceLabel }>();
  const put = (at: number, label: PlaceLabel) => {
    const had = byPlace.get(label.place);
    if (!had || had.at <= at) byPlace.set(label.place, { at, label });
  };
  const last = new Map<number, HopLogEntry>();
  for (const h of hops) {
    const before = last.get(h.packet);
    last.set(h.packet, h);
    if (before && before.flags & NAT_FLAGS && before.end <= now && now < Math.max(h.end, before.end + hold)) {
      const lines = natLines(t, before.flags, before, h);
      if (lines.length) put(before.end, { place: before.to, kind: "nat", lines });
    }
    const kind = endKind(h.flags);
    if (kind && h.end <= now) {
      const mark = (h.why && hopMark(t, h.flags, h.why)) || flagNames(t, h.flags).join(" + ");
      put(h.end, { place: h.to, kind, lines: [mark] });
    }
  }
  return [...byPlace.values()].map((v) => v.label);
}
