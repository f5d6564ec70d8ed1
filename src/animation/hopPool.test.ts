import { describe, expect, it } from "vitest";
import { HopPool } from "./hopPool";

describe("HopPool", () => {
  it("grows by doubling and keeps what it holds", () => {
    const p = new HopPool(2);
    for (let i = 0; i < 5; i++) p.add(i, i, 0, i, i * 10, i * 10 + 10);
    expect(p.capacity).toBe(8);
    expect(p.count).toBe(5);
    expect([...p.packet.slice(0, 5)]).toEqual([0, 1, 2, 3, 4]);
  });

  it("sweeps hops that ended, keeping the order of the rest", () => {
    const p = new HopPool(4);
    p.add(1, 0, 0, 0, 0, 10);
    p.add(2, 0, 0, 0, 0, 30);
    p.add(3, 0, 0, 0, 5, 20);
    p.sweep(20);
    expect([...p.packet.slice(0, p.count)]).toEqual([2]);
    p.clear();
    expect(p.count).toBe(0);
  });
});
