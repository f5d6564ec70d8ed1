import { describe, expect, it } from "vitest";
import type { ClusterEvent } from "../../protocol/simulation";
import { mergeEvents } from "./clusterEvents";

const ev = (tick: number): ClusterEvent => ({ tick, kind: "podReady", object: "Pod/default/a", message: "" });

describe("mergeEvents", () => {
  it("appends new events at their index", () => {
    expect(mergeEvents([ev(1)], 1, [ev(2), ev(3)]).map((e) => e.tick)).toEqual([1, 2, 3]);
  });
  it("cuts the log where the update starts (a step back)", () => {
    expect(mergeEvents([ev(1), ev(2), ev(3)], 1, [ev(5)]).map((e) => e.tick)).toEqual([1, 5]);
    expect(mergeEvents([ev(1), ev(2)], 0, [])).toEqual([]);
  });
  it("keeps the same array when nothing changed", () => {
    const log = [ev(1)];
    expect(mergeEvents(log, 1, [])).toBe(log);
  });
});
