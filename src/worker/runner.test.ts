import { describe, expect, it } from "vitest";
import { HOP } from "../engine/sim/types";
import { LAPTOP_TO_NODEPORT, scenario } from "./testing/fixtures";
import { runnerHarness } from "./testing/runnerHarness";

// One tick per wall millisecond at speed 1 keeps the arithmetic readable; no time-lapse unless a test asks.
const opts = { ticksPerWallSecond: 1000, maxFrameGapMs: 100, idleSpeedup: 1 };

function loaded(extra: Parameters<typeof runnerHarness>[0] = {}) {
  const h = runnerHarness({ ...opts, ...extra });
  h.send("load", { files: scenario(), seed: 7 });
  return h;
}

/** Runs with a frame every 10 ms of wall time until `ms`. */
function runFor(h: ReturnType<typeof runnerHarness>, ms: number) {
  const end = h.wall + ms;
  while (h.wall < end) {
    h.wall = Math.min(end, h.wall + 10);
    h.frame();
  }
}

describe("Runner: loading and commands", () => {
  it("answers load with the cluster's nodes and services", () => {
    const a = runnerHarness(opts).send("load", { files: scenario(), seed: 7 });
    if (a.type !== "loaded") throw new Error(a.type);
    expect([a.cluster.nodes.map((n) => n.name), a.cluster.services.map((s) => s.name)]).toEqual([
      ["node-1", "node-2", "node-3"],
      ["default/kubernetes", "default/web", "kube-system/kube-dns"],
    ]);
  });

  it("sends an empty reset batch after loading, so the view drops old packets", () => {
    const h = loaded();
    expect(h.batches).toEqual([{ reset: true, now: 0, hops: [] }]);
  });

  it("answers a command before any load with an error that says to load", () => {
    const a = runnerHarness(opts).send("step", {});
    expect(a).toMatchObject({ type: "error", message: expect.stringMatching(/load/) });
  });

  it("answers an action on a missing node with an error naming it", () => {
    const a = loaded().send("act", { action: { type: "failNode", node: "node-9" } });
    expect(a).toMatchObject({ type: "error", message: expect.stringContaining("node-9") });
  });

  it("keeps the simulation usable after a refused action", () => {
    const h = loaded();
    h.send("act", { action: { type: "failNode", node: "node-9" } });
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    expect(h.send("step", {}).type).toBe("ack");
  });

  it("answers a traffic action with its phase", () => {
    expect(loaded().send("act", { action: LAPTOP_TO_NODEPORT })).toMatchObject({ type: "ack", phase: 0 });
  });

  it("rejects a speed outside 0.1..20", () => {
    expect(loaded().send("speed", { factor: 25 }).type).toBe("error");
  });
});

describe("Runner: stepping", () => {
  it("step sends exactly one hop: the request's first", () => {
    const h = loaded();
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    h.send("step", {});
    expect(h.hops().map((x) => `${x.from} > ${x.to}`)).toEqual(["client:laptop > node:node-2"]);
  });

  it("step pauses a running simulation", () => {
    const h = loaded();
    h.send("run", {});
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    h.send("step", {});
    expect(h.lastState().running).toBe(false);
  });

  it("a step that finds no hop says so and leaves the clock where it was", () => {
    const h = loaded();
    const a = h.send("step", {});
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    h.send("step", {});
    expect([a.type, h.hops()[0]?.start]).toEqual(["error", 0]);
  });

  it("back then step sends the latest hop again", () => {
    const h = loaded();
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    h.send("step", {});
    h.send("step", {});
    const latest = h.hops().at(-1);
    h.send("back", {});
    h.send("step", {});
    expect(h.hops().at(-1)).toEqual(latest);
  });

  it("back returns the clock to the hop before", () => {
    const h = loaded();
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    h.send("step", {});
    const before = h.lastState().now;
    h.send("step", {});
    h.send("back", {});
    expect(h.lastState().now).toBe(before);
  });

  it("back sends the hops still in flight as a reset batch", () => {
    const h = loaded();
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    h.send("step", {});
    const first = h.hops()[0];
    h.send("step", {});
    h.send("back", {});
    expect(h.batches.at(-1)).toEqual({ reset: true, now: 0, hops: [first] });
  });

  it("back after a run with many events replays to the latest hop (checkpoints in between)", () => {
    const h = loaded({ checkpointEvery: 3 });
    h.send("act", { action: { ...LAPTOP_TO_NODEPORT, type: "burst", count: 6, intervalTicks: 700 } });
    h.send("run", {});
    runFor(h, 6000);
    h.send("pause", {});
    const latest = h.hops().at(-1);
    h.send("back", {});
    h.send("step", {});
    expect(h.hops().at(-1)).toEqual(latest);
  });

  it("back twice then step twice sends the same two hops again", () => {
    const h = loaded({ checkpointEvery: 2 });
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    for (let i = 0; i < 4; i++) h.send("step", {});
    const lastTwo = h.hops().slice(-2);
    h.send("back", {});
    h.send("back", {});
    h.send("step", {});
    h.send("step", {});
    expect(h.hops().slice(-2)).toEqual(lastTwo);
  });

  it("back before any hop is an error", () => {
    expect(loaded().send("back", {}).type).toBe("error");
  });

  it("back cuts the cluster event log, and the events come again as the run goes on", () => {
    const h = loaded();
    h.send("act", { action: { type: "failNode", node: "node-3" } });
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    h.send("step", {});
    h.send("back", {});
    const afterBack = h.lastState();
    h.send("step", {});
    const again = h.lastState();
    expect([afterBack.eventsFrom, afterBack.events, again.events.map((e) => e.kind)]).toEqual([
      0,
      [],
      ["nodeDown"],
    ]);
  });
});

describe("Runner: running against the wall clock", () => {
  it("runs a quiet stretch as a time-lapse, up to the next event", () => {
    const h = loaded({ idleSpeedup: 1000 });
    h.send("run", {});
    runFor(h, 100);
    h.send("pause", {});
    // With nothing on the wire, 100 ms of wall time covers far more than 100 ticks.
    expect(h.lastState().now).toBeGreaterThan(100 * 10);
  });

  it("advances virtual time by wall time times speed", () => {
    const h = loaded();
    h.send("speed", { factor: 2 });
    h.send("run", {});
    runFor(h, 100);
    h.send("pause", {});
    expect(h.lastState().now).toBe(200);
  });

  it("runs the time before a speed change at the old speed", () => {
    const h = loaded();
    h.send("run", {});
    runFor(h, 50);
    h.send("speed", { factor: 4 });
    runFor(h, 50);
    h.send("pause", {});
    expect(h.lastState().now).toBe(50 + 200);
  });

  it("counts a long gap between frames as the longest allowed gap", () => {
    const h = loaded();
    h.send("run", {});
    h.wall = 10_000;
    h.frame();
    h.send("pause", {});
    expect(h.lastState().now).toBe(100);
  });

  it("does not advance while paused", () => {
    const h = loaded();
    h.send("run", {});
    runFor(h, 30);
    h.send("pause", {});
    runFor(h, 500);
    expect(h.lastState().now).toBe(30);
  });

  it("sends at most one hop batch per frame", () => {
    const h = loaded();
    h.send("act", { action: { ...LAPTOP_TO_NODEPORT, type: "burst", count: 5, intervalTicks: 10 } });
    h.send("run", {});
    const before = h.count("hopBatch");
    h.wall = 100;
    h.frame();
    expect([h.count("hopBatch") - before, h.batches.at(-1)!.hops.length > 1]).toEqual([1, true]);
  });

  it("sends nothing on a frame while paused", () => {
    const h = loaded();
    const before = h.messages.length;
    h.frame();
    expect(h.messages.length).toBe(before);
  });

  it("sends state at most once per state period while running", () => {
    const h = loaded({ statePeriodMs: 250 });
    h.send("run", {});
    const before = h.count("state");
    runFor(h, 240);
    const quiet = h.count("state") - before;
    runFor(h, 10);
    expect([quiet, h.count("state") - before]).toEqual([0, 1]);
  });

  it("delivers a request sent while running", () => {
    const h = loaded();
    h.send("run", {});
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    h.send("speed", { factor: 20 });
    runFor(h, 1000);
    expect(h.hops().some((x) => x.flags & HOP.reply && x.flags & HOP.deliver)).toBe(true);
  });
});

describe("Runner: seeking and determinism", () => {
  it("seeking back gives the same state as going straight to that time", () => {
    const burst = { ...LAPTOP_TO_NODEPORT, type: "burst", count: 4, intervalTicks: 900 } as const;
    const a = loaded({ checkpointEvery: 2 });
    a.send("act", { action: burst });
    a.send("seek", { tick: 8000 });
    a.send("seek", { tick: 2500 });
    const b = loaded();
    b.send("act", { action: burst });
    b.send("seek", { tick: 2500 });
    expect([a.lastState(), a.batches.at(-1)]).toEqual([b.lastState(), b.batches.at(-1)]);
  });

  it("seeking forward sends the hops in flight at the target as a reset batch", () => {
    const h = loaded();
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    h.send("seek", { tick: 2050 });
    const last = h.batches.at(-1)!;
    // A request's packet is on exactly one link at a time; at 2050 it has left the laptop's link.
    expect([last.reset, last.hops.map((x) => x.start <= 2050 && x.end > 2050 && x.start >= 2000)]).toEqual([
      true,
      [true],
    ]);
  });

  it("gives identical batches and states for the same seed, actions and frames", () => {
    const record = () => {
      const h = loaded();
      h.send("act", { action: { ...LAPTOP_TO_NODEPORT, type: "burst", count: 3, intervalTicks: 300 } });
      h.send("speed", { factor: 3 });
      h.send("run", {});
      runFor(h, 3000);
      h.send("pause", {});
      return { batches: h.batches, state: h.lastState() };
    };
    expect(record()).toEqual(record());
  });
});

describe("Runner: run until", () => {
  it("pauses by itself exactly at the tick it was given (a narrated hop's end)", () => {
    const h = loaded();
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    h.send("step", {});
    const first = h.hops()[0]!;
    h.send("run", { until: first.end });
    runFor(h, 5000);
    expect([h.lastState().running, h.lastState().now]).toEqual([false, first.end]);
  });

  it("forgets the pause point when paused by hand, so a later run plays on", () => {
    const h = loaded();
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    h.send("run", { until: 1000 });
    h.send("pause", {});
    h.send("run", {});
    runFor(h, 3000);
    expect(h.lastState().now).toBeGreaterThan(1000);
  });
});
