import { describe, expect, it } from "vitest";
import { Sleeper } from "./sleep";

function sim(running: boolean) {
  const calls: string[] = [];
  const s = {
    running: () => running,
    pause: () => {
      calls.push("pause");
      running = false;
    },
    play: () => {
      calls.push("play");
      running = true;
    },
  };
  return { s, calls };
}

describe("an embed's sleep", () => {
  it("pauses a running simulation when scrolled out of view and plays it again when back", () => {
    const { s, calls } = sim(true);
    const states: boolean[] = [];
    const z = new Sleeper(s, (asleep) => states.push(asleep));
    z.setOnScreen(false);
    expect(z.sleeping).toBe(true);
    z.setOnScreen(true);
    expect(calls).toEqual(["pause", "play"]);
    expect(states).toEqual([true, false]);
  });

  it("leaves a paused simulation paused on waking", () => {
    const { s, calls } = sim(false);
    const z = new Sleeper(s);
    z.setOnScreen(false);
    z.setOnScreen(true);
    expect(calls).toEqual([]);
  });

  it("sleeps while the tab is hidden, and wakes only when it is both visible and on screen", () => {
    const { s, calls } = sim(true);
    const z = new Sleeper(s);
    z.setPageVisible(false);
    z.setOnScreen(false);
    z.setPageVisible(true);
    expect(z.sleeping).toBe(true);
    z.setOnScreen(true);
    expect(z.sleeping).toBe(false);
    expect(calls).toEqual(["pause", "play"]);
  });

  it("counts an embed that is watched as out of view until the first report says it is seen", () => {
    const { s, calls } = sim(false);
    const states: boolean[] = [];
    const z = new Sleeper(s, (asleep) => states.push(asleep), false);
    z.setPageVisible(true);
    expect(z.sleeping).toBe(true);
    z.setOnScreen(true);
    expect(states).toEqual([true, false]);
    expect(calls).toEqual([]);
  });
});
