import { describe, expect, it } from "vitest";
import { Timeline } from "./timeline";

const send = { type: "send", from: "client:laptop", to: "192.168.1.3:30080" } as const;

describe("Timeline", () => {
  it("names the latest event that sent hops", () => {
    const t = new Timeline();
    t.event({ events: 1, tick: 0 }, true);
    t.event({ events: 2, tick: 5 }, false);
    expect(t.lastHopEvent()).toBe(1);
  });

  it("marks a checkpoint every so many events", () => {
    const t = new Timeline(2);
    for (let e = 1; e <= 5; e++) t.event({ events: e, tick: e * 10 }, false);
    expect(t.checkpoints).toEqual([
      { events: 2, tick: 20 },
      { events: 4, tick: 40 },
    ]);
  });

  it("cut forgets later actions, hop events and checkpoints", () => {
    const t = new Timeline(2);
    t.action({ events: 0, tick: 0 }, send);
    for (let e = 1; e <= 5; e++) t.event({ events: e, tick: e * 10 }, true);
    t.action({ events: 5, tick: 50 }, send);
    t.cut(1, { events: 3, tick: 30 });
    expect([t.actions.length, t.lastHopEvent(), t.checkpoints]).toEqual([1, 3, [{ events: 2, tick: 20 }]]);
  });
});
