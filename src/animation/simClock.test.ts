import { describe, expect, it } from "vitest";
import { SimClock } from "./simClock";

describe("SimClock", () => {
  it("stands still while paused", () => {
    const c = new SimClock(2, 300);
    c.setPlayback(false, 1, 500, 0);
    expect(c.at(1000)).toBe(500);
  });

  it("runs at ticks per ms x speed between reports", () => {
    const c = new SimClock(2, 300);
    c.setPlayback(true, 1, 0, 0);
    expect(c.at(100)).toBe(200);
    c.setPlayback(true, 2, 200, 100);
    expect(c.at(200)).toBe(600);
  });

  it("never runs more than the lead past the latest report, nor backwards", () => {
    const c = new SimClock(2, 300);
    c.setPlayback(true, 1, 0, 0);
    expect(c.at(1000)).toBe(600);
    c.observe(100, 1000);
    expect(c.at(1001)).toBe(700);
    expect(c.at(1002)).toBeGreaterThanOrEqual(700);
  });

  it("catches up when the simulation is ahead, and jumps on a reset", () => {
    const c = new SimClock(2, 300);
    c.setPlayback(true, 1, 0, 0);
    c.observe(50_000, 10);
    expect(c.at(10)).toBe(50_000);
    c.observe(30, 20, true);
    expect(c.at(20)).toBe(30);
  });
});
