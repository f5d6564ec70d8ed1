import { describe, expect, it } from "vitest";
import { createRng } from "../rng";
import { EventQueue } from "./eventQueue";

describe("EventQueue", () => {
  it("pops events in tick order", () => {
    const q = new EventQueue<string>();
    q.push(30, "c");
    q.push(10, "a");
    q.push(20, "b");
    expect([q.pop()!.event, q.pop()!.event, q.pop()!.event]).toEqual(["a", "b", "c"]);
    expect(q.pop()).toBeUndefined();
  });

  it("pops events of the same tick in insertion order", () => {
    const q = new EventQueue<number>();
    for (let i = 0; i < 50; i++) q.push(5, i);
    expect(Array.from({ length: 50 }, () => q.pop()!.event)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("agrees with a sort over many random pushes and pops", () => {
    const rng = createRng(11);
    const q = new EventQueue<number>();
    const ref: { tick: number; seq: number }[] = [];
    let seq = 0;
    for (let round = 0; round < 2000; round++) {
      if (rng() < 0.6) {
        const tick = Math.floor(rng() * 100);
        q.push(tick, seq);
        ref.push({ tick, seq: seq++ });
      } else if (ref.length) {
        ref.sort((a, b) => a.tick - b.tick || a.seq - b.seq);
        expect(q.pop()!.event).toBe(ref.shift()!.seq);
      }
    }
  });

  it("rebuilds from saved items with the same order", () => {
    const q = new EventQueue<number>();
    [5, 1, 4, 1, 3].forEach((t, i) => q.push(t, i));
    const copy = EventQueue.from(q.items(), q.nextSeq);
    const drain = (x: EventQueue<number>) => Array.from({ length: 5 }, () => x.pop()!.event);
    expect(drain(copy)).toEqual(drain(q));
  });
});
