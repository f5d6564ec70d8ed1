// Stepping back by replay: load the same files with the same seed, re-apply the recorded actions at the
// exact points they were taken, and run to the target. Same inputs give the same run (api.md), so no
// state snapshot is needed. Checkpoint markers let the replay run in bulk (advanceTo) between points.
import type { ManifestFile } from "../model/load";
import { Simulation } from "../engine/sim/simulation";
import type { Tick } from "../engine/sim/types";
import { collect, Driver, newOutput, type Output } from "./driver";
import type { Marker, Timeline } from "./timeline";

/**
 * Where to replay to: just after this many events, to a virtual time, or (both given) to a recorded
 * point. Actions taken after the target are dropped.
 */
export type ReplayTarget = { events: number; tick?: Tick } | { events?: number; tick: Tick };

interface Replayed {
  driver: Driver;
  /** Hops still travelling at the replayed clock. */
  inFlight: Output["hops"];
  /** Every cluster event of the replayed run, in order. */
  events: Output["events"];
}

export function replay(
  files: ManifestFile[],
  seed: number | undefined,
  timeline: Timeline,
  target: ReplayTarget,
): Replayed {
  const sim = Simulation.load(files, seed === undefined ? {} : { seed });
  const keep = (m: Marker) =>
    (target.events === undefined || m.events <= target.events) &&
    (target.tick === undefined || m.tick <= target.tick);
  // Actions are recorded in run order, so the kept ones are a prefix.
  let kept = 0;
  while (kept < timeline.actions.length && keep(timeline.actions[kept]!)) kept++;
  const waypoints: (Marker & { act?: number })[] = [
    ...timeline.actions.slice(0, kept).map((a, i) => ({ events: a.events, tick: a.tick, act: i })),
    ...timeline.checkpoints.filter(keep),
  ].sort((a, b) => a.events - b.events || a.tick - b.tick);

  const out = newOutput();
  const events: Output["events"] = [];
  const drain = () => {
    events.push(...out.events);
    out.events.length = 0;
    // Only hops still in the air at the end matter; dropping the rest keeps a long replay small.
    out.hops = out.hops.filter((h) => h.end > sim.now);
  };
  for (const w of waypoints) {
    reach(sim, w, out);
    if (w.act !== undefined) sim.act(timeline.actions[w.act]!.action);
    drain();
  }
  if (target.events !== undefined) reach(sim, { events: target.events, tick: target.tick ?? sim.now }, out);
  else if (target.tick !== undefined && target.tick > sim.now) collect(out, sim.advanceTo(target.tick));
  drain();

  timeline.cut(kept, { events: sim.eventsProcessed, tick: sim.now });
  return { driver: new Driver(sim, timeline), inFlight: out.hops, events };
}

/**
 * Brings the simulation to a recorded point. At a point (e, t) every event before tick t had run (the
 * queue is ordered), and some events at t may still wait: so run in bulk to t - 1, step the rest one by
 * one up to e, then move the clock to t.
 */
function reach(sim: Simulation, at: Marker, out: Output): void {
  if (at.tick - 1 >= sim.now && sim.eventsProcessed < at.events) collect(out, sim.advanceTo(at.tick - 1));
  while (sim.eventsProcessed < at.events && sim.nextEventTick() !== undefined) collect(out, sim.step());
  if (at.tick > sim.now) collect(out, sim.advanceTo(at.tick));
}
