// The simulation time to draw at, between the worker's reports. The worker advances virtual time as
// wall time passes (ticks per wall millisecond x speed) and reports `now` with hop batches and state
// snapshots; in between, this clock runs on at the same rate, never more than `maxLeadMs` of wall time
// past the latest report (so packets never run ahead of a stalled or paused simulation), never backwards
// except when the simulation itself jumps (a reset batch: step back, seek, load).
import type { Tick } from "../protocol/simulation";

/**
 * Virtual ticks per wall millisecond at speed 1: the runner's DEFAULT_TICKS_PER_WALL_SECOND / 1000
 * (src/worker/runner.ts; not imported, which would pull the engine into the main bundle).
 */
const TICKS_PER_WALL_MS = 2;

export class SimClock {
  private anchorTick = 0;
  private anchorWall = 0;
  private known = 0;
  private last = 0;
  private running = false;
  private speed = 1;

  constructor(
    private readonly ticksPerMs = TICKS_PER_WALL_MS,
    private readonly maxLeadMs = 300,
  ) {}

  /** A report of the simulation's time: from a hop batch (maybe a jump) or a state snapshot. */
  observe(now: Tick, wall: number, jump = false): void {
    if (jump) {
      this.anchorTick = this.known = this.last = now;
      this.anchorWall = wall;
      return;
    }
    this.known = Math.max(this.known, now);
    if (now > this.raw(wall)) {
      // Behind (a time-lapse while idle, a late frame): catch up.
      this.anchorTick = now;
      this.anchorWall = wall;
    }
  }

  /** Running state and speed from a state snapshot; `now` is authoritative when paused. */
  setPlayback(running: boolean, speed: number, now: Tick, wall: number): void {
    if (!running) {
      this.running = false;
      this.anchorTick = this.known = this.last = now;
      this.anchorWall = wall;
      return;
    }
    // Time before the change ran at the old rate.
    this.anchorTick = this.at(wall);
    this.anchorWall = wall;
    this.running = true;
    this.speed = speed;
    this.observe(now, wall);
  }

  /** The tick to draw at, wall time `wall` (ms). */
  at(wall: number): Tick {
    const cap = this.known + this.maxLeadMs * this.ticksPerMs * this.speed;
    const t = Math.max(this.last, Math.min(this.raw(wall), cap));
    this.last = t;
    return t;
  }

  get isRunning(): boolean {
    return this.running;
  }

  private raw(wall: number): Tick {
    if (!this.running) return this.anchorTick;
    return this.anchorTick + Math.max(0, wall - this.anchorWall) * this.ticksPerMs * this.speed;
  }
}
