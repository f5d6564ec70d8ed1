// The engine benchmark (npm run --silent bench:engine): the full simulation on a large cluster against a
// bare EventQueue under the same load, in one process, printed as one JSON document. The ratio full/bare
// is what matters: it says how much the simulation costs per event beyond keeping its agenda.
import { parseArgs } from "node:util";
import { largeScenario } from "../src/engine/sim/largeScenario";
import { runBareQueue } from "./bareQueue";
import { runFull } from "./fullRun";
import { HeapSampler, machine } from "./machine";

const SCENARIO = { nodes: 20, pods: 200, services: 50, seed: 1 };
const SEED = 42;
// Shorter runs for a quick look: npm run --silent bench:engine -- --seconds 5 --in-flight 500
const { values: args } = parseArgs({
  options: { seconds: { type: "string", default: "60" }, "in-flight": { type: "string", default: "2000" } },
});
const SECONDS = Number(args.seconds);
const TARGET_IN_FLIGHT = Number(args["in-flight"]);
const FLOWS = 100;
/** A first guess of the request rate; the calibration run scales it to the target in flight. */
const PROBE_RATE = 20_000;
const PROBE_SECONDS = 2;

const yaml = largeScenario(SCENARIO);

// Calibration, which is also the warm-up: packets in flight grow linearly with the request rate
// (Little's law), so one probe tells the rate that keeps about TARGET_IN_FLIGHT packets on the wire.
const probe = runFull({ yaml, seed: SEED, seconds: PROBE_SECONDS, totalRate: PROBE_RATE, flows: FLOWS });
const rate = Math.round((PROBE_RATE * TARGET_IN_FLIGHT) / Math.max(1, probe.inFlight.mean));
const expectedEvents = Math.round(((probe.events * rate) / PROBE_RATE) * (SECONDS / PROBE_SECONDS));
// On stderr, so that stdout stays one JSON document: a 60 s run can take long on a slow engine.
const projectedMin = (expectedEvents / probe.eventsPerSecond + (2 * expectedEvents) / 4e6) / 60;
console.error(
  `bench:engine: ${rate} requests/s, ~${(expectedEvents / 1e6).toFixed(1)}M events, ~${projectedMin.toFixed(0)} min projected`,
);
runBareQueue(Math.min(expectedEvents, 1_000_000), TARGET_IN_FLIGHT, probe.hopDurations);

const bareBefore = runBareQueue(expectedEvents, TARGET_IN_FLIGHT, probe.hopDurations);
const heap = new HeapSampler();
heap.sample();
const full = runFull({ yaml, seed: SEED, seconds: SECONDS, totalRate: rate, flows: FLOWS, heap });
const queueSize = Math.max(1, full.inFlight.mean);
const bareAfter = runBareQueue(full.events, queueSize, full.hopDurations);

const bareEps = (bareBefore.eventsPerSecond + bareAfter.eventsPerSecond) / 2;
const { hopDurations: _probeDurations, ...probeOut } = probe;
const { hopDurations: _fullDurations, ...fullOut } = full;
const round = (x: number) => Math.round(x);

console.log(
  JSON.stringify(
    {
      benchmark: "engine",
      machine: machine(),
      scenario: SCENARIO,
      calibration: { ...probeOut, eventsPerSecond: round(probe.eventsPerSecond) },
      full: { ...fullOut, eventsPerSecond: round(full.eventsPerSecond) },
      bare: {
        model: "hold: pop, empty handler, push at tick + a sampled hop duration; queue size = mean in flight",
        before: {
          ...bareBefore,
          wallMs: round(bareBefore.wallMs),
          eventsPerSecond: round(bareBefore.eventsPerSecond),
          queueSize: TARGET_IN_FLIGHT,
        },
        after: {
          ...bareAfter,
          wallMs: round(bareAfter.wallMs),
          eventsPerSecond: round(bareAfter.eventsPerSecond),
          queueSize: round(queueSize),
        },
        noise: Math.round((bareAfter.eventsPerSecond / bareBefore.eventsPerSecond - 1) * 1000) / 1000,
      },
      ratio: Math.round((full.eventsPerSecond / bareEps) * 1000) / 1000,
      heap: heap.result(),
    },
    null,
    2,
  ),
);
