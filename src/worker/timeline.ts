// What a step back needs to rebuild the past by replay: the actions with the point at which each was
// taken, the events that sent hops (so "back" undoes exactly what "step" did), and periodic
// (eventsProcessed, tick) markers that let a replay jump in bulk and still stop at the right event.
import type { SimAction, Tick } from "../engine/sim/types";

/** A point in a run: this many events had been processed and the clock read this tick. */
export interface Marker {
  events: number;
  tick: Tick;
}

interface ActionRecord extends Marker {
  action: SimAction;
}

export class Timeline {
  readonly actions: ActionRecord[] = [];
  readonly checkpoints: Marker[] = [];
  /** The event count right after each event that sent at least one hop, ascending. */
  private hopEvents: number[] = [];

  constructor(private readonly checkpointEvery = 256) {}

  action(at: Marker, action: SimAction): void {
    this.actions.push({ events: at.events, tick: at.tick, action });
  }

  /** Called after every single event the simulation runs. */
  event(at: Marker, sentHops: boolean): void {
    if (sentHops) this.hopEvents.push(at.events);
    const last = this.checkpoints[this.checkpoints.length - 1]?.events ?? 0;
    if (at.events - last >= this.checkpointEvery) this.checkpoints.push({ events: at.events, tick: at.tick });
  }

  /** The event count right after the latest event that sent hops, if any did. */
  lastHopEvent(): number | undefined {
    return this.hopEvents[this.hopEvents.length - 1];
  }

  /** Forgets everything after a point a replay returned to: later actions, hop events and markers. */
  cut(keptActions: number, at: Marker): void {
    this.actions.length = Math.min(this.actions.length, keptActions);
    while ((this.hopEvents[this.hopEvents.length - 1] ?? -1) > at.events) this.hopEvents.pop();
    while (this.checkpoints.length > 0) {
      const c = this.checkpoints[this.checkpoints.length - 1]!;
      if (c.events <= at.events && c.tick <= at.tick) break;
      this.checkpoints.pop();
    }
  }
}
