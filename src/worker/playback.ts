// The mapping from wall time to virtual time: how far the simulation should have got, given how long it
// has been running and at which speed. The clock is injected; nothing here reads time itself.
import type { Tick } from "../engine/sim/types";

export class Playback {
  running = false;
  speed = 1;
  /** Virtual time in fractional ticks, so that slow speeds do not lose time to rounding. */
  private position = 0;
  private lastWall = 0;

  constructor(
    private readonly clock: () => number,
    /** Virtual ticks per wall millisecond at speed 1. */
    private readonly ticksPerWallMs: number,
    /** A longer gap between frames (a hidden tab, a debugger) counts as this much: the run does not leap. */
    private readonly maxGapMs: number,
  ) {}

  run(now: Tick): void {
    this.running = true;
    this.position = now;
    this.lastWall = this.clock();
  }

  pause(now: Tick): void {
    this.fold();
    this.running = false;
    this.position = now;
  }

  setSpeed(factor: number): void {
    // Time before the change runs at the old speed.
    this.fold();
    this.speed = factor;
  }

  /** The simulation jumped (step, step back, seek, load) or fell behind: continue from there. */
  moved(now: Tick): void {
    this.fold();
    this.position = now;
  }

  /** The virtual time the simulation should have reached by now. */
  target(): Tick {
    this.fold();
    return Math.floor(this.position);
  }

  private fold(): void {
    const wall = this.clock();
    if (this.running) {
      const elapsed = Math.max(0, Math.min(wall - this.lastWall, this.maxGapMs));
      this.position += elapsed * this.ticksPerWallMs * this.speed;
    }
    this.lastWall = wall;
  }
}
