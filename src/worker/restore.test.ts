// Reproducing a run elsewhere (a shared link): the journal a runner gives, replayed by a fresh runner on
// the same scenario and seed, ends at the same point with the same counts, the same log and paused.
import { describe, expect, it } from "vitest";
import { RESTORE_EVENT_LIMIT, type OutOf } from "../protocol/messages";
import { LAPTOP_TO_NODEPORT, scenario } from "./testing/fixtures";
import { runnerHarness } from "./testing/runnerHarness";

const opts = { ticksPerWallSecond: 1000, maxFrameGapMs: 100, idleSpeedup: 1 };
const BURST = { ...LAPTOP_TO_NODEPORT, type: "burst", count: 5, intervalTicks: 1_000 } as const;

function loaded(seed = 7) {
  const h = runnerHarness(opts);
  h.send("load", { files: scenario(), seed });
  return h;
}

function runFor(h: ReturnType<typeof runnerHarness>, ms: number) {
  const end = h.wall + ms;
  while (h.wall < end) {
    h.wall = Math.min(end, h.wall + 10);
    h.frame();
  }
}

function journalOf(h: ReturnType<typeof runnerHarness>): OutOf<"journal"> {
  const a = h.send("journal", {});
  if (a.type !== "journal") throw new Error(a.type);
  return a;
}

/** A run with actions taken while playing, after single steps (mid-tick) and paused. */
function sampleRun() {
  const h = loaded();
  h.send("run", {});
  runFor(h, 30);
  h.send("act", { action: LAPTOP_TO_NODEPORT });
  runFor(h, 500);
  h.send("step", {});
  h.send("act", { action: BURST });
  h.send("run", {});
  runFor(h, 1_200);
  h.send("act", { action: { type: "failNode", node: "node-3" } });
  runFor(h, 20_000);
  h.send("pause", {});
  return h;
}

const summary = (h: ReturnType<typeof runnerHarness>) => {
  const s = h.lastState();
  return { now: s.now, events: s.eventsProcessed, running: s.running, phases: s.phases, nodes: s.nodes };
};

describe("Runner: journal", () => {
  it("is empty after a load, at the start", () => {
    const j = journalOf(loaded());
    expect([j.entries, j.at, j.seed]).toEqual([[], { events: 0, tick: 0 }, 7]);
  });

  it("lists each action taken, in order, with the point it was taken at", () => {
    const j = journalOf(sampleRun());
    expect(j.entries.map((e) => e.action.type)).toEqual(["send", "burst", "failNode"]);
    const ticks = j.entries.map((e) => e.tick);
    expect([...ticks].sort((a, b) => a - b)).toEqual(ticks);
    expect(j.at.tick).toBeGreaterThanOrEqual(ticks.at(-1)!);
  });

  it("forgets actions a step back went behind, as the simulation did", () => {
    const h = loaded();
    h.send("act", { action: LAPTOP_TO_NODEPORT });
    h.send("step", {});
    h.send("act", { action: BURST });
    h.send("back", {});
    expect(journalOf(h).entries.map((e) => e.action.type)).toEqual(["send"]);
  });
});

describe("Runner: restore", () => {
  it("reproduces a run: same time, events, counts and node states, paused", () => {
    const original = sampleRun();
    const j = journalOf(original);
    const copy = loaded();
    expect(copy.send("restore", { entries: j.entries, at: j.at }).type).toBe("ack");
    expect(summary(copy)).toEqual(summary(original));
    expect(summary(copy).running).toBe(false);
    expect(summary(copy).phases.reduce((n, p) => n + p.results.delivered, 0)).toBeGreaterThan(0);
  });

  it("rebuilds the cluster event log the original run wrote", () => {
    const original = sampleRun();
    const j = journalOf(original);
    const copy = loaded();
    copy.send("restore", { entries: j.entries, at: j.at });
    const log = (h: ReturnType<typeof runnerHarness>) =>
      h.messages.flatMap((m) => (m.type === "state" ? m.state.events.map((e) => `${e.tick} ${e.kind}`) : []));
    expect(log(copy)).toEqual(log(original));
  });

  it("lets the restored run step back, as the original could", () => {
    const copy = loaded();
    copy.send("restore", {
      entries: [{ events: 0, tick: 0, action: LAPTOP_TO_NODEPORT }],
      at: { events: 0, tick: 0 },
    });
    copy.send("step", {});
    expect(copy.send("back", {}).type).toBe("ack");
  });

  it("refuses a point the run never passes through, naming it", () => {
    // Five events by tick 0 cannot happen on this scenario: the journal was made on another one.
    const a = loaded().send("restore", { entries: [], at: { events: 5, tick: 0 } });
    expect(a).toMatchObject({ type: "error", message: expect.stringContaining("event 5 at tick 0") });
  });

  it("refuses a run longer than the event limit without running it", () => {
    const h = loaded();
    const a = h.send("restore", { entries: [], at: { events: RESTORE_EVENT_LIMIT + 1, tick: 1e12 } });
    expect(a).toMatchObject({ type: "error", message: expect.stringMatching(/too long/) });
    expect(h.lastState().eventsProcessed).toBe(0);
  });

  it("refuses an action the simulation refuses, and stays usable", () => {
    const h = loaded();
    const a = h.send("restore", {
      entries: [{ events: 0, tick: 0, action: { type: "failNode", node: "node-9" } }],
      at: { events: 0, tick: 0 },
    });
    expect(a).toMatchObject({ type: "error", message: expect.stringContaining("node-9") });
    expect(h.send("act", { action: LAPTOP_TO_NODEPORT }).type).toBe("ack");
  });
});
