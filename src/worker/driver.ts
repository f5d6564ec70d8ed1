// A Simulation run event by event, so that the timeline learns which events sent hops (a step back
// undoes one of those) and where its markers fall.
import { Simulation, type SimOutput } from "../engine/sim/simulation";
import type { ActionResult, ClusterEvent, HopEvent, SimAction, Tick } from "../engine/sim/types";
import type { Marker, Timeline } from "./timeline";

/** Where a run's output goes until it is sent. */
export interface Output {
  hops: HopEvent[];
  events: ClusterEvent[];
}

export const newOutput = (): Output => ({ hops: [], events: [] });

export function collect(into: Output, from: SimOutput | null): void {
  if (!from) return;
  for (let i = 0; i < from.hops.length; i++) into.hops.push(from.hops.event(i));
  for (const e of from.events) into.events.push(e);
}

export class Driver {
  constructor(
    readonly sim: Simulation,
    readonly timeline: Timeline,
  ) {}

  act(action: SimAction): ActionResult {
    const at = { events: this.sim.eventsProcessed, tick: this.sim.now };
    const result = this.sim.act(action);
    // A refused action changed nothing, so a replay need not repeat it.
    if (result.ok) this.timeline.action(at, action);
    return result;
  }

  /**
   * Runs every event up to `tick` (at most `maxEvents` of them) and moves the clock there.
   * Returns false when it stopped early at the cap; the clock then stays at the last event.
   */
  advanceTo(tick: Tick, out: Output, maxEvents = Infinity): boolean {
    let ran = 0;
    for (let next = this.sim.nextEventTick(); next !== undefined && next <= tick;) {
      if (ran++ >= maxEvents) return false;
      this.runOne(out);
      next = this.sim.nextEventTick();
    }
    if (tick > this.sim.now) collect(out, this.sim.advanceTo(tick));
    return true;
  }

  /**
   * Brings the run to a recorded point exactly: every event before `at.tick` in bulk, then single events
   * at that tick up to `at.events` (others at the same tick may still wait, as they did when the point
   * was recorded), then the clock to `at.tick`. "budget" when that would take more than `maxEvents`
   * events; "missed" when the run does not pass through the point (another scenario or seed).
   */
  reach(at: Marker, out: Output, maxEvents: number): "ok" | "budget" | "missed" {
    const start = this.sim.eventsProcessed;
    if (at.events < start || at.tick < this.sim.now) return "missed";
    if (at.events - start > maxEvents) return "budget";
    if (at.tick > 0 && !this.advanceTo(at.tick - 1, out, at.events - start)) return "missed";
    while (this.sim.eventsProcessed < at.events && (this.sim.nextEventTick() ?? Infinity) <= at.tick)
      this.runOne(out);
    if (this.sim.eventsProcessed !== at.events) return "missed";
    if (at.tick > this.sim.now) collect(out, this.sim.advanceTo(at.tick));
    return "ok";
  }

  /**
   * Runs events until one sends a hop; false when none did within `maxEvents` events (periodic
   * bookkeeping such as load balancer probes never lets the agenda run dry) or the agenda emptied.
   */
  stepHop(out: Output, maxEvents: number): boolean {
    for (let i = 0; i < maxEvents; i++) {
      const sent = this.runOne(out);
      if (sent === undefined) return false;
      if (sent) return true;
    }
    return false;
  }

  /** One event; whether it sent hops, or undefined when there was none to run. */
  private runOne(out: Output): boolean | undefined {
    const o = this.sim.step();
    if (!o) return undefined;
    collect(out, o);
    const sent = o.hops.length > 0;
    this.timeline.event({ events: this.sim.eventsProcessed, tick: this.sim.now }, sent);
    return sent;
  }
}
