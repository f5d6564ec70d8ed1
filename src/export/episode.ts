// What the GIF shows: the last request or burst, found in the hop log as the last run of packets with
// no long quiet between them (a packet's hops stay together, so a dropped request keeps the client's
// timeout seconds later); a clock that skips the long waits; and where each packet is at a given tick,
// along the same routes the packet layer uses (src/scene/geometry.ts, src/animation/route.ts).
import { endKind, flagNames, NAT_FLAGS, natLines } from "../animation/labels";
import { ease, pointAt, progress, ROUTE_STRIDE, setRoute } from "../animation/route";
import { HOP } from "../protocol/simulation";
import { placeKind, PLACE_OTHER, writeRoute, type Rect } from "../scene/geometry";
import { BUS_ID } from "../scene/ids";
import type { T } from "../i18n/core";
import type { HopLogEntry } from "../store/hopLog";
import { hopMark } from "../scene/captions";

/** A quiet longer than this (simulated, 200 ms) between packets ends one request or burst. */
const EPISODE_GAP = 200_000;
/** At most this many packets go into one GIF: a steady rate is cut to its last ones. */
export const EPISODE_MAX_PACKETS = 100;

interface Episode {
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
  const spans = new Map<number, { start: number; end: number }>();
  for (const h of log) {
    const s = spans.get(h.packet);
    if (!s) spans.set(h.packet, { start: h.start, end: h.end });
    else {
      s.start = Math.min(s.start, h.start);
      s.end = Math.max(s.end, h.end);
    }
  }
  const packets = [...spans].sort((a, b) => a[1].start - b[1].start);
  const picked = new Set<number>();
  let lo = Infinity;
  for (let i = packets.length - 1; i >= 0 && picked.size < EPISODE_MAX_PACKETS; i--) {
    const [id, span] = packets[i]!;
    // A packet still on its way when a later one started (or within the gap) belongs to the same run.
    if (picked.size && span.end + EPISODE_GAP < lo) break;
    lo = Math.min(lo, span.start);
    picked.add(id);
  }
  const hops = log.filter((h) => picked.has(h.packet)).sort((a, b) => a.start - b.start || a.seq - b.seq);
  const first = hops[0]!;
  const t1 = hops.reduce((m, h) => Math.max(m, h.end), first.end);
  const requests = new Set(
    hops.filter((h) => h.from === first.from && !(h.flags & HOP.reply)).map((h) => h.packet),
  ).size;
  return { hops, t0: first.start, t1, from: first.from, to: first.dst, requests };
}

/**
 * The GIF's clock: simulated time with every quiet stretch (no packet on the wire) shortened to at most
 * a fifth of the busy time, so a request that times out seconds later still moves for most of the GIF.
 * `at(f)` is the tick at fraction f (0..1) of the animation.
 */
export class SkipClock {
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  /** Length of the animation in (shortened) ticks. */
  readonly length: number;

  constructor(hops: readonly HopLogEntry[]) {
    const spans = hops.map((h) => [h.start, Math.max(h.start, h.end)] as const).sort((a, b) => a[0] - b[0]);
    const busy: [number, number][] = [];
    for (const [a, b] of spans) {
      const last = busy.at(-1);
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else busy.push([a, b]);
    }
    const busyTotal = busy.reduce((n, [a, b]) => n + (b - a), 0);
    const maxQuiet = Math.max(1, busyTotal / 5);
    // Knots: shortened time -> simulated time, at the start and end of every busy stretch.
    let w = 0;
    busy.forEach(([a, b], i) => {
      if (i > 0) w += Math.min(a - busy[i - 1]![1], maxQuiet);
      this.from.push(w, w + (b - a));
      this.to.push(a, b);
      w += b - a;
    });
    this.length = w;
  }

  at(f: number): number {
    const w = Math.min(1, Math.max(0, f)) * this.length;
    const n = this.from.length;
    if (n === 0) return 0;
    for (let i = 1; i < n; i++) {
      if (w > this.from[i]!) continue;
      const w0 = this.from[i - 1]!;
      const w1 = this.from[i]!;
      const t0 = this.to[i - 1]!;
      const t1 = this.to[i]!;
      // Inside a busy stretch time runs as simulated; across a shortened quiet it jumps evenly.
      return w1 === w0 ? t1 : t0 + ((w - w0) / (w1 - w0)) * (t1 - t0);
    }
    return this.to[n - 1]!;
  }
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
