// The full simulation on the large scenario: load, start steady `rate` traffic, advance in frame-sized
// windows. Only advanceTo is timed; counting packets in flight and sampling the heap happen between.
import { performance } from "node:perf_hooks";
import { Simulation } from "../src/engine/sim/simulation";
import { TICKS_PER_MS, TICKS_PER_SECOND } from "../src/engine/sim/types";
import type { HeapSampler } from "./machine";
import { InFlight } from "./inFlight";
import { trafficFlows } from "./traffic";

export interface FullRunOptions {
  yaml: string;
  seed: number;
  seconds: number;
  /** Requests per second over all flows together. */
  totalRate: number;
  flows: number;
  heap?: HeapSampler;
}

/** One advanceTo per 10 ms of simulated time: about a frame's worth at real speed. */
const WINDOW = 10 * TICKS_PER_MS;
const IN_FLIGHT_GRID = 100;

export function runFull(o: FullRunOptions) {
  const sim = Simulation.load([{ file: "large.yaml", text: o.yaml }], { seed: o.seed });
  const errors = sim.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new Error(`large scenario: ${errors.map((d) => d.message).join("; ")}`);
  const end = o.seconds * TICKS_PER_SECOND;
  const flows = trafficFlows(sim.cluster, o.flows);
  for (const f of flows) {
    const r = sim.act({ type: "rate", perSecond: o.totalRate / flows.length, durationTicks: end, ...f });
    if (!r.ok) throw new Error(`${f.from} -> ${f.to}: ${r.error.message}`);
  }
  const inFlight = new InFlight(sim.now, end, IN_FLIGHT_GRID);
  const events0 = sim.eventsProcessed;
  let wallMs = 0;
  let clusterEvents = 0;
  for (let t = sim.now + WINDOW; t <= end; t += WINDOW) {
    const t0 = performance.now();
    const out = sim.advanceTo(t);
    wallMs += performance.now() - t0;
    inFlight.add(out.hops);
    clusterEvents += out.events.length;
    o.heap?.sample();
  }
  const events = sim.eventsProcessed - events0;
  const results: Record<string, number> = {};
  for (const p of sim.phases())
    for (const [k, v] of Object.entries(p.results)) results[k] = (results[k] ?? 0) + v;
  const flight = inFlight.result();
  return {
    simulatedSeconds: o.seconds,
    flows: flows.length,
    requestsPerSecond: o.totalRate,
    events,
    hops: inFlight.hops,
    clusterEvents,
    wallMs: Math.round(wallMs),
    eventsPerSecond: events / (wallMs / 1000),
    inFlight: { mean: Math.round(flight.mean), max: flight.max },
    requestResults: results,
    hopDurations: inFlight.durations,
  };
}
