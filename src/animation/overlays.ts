// Short-lived words and marks on the graph: what a NAT rewrote (for ~1.5 s), where a packet died (a few
// seconds). Each waits for the simulation to reach its tick, then fades by wall time. A fixed number of
// slots, reused; an overflow replaces the oldest.
type OverlayKind = "nat" | "drop" | "reject" | "lost" | "refuse";

interface Overlay {
  kind: OverlayKind;
  /** Place id it sits on. */
  place: string;
  lines: string[];
  /** Shown from this simulation tick on. */
  at: number;
  /** Wall time (ms) it first showed; -1 until then. */
  shownAt: number;
  /** How long it stays once shown (wall ms). */
  duration: number;
  live: boolean;
}

const OVERLAY_MS: Record<OverlayKind, number> = {
  nat: 1500,
  drop: 4000,
  reject: 3000,
  lost: 4000,
  refuse: 2500,
};

export class Overlays {
  readonly slots: Overlay[] = [];
  private next = 0;

  constructor(private readonly capacity = 48) {}

  add(kind: OverlayKind, place: string, lines: string[], at: number): void {
    const o: Overlay = { kind, place, lines, at, shownAt: -1, duration: OVERLAY_MS[kind], live: true };
    if (this.slots.length < this.capacity) this.slots.push(o);
    else {
      this.slots[this.next] = o;
      this.next = (this.next + 1) % this.capacity;
    }
  }

  /**
   * Opacity of an overlay at (tick, wall), 0 when not (yet or any more) showing; marks it shown and
   * retires it as time passes. The last third of its life fades out.
   */
  alpha(o: Overlay, now: number, wall: number): number {
    if (!o.live || now < o.at) return 0;
    if (o.shownAt < 0) {
      o.shownAt = wall;
      this.retireOthers(o);
    }
    const age = wall - o.shownAt;
    if (age >= o.duration) {
      o.live = false;
      return 0;
    }
    const fadeFrom = (o.duration * 2) / 3;
    return age <= fadeFrom ? 1 : 1 - (age - fadeFrom) / (o.duration - fadeFrom);
  }

  /**
   * One label per place and group at a time: a newer NAT label replaces the older one on that place
   * (a burst would stack dozens), a newer end mark the older mark.
   */
  private retireOthers(o: Overlay): void {
    const nat = o.kind === "nat";
    for (const other of this.slots)
      if (
        other !== o &&
        other.live &&
        other.shownAt >= 0 &&
        other.place === o.place &&
        (other.kind === "nat") === nat
      )
        other.live = false;
  }

  clear(): void {
    this.slots.length = 0;
    this.next = 0;
  }
}
