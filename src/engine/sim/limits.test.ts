// The limits of one simulation, as Simulation.act holds every action to them (the worker's actions and
// a script's steps alike): refused with an error, never thrown, never started.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { userObjects } from "../../model/testing";
import { Simulation } from "./simulation";
import type { SimAction } from "./types";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
const load = () => Simulation.load([{ file: "default.yaml", text: DEFAULT }], { seed: 1 });
const TO_NODEPORT = { from: "client:laptop", to: "192.168.1.2:30080" } as const;
const DAY = 86_400_000_000;

/** An action as it might arrive from another thread or a saved file: any shape at all. */
const act = (sim: Simulation, action: unknown) => sim.act(action as SimAction);

describe("Simulation.act: limits", () => {
  const refused: [string, unknown, RegExp][] = [
    [
      "a burst of 1e9 requests",
      { type: "burst", ...TO_NODEPORT, count: 1e9 },
      /^count must be a whole number from 1 to 100000; got 1000000000$/,
    ],
    ["a burst of 100,001 requests", { type: "burst", ...TO_NODEPORT, count: 100_001 }, /from 1 to 100000/],
    ["a burst of Infinity", { type: "burst", ...TO_NODEPORT, count: Infinity }, /got Infinity$/],
    ["a burst of NaN", { type: "burst", ...TO_NODEPORT, count: NaN }, /got NaN$/],
    ["a negative burst", { type: "burst", ...TO_NODEPORT, count: -5 }, /got -5$/],
    [
      "a burst with a negative interval",
      { type: "burst", ...TO_NODEPORT, count: 2, intervalTicks: -1 },
      /^interval must be a duration from 0 to 24h; got -1$/,
    ],
    [
      "a burst longer than a day",
      { type: "burst", ...TO_NODEPORT, count: 100_000, intervalTicks: 1_000_000 },
      /^a burst lasts at most 24h of simulated time; 100000 requests 1s apart take 99999s$/,
    ],
    [
      "a rate of 1e9/s",
      { type: "rate", ...TO_NODEPORT, perSecond: 1e9, durationTicks: 1_000_000 },
      /^perSecond must be a number above 0 and at most 100000; got 1000000000$/,
    ],
    [
      "a rate of Infinity/s",
      { type: "rate", ...TO_NODEPORT, perSecond: Infinity, durationTicks: 1_000_000 },
      /got Infinity$/,
    ],
    ["a rate of 0/s", { type: "rate", ...TO_NODEPORT, perSecond: 0, durationTicks: 1_000_000 }, /got 0$/],
    [
      "a rate for 1e9 s",
      { type: "rate", ...TO_NODEPORT, perSecond: 10, durationTicks: 1e15 },
      /^duration is at most 24h of simulated time; got 1000000000s$/,
    ],
    [
      "a rate for NaN",
      { type: "rate", ...TO_NODEPORT, perSecond: 10, durationTicks: NaN },
      /^duration must be a duration from 0 to 24h; got NaN$/,
    ],
    [
      "a scale beyond int32",
      { type: "scale", deployment: "default/web", replicas: 2 ** 31 },
      /^replicas must be a whole number from 0 to 2147483647; got 2147483648$/,
    ],
    ["a fractional scale", { type: "scale", deployment: "default/web", replicas: 1.5 }, /got 1.5$/],
    ["a negative scale", { type: "scale", deployment: "default/web", replicas: -1 }, /got -1$/],
  ];
  for (const [what, action, message] of refused)
    it(`refuses ${what} with an error, and starts nothing`, () => {
      const sim = load();
      const r = act(sim, action);
      expect(r.ok ? null : r.error.code).toBe("invalid-action");
      expect(r.ok ? "" : r.error.message).toMatch(message);
      expect(sim.phases()).toEqual([]);
      expect(sim.cluster.deployments[0]!.spec.replicas).toBe(3);
    });

  it("takes the largest burst, rate and duration within the limits", () => {
    const sim = load();
    expect(act(sim, { type: "burst", ...TO_NODEPORT, count: 100_000, intervalTicks: 0 })).toEqual({
      ok: true,
      value: { phase: 0 },
    });
    expect(act(sim, { type: "rate", ...TO_NODEPORT, perSecond: 100_000, durationTicks: DAY })).toEqual({
      ok: true,
      value: { phase: 1 },
    });
    expect(act(sim, { type: "burst", ...TO_NODEPORT, count: 2, intervalTicks: DAY })).toEqual({
      ok: true,
      value: { phase: 2 },
    });
  });

  const malformed: [string, unknown][] = [
    ["null", null],
    ["a string", "burst"],
    ["a list", [{ type: "send" }]],
    ["an unknown type", { type: "explode" }],
    ["a type that is not text", { type: 7 }],
    ["a send without from", { type: "send", to: "192.168.1.2:30080" }],
    ["a send to a number", { type: "send", from: "client:laptop", to: 30080 }],
    ["an unknown protocol", { type: "send", ...TO_NODEPORT, protocol: "QUIC" }],
    ["an unknown connection style", { type: "send", ...TO_NODEPORT, connection: "pipelined" }],
    ["a label that is not text", { type: "send", ...TO_NODEPORT, label: { x: 1 } }],
    ["a failNode without a node", { type: "failNode" }],
    ["a deletePod of a mapping", { type: "deletePod", pod: {} }],
    ["a scale without a deployment", { type: "scale", replicas: 2 }],
    ["an apply of a mapping", { type: "apply", manifest: { kind: "Pod" } }],
    ["a stopTraffic of no phase", { type: "stopTraffic", phase: "0" }],
  ];
  for (const [what, action] of malformed)
    it(`refuses ${what} with an error instead of throwing`, () => {
      const r = act(load(), action);
      expect(r).toEqual({
        ok: false,
        error: { code: "invalid-action", params: {}, message: expect.any(String) },
      });
    });

  it("never throws, whatever the action (property)", () => {
    const sim = load();
    const field = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.double(),
      fc.integer(),
      fc.constantFrom(1e9, 2 ** 31, -1, 0, Infinity, NaN),
      fc.string({ maxLength: 8 }),
      fc.constantFrom("client:laptop", "192.168.1.2:30080", "node-2", "default/web", "TCP", "keepalive"),
      fc.array(fc.integer(), { maxLength: 2 }),
    );
    const action = fc.record(
      {
        type: fc.constantFrom(
          "send",
          "burst",
          "rate",
          "stopTraffic",
          "failNode",
          "recoverNode",
          "deletePod",
          "scale",
          "explode",
        ),
        from: field,
        to: field,
        protocol: field,
        connection: field,
        label: field,
        count: field,
        intervalTicks: field,
        perSecond: field,
        durationTicks: field,
        phase: field,
        node: field,
        pod: field,
        deployment: field,
        replicas: field,
      },
      { requiredKeys: ["type"] },
    );
    fc.assert(
      fc.property(action, (a) => {
        const r = act(sim, a);
        expect(typeof r.ok).toBe("boolean");
        // Whatever was taken stays within the cluster's cap.
        expect(sim.cluster.pods.length).toBeLessThanOrEqual(500);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Simulation: scale past what the cluster holds", () => {
  it("scales to 1e9 replicas in bounded time: 500 pods at most (CoreDNS's two among them), the rest reported in a podsPending event", () => {
    const sim = load();
    const started = performance.now();
    expect(act(sim, { type: "scale", deployment: "default/web", replicas: 1e9 }).ok).toBe(true);
    const out = sim.advanceTo(sim.now + 60_000_000);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(sim.cluster.pods).toHaveLength(500);
    expect(sim.cluster.deployments[0]!.spec.replicas).toBe(1e9);
    const pending = out.events.filter((e) => e.kind === "podsPending");
    expect(pending).toEqual([
      expect.objectContaining({
        object: "Deployment/default/web",
        message: expect.stringContaining("999999502 are not created"),
      }),
    ]);
    const running = userObjects(sim.cluster.pods).filter((p) => p.status.phase === "Running");
    expect(running).toHaveLength(220);
    expect(running.every((p) => p.status.podIP)).toBe(true);
  });

  it("starts a pod left Pending at load once a node has room for it", () => {
    const full = DEFAULT.replace("  replicas: 3\n", "  replicas: 221\n");
    const sim = Simulation.load([{ file: "full.yaml", text: full }], { seed: 1 });
    const waiting = sim.cluster.pods.find((p) => p.status.phase === "Pending")!;
    const name = `default/${waiting.metadata.name}`;
    const victim = sim.cluster.pods.find((p) => p.status.phase === "Running")!;
    expect(act(sim, { type: "deletePod", pod: `default/${victim.metadata.name}` }).ok).toBe(true);
    // The deleted pod frees its place when its grace period ends (30 s); the waiting one then starts.
    const out = sim.advanceTo(sim.now + 40_000_000);
    const now = sim.cluster.pods.find((p) => `default/${p.metadata.name}` === name)!;
    expect(now.status.phase).toBe("Running");
    expect(out.events.some((e) => e.kind === "podReady" && e.object === `Pod/${name}`)).toBe(true);
  });
});
