// Properties of Simulation.act under random scripts: no action throws, every stretch of the clock ends
// within a bounded number of events, and once every client has given up waiting each phase's results
// add up to its requests.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/engine/sim/simulation";
import { TICKS_PER_SECOND } from "../../src/engine/sim/types";
import { loadManifests } from "../../src/model/load";
import { stepsArb } from "./actions";
import { clusterArb, SEED, toYaml } from "./clusters";

/** Far above a normal run: a whole generated script takes well under a thousand events. */
const MAX_EVENTS_PER_STEP = 50_000;
/** Past every client timeout (5 s by default) and every traffic action (3 s at most here). */
const SETTLE = 60 * TICKS_PER_SECOND;

const caseArb = clusterArb.chain((c) => {
  const text = toYaml(c.docs);
  const pods = loadManifests([{ file: "c.yaml", text }]).cluster.pods.map(
    (p) => `${p.metadata.namespace}/${p.metadata.name}`,
  );
  return fc.record({ text: fc.constant(text), steps: stepsArb(c, pods), seed: fc.nat() });
});

describe("Simulation.act under random scripts", { timeout: 60_000 }, () => {
  it("never throws, ends each step within its event bound, and every request gets one result", () => {
    fc.assert(
      fc.property(caseArb, ({ text, steps, seed }) => {
        const sim = Simulation.load([{ file: "c.yaml", text }], { seed });
        // Event by event, so that a runaway (an event that keeps scheduling itself) fails instead of hanging.
        const advance = (ticks: number) => {
          const until = sim.now + ticks;
          let events = 0;
          for (
            let next = sim.nextEventTick();
            next !== undefined && next <= until;
            next = sim.nextEventTick()
          ) {
            sim.step();
            if (++events > MAX_EVENTS_PER_STEP) throw new Error(`more than ${MAX_EVENTS_PER_STEP} events`);
          }
          sim.advanceTo(until);
        };
        for (const s of steps) {
          if ("wait" in s) {
            advance(s.wait);
            continue;
          }
          const r = sim.act(s.action);
          expect(typeof r.ok).toBe("boolean");
          if (!r.ok) expect(r.error.message).toMatch(/\S/);
          advance(1);
        }
        advance(SETTLE);
        for (const p of sim.phases()) {
          const ended = Object.values(p.results).reduce((a, b) => a + b, 0);
          expect(ended, JSON.stringify(p)).toBe(p.requests);
        }
      }),
      { numRuns: 120, seed: SEED },
    );
  });
});
