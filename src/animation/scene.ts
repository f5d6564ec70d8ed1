// The packet layer's model and drawing, outside React: hops in flight (a typed-array pool), the route
// of every (from, to) pair (rebuilt only when boxes move), per-packet history, NAT labels and end marks.
// The rAF loop feeds it hop batches and place rectangles and asks it to draw one frame.
import { HOP } from "../protocol/simulation";
import { placeKind, PLACE_OTHER, writeRoute, type Rect } from "../scene/geometry";
import type { T } from "../i18n/core";
import type { HopBatchView } from "../protocol/hopBatch";
import { hopMark } from "../scene/captions";
import { PacketHistory, type HopRecord } from "./history";
import { HopPool } from "./hopPool";
import { endKind, NAT_FLAGS, natLines } from "./labels";
import { Overlays } from "./overlays";
import { ease, pointAt, progress, ROUTE_STRIDE, setRoute } from "./route";

/** Where the boxes are, in flow coordinates, by place id; the bus separately. */
export interface PlaceLookup {
  rect(id: string): Rect | null;
  bus(): Rect | null;
}

interface PendingNat {
  flags: number;
  place: string;
  src: string;
  dst: string;
  end: number;
}

export class PacketScene {
  readonly pool = new HopPool();
  readonly history = new PacketHistory();
  readonly overlays = new Overlays();
  /** Routes by the batch's edge number; each route's place ids, for rebuilding. */
  private routeFrom: string[] = [];
  private routeTo: string[] = [];
  private routeOk: Uint8Array = new Uint8Array(64);
  private routes: Float64Array = new Float64Array(64 * ROUTE_STRIDE);
  private routesDirty = true;
  private readonly pts = new Float64Array(8);
  private readonly pendingNat = new Map<number, PendingNat>();
  /** Positions drawn in the last frame, for hit testing. */
  xs = new Float64Array(1024);
  ys = new Float64Array(1024);
  shown = new Uint8Array(1024);
  /** The latest tick a hop batch reported. */
  lastBatchNow = 0;

  /** `words` gives the current language's translate function (read once per batch). */
  constructor(private readonly words: () => T) {}

  /** Takes one hop batch in (the view is valid only during this call: copy what is kept). */
  ingest(batch: HopBatchView): void {
    if (batch.reset) this.reset();
    this.lastBatchNow = batch.now;
    const t = this.words();
    for (let i = 0; i < batch.count; i++) {
      const edge = batch.edge(i);
      this.ensureRoute(edge, batch);
      const packet = batch.packet(i);
      const flags = batch.flags(i);
      const start = batch.start(i);
      const end = batch.end(i);
      this.pool.add(packet, batch.connection(i), flags, edge, start, end);
      const rec: HopRecord = {
        from: batch.from(i),
        to: batch.to(i),
        link: batch.link(i),
        src: batch.src(i),
        dst: batch.dst(i),
        flags,
        start,
        end,
        note: batch.note(i),
        rules: batch.rules(i),
        why: batch.why(i),
        connection: batch.connection(i),
      };
      this.history.add(packet, rec);
      // A NAT at the previous hop's end: this hop carries the rewritten header.
      const nat = this.pendingNat.get(packet);
      if (nat) {
        this.pendingNat.delete(packet);
        const lines = natLines(t, nat.flags, nat, rec);
        if (lines.length) this.overlays.add("nat", nat.place, lines, nat.end);
      }
      if (flags & NAT_FLAGS)
        this.pendingNat.set(packet, { flags, place: rec.to, src: rec.src, dst: rec.dst, end });
      const kind = endKind(flags);
      // The mark's words come from the reason code, never from the note's English.
      if (kind) this.overlays.add(kind, rec.to, [hopMark(t, flags, rec.why) ?? ""], end);
    }
    if (this.pendingNat.size > 4096) this.pendingNat.clear();
  }

  reset(): void {
    this.pool.clear();
    this.history.clear();
    this.overlays.clear();
    this.pendingNat.clear();
    this.routeFrom.length = 0;
    this.routeTo.length = 0;
    this.routeOk.fill(0);
  }

  /** Boxes moved (or appeared): every route is rebuilt before the next frame. */
  invalidate(): void {
    this.routesDirty = true;
  }

  private ensureRoute(edge: number, batch: HopBatchView): void {
    if (this.routeFrom[edge] !== undefined) return;
    const { from, to } = batch.edgeEnds(edge);
    this.routeFrom[edge] = from;
    this.routeTo[edge] = to;
    if (edge >= this.routeOk.length) {
      let cap = this.routeOk.length;
      while (cap <= edge) cap *= 2;
      const ok = new Uint8Array(cap);
      ok.set(this.routeOk);
      this.routeOk = ok;
      const r = new Float64Array(cap * ROUTE_STRIDE);
      r.set(this.routes);
      this.routes = r;
    }
    this.routeOk[edge] = 0;
    this.routesDirty = true;
  }

  private rebuildRoutes(places: PlaceLookup): void {
    const bus = places.bus();
    for (let e = 0; e < this.routeFrom.length; e++) {
      const from = this.routeFrom[e];
      const to = this.routeTo[e];
      if (from === undefined || to === undefined) continue;
      const a = places.rect(from) ?? bus;
      const b = places.rect(to) ?? bus;
      if (!a || !b || !bus) {
        this.routeOk[e] = 0;
        continue;
      }
      const ka = places.rect(from) ? placeKind(from) : PLACE_OTHER;
      const kb = places.rect(to) ? placeKind(to) : PLACE_OTHER;
      const n = writeRoute(ka, a, kb, b, bus, from === to, this.pts);
      setRoute(this.routes, e * ROUTE_STRIDE, this.pts, n);
      this.routeOk[e] = 1;
    }
    this.routesDirty = false;
  }

  /** The point a place's marks sit at (flow coordinates), or null when it is not on the graph. */
  placePoint(places: PlaceLookup, id: string, out: Float64Array): boolean {
    const r = places.rect(id);
    if (!r) return false;
    out[0] = r.x + r.w / 2;
    out[1] = r.y;
    return true;
  }

  /**
   * Moves the pool to tick `now` and computes every dot's position into xs/ys (shown[i] = 1 when on
   * screen, inside `view`, in flow coordinates). Returns how many hops are in flight.
   */
  advance(now: number, places: PlaceLookup, view: Rect, reduced: boolean): number {
    if (this.routesDirty) this.rebuildRoutes(places);
    const pool = this.pool;
    pool.sweep(now);
    if (this.xs.length < pool.capacity) {
      this.xs = new Float64Array(pool.capacity);
      this.ys = new Float64Array(pool.capacity);
      this.shown = new Uint8Array(pool.capacity);
    }
    const out = this.pts;
    const x0 = view.x - 20;
    const y0 = view.y - 20;
    const x1 = view.x + view.w + 20;
    const y1 = view.y + view.h + 20;
    for (let i = 0; i < pool.count; i++) {
      const route = pool.route[i]!;
      const start = pool.start[i]!;
      if (start > now || !this.routeOk[route]) {
        this.shown[i] = 0;
        continue;
      }
      pointAt(this.routes, route * ROUTE_STRIDE, ease(progress(start, pool.end[i]!, now), reduced), out);
      const x = out[0]!;
      const y = out[1]!;
      this.xs[i] = x;
      this.ys[i] = y;
      this.shown[i] = x >= x0 && x <= x1 && y >= y0 && y <= y1 ? 1 : 0;
    }
    return pool.count;
  }

  /** The packet nearest to (x, y) within `radius` (flow units), from the last frame's positions. */
  hitTest(x: number, y: number, radius: number): number | null {
    let best = -1;
    let bestD = radius * radius;
    for (let i = 0; i < this.pool.count; i++) {
      if (!this.shown[i]) continue;
      const dx = this.xs[i]! - x;
      const dy = this.ys[i]! - y;
      const d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    }
    return best < 0 ? null : this.pool.packet[best]!;
  }

  /** Where a packet's dot is now, if it is drawn. */
  packetPoint(packet: number, out: Float64Array): boolean {
    for (let i = 0; i < this.pool.count; i++)
      if (this.pool.packet[i] === packet && this.shown[i]) {
        out[0] = this.xs[i]!;
        out[1] = this.ys[i]!;
        return true;
      }
    return false;
  }

  isReply(i: number): boolean {
    return (this.pool.flags[i]! & HOP.reply) !== 0;
  }

  /** Whether the packet is a DNS lookup's query or answer (sent before its connection). */
  isDns(i: number): boolean {
    return (this.pool.flags[i]! & HOP.dns) !== 0;
  }
}
