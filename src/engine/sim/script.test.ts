// Scripts held to the simulation's limits: a value past a limit is refused at its line before anything
// runs, and a run that reaches its event cap stops there and says so.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScript, runScript } from "./script";
import { Simulation } from "./simulation";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
const TO = "from: client:laptop, to: 192.168.1.2:30080";

const problemsOf = (script: string) => parseScript(script).problems.map((p) => [p.line, p.message]);

describe("parseScript: limits", () => {
  const refused: [string, string, string][] = [
    [
      "a burst of 1e9 requests",
      `- burst: {${TO}, count: 1000000000}`,
      "count must be a whole number from 1 to 100000; got 1000000000",
    ],
    [
      "a burst of .inf requests",
      `- burst: {${TO}, count: .inf}`,
      "count must be a whole number from 1 to 100000; got Infinity",
    ],
    [
      "a burst that lasts past a day",
      `- burst: {${TO}, count: 100000, interval: 1s}`,
      "a burst lasts at most 24h of simulated time; 100000 requests 1s apart take 99999s",
    ],
    [
      "a rate of .inf per second",
      `- rate: {${TO}, perSecond: .inf, duration: 1s}`,
      "perSecond must be a number above 0 and at most 100000; got Infinity",
    ],
    [
      "a rate of 1e6 per second",
      `- rate: {${TO}, perSecond: 1000000, duration: 1s}`,
      "perSecond must be a number above 0 and at most 100000; got 1000000",
    ],
    [
      "a rate of NaN per second",
      `- rate: {${TO}, perSecond: .nan, duration: 1s}`,
      "perSecond must be a number above 0 and at most 100000; got NaN",
    ],
    [
      "a negative rate",
      `- rate: {${TO}, perSecond: -5, duration: 1s}`,
      "perSecond must be a number above 0 and at most 100000; got -5",
    ],
    [
      "a rate for 1e9 s",
      `- rate: {${TO}, perSecond: 10, duration: 1000000000s}`,
      "duration is at most 24h of simulated time; got 1000000000s",
    ],
    ["a wait of 1e14 seconds", "- wait: 1e14", "wait is at most 24h of simulated time; got 100000000000000s"],
    [
      "a wait of 100000000000000s",
      "- wait: 100000000000000s",
      "wait is at most 24h of simulated time; got 100000000000000s",
    ],
    ["a wait of .inf", "- wait: .inf", "wait takes a duration such as 60s, 500ms or 2m; got Infinity"],
    ["a negative wait", "- wait: -1", "wait takes a duration such as 60s, 500ms or 2m; got -1"],
    [
      "a scale past int32",
      "- scale: {deployment: default/web, replicas: 1e10}",
      "replicas must be a whole number from 0 to 2147483647; got 10000000000",
    ],
    [
      "a scale of .inf",
      "- scale: {deployment: default/web, replicas: .inf}",
      "replicas must be a whole number from 0 to 2147483647; got Infinity",
    ],
  ];
  for (const [what, step, message] of refused)
    it(`refuses ${what} at its line`, () => {
      expect(problemsOf(`- wait: 1s\n${step}\n`)).toEqual([[2, message]]);
    });

  it("takes every limit itself: 100,000 requests, 100,000/s, 24h, int32 replicas", () => {
    const script = [
      `- burst: {${TO}, count: 100000, interval: 0s}`,
      `- rate: {${TO}, perSecond: 100000, duration: 24h}`,
      "- wait: 24h",
      "- wait: 86400",
      "- scale: {deployment: default/web, replicas: 2147483647}",
    ].join("\n");
    expect(parseScript(script).problems).toEqual([]);
  });
});

describe("runScript: the event cap", () => {
  const run = (script: string, opts: { maxEvents?: number; hops?: boolean; events?: boolean } = {}) => {
    const sim = Simulation.load([{ file: "default.yaml", text: DEFAULT }], {
      seed: 1,
      ...(opts.maxEvents !== undefined ? { maxEvents: opts.maxEvents } : {}),
      ...(opts.hops !== undefined ? { hops: opts.hops } : {}),
    });
    const parsed = parseScript(script);
    expect(parsed.problems).toEqual([]);
    const r = runScript(sim, parsed.steps, { events: opts.events ?? false });
    if (!r.ok) throw new Error(r.error.message);
    return { sim, run: r.value };
  };

  it("stops a run at its cap and says so: truncated, with the cap and the step's line", () => {
    const script = `- send: {${TO}}\n- rate: {${TO}, perSecond: 1000, duration: 60s}\n- wait: 60s\n`;
    const { sim, run: r } = run(script, { maxEvents: 5000 });
    expect(sim.eventsProcessed).toBe(5000);
    expect(r.truncated).toEqual({ reason: "eventCap", events: 5000, line: 3 });
    expect(Object.keys(r)).toEqual(["seed", "simulatedSeconds", "truncated", "phases", "events"]);
    expect(r.simulatedSeconds).toBeLessThan(60);
    expect(r.phases[1]!.requests).toBeGreaterThan(0);
  });

  it("stops a burst at the cap as well, not after it", () => {
    const { sim, run: r } = run(`- burst: {${TO}, count: 100000}\n`, { maxEvents: 2000 });
    expect(sim.eventsProcessed).toBe(2000);
    expect(r.truncated?.line).toBe(1);
    expect(r.phases[0]!.requests).toBeLessThan(100000);
  });

  it("leaves a run within its cap as it was: no truncated field", () => {
    const { run: r } = run(`- burst: {${TO}, count: 50}\n- wait: 10s\n`, { maxEvents: 1_000_000 });
    expect(r).not.toHaveProperty("truncated");
    expect(Object.keys(r)).toEqual(["seed", "simulatedSeconds", "phases", "events"]);
  });

  it("lists every hop of a wait under heavy traffic, more than a call's arguments may hold", () => {
    const { run: r } = run(`- rate: {${TO}, perSecond: 40000, duration: 1s}\n- wait: 1s\n`, { events: true });
    expect(r.events.filter((e) => "link" in e).length).toBeGreaterThan(200_000);
  });

  it("gives the same phases whether or not hop events are kept", () => {
    const script = `- rate: {${TO}, perSecond: 200, duration: 5s}\n- failNode: node-2\n- wait: 70s\n`;
    const kept = run(script, { hops: true, events: true });
    const dropped = run(script, { hops: false, events: true });
    expect(dropped.run.phases).toEqual(kept.run.phases);
    expect(kept.run.events.some((e) => "link" in e)).toBe(true);
    expect(dropped.run.events.some((e) => "link" in e)).toBe(false);
  });
});
