// Packets in flight, measured from hop events: a hop is a packet on a link from `start` to `end`.
// The mean is exact (Little's law: the sum of the hops' time on the wire over the window's length);
// the maximum is sampled on a grid (every `resolution` ticks), which is exact at each grid point.
import type { DepartedHops } from "../src/engine/sim/departedHops";
import type { Tick } from "../src/engine/sim/types";

export class InFlight {
  private readonly diff: Int32Array;
  private busy = 0;
  hops = 0;
  /** A sample of hop durations, for the bare queue's tick distribution. */
  readonly durations: number[] = [];

  constructor(
    private readonly from: Tick,
    private readonly to: Tick,
    private readonly resolution: Tick,
    private readonly sampleSize = 8192,
  ) {
    this.diff = new Int32Array(Math.ceil((to - from) / resolution) + 2);
  }

  add(hops: DepartedHops): void {
    const n = this.diff.length - 1;
    for (let i = 0; i < hops.length; i++) {
      const start = hops.start(i);
      const end = hops.end(i);
      const s = Math.max(start, this.from);
      const e = Math.min(end, this.to);
      // Every hop goes in the sample until it is full, then a deterministic stride keeps it spread.
      if (this.durations.length < this.sampleSize) this.durations.push(end - start);
      else if (this.hops % 97 === 0) this.durations[this.hops % this.sampleSize] = end - start;
      this.hops++;
      if (e <= s) continue;
      this.busy += e - s;
      // Active at grid point k (tick from + k*res) when start <= t < end.
      this.diff[Math.min(n, Math.ceil((s - this.from) / this.resolution))]! += 1;
      this.diff[Math.min(n, Math.ceil((e - this.from) / this.resolution))]! -= 1;
    }
  }

  result(): { mean: number; max: number } {
    let cur = 0;
    let max = 0;
    for (const d of this.diff) {
      cur += d;
      if (cur > max) max = cur;
    }
    return { mean: this.busy / (this.to - this.from), max };
  }
}
