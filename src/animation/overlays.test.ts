import { describe, expect, it } from "vitest";
import { Overlays } from "./overlays";

describe("Overlays", () => {
  it("waits for its tick, then fades out by wall time", () => {
    const o = new Overlays();
    o.add("drop", "node:a", ["DROP: x"], 100);
    const it0 = o.slots[0]!;
    expect(o.alpha(it0, 50, 0)).toBe(0);
    expect(o.alpha(it0, 100, 1000)).toBe(1);
    const late = o.alpha(it0, 200, 1000 + 3500);
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(1);
    expect(o.alpha(it0, 200, 1000 + 4000)).toBe(0);
    expect(it0.live).toBe(false);
  });

  it("keeps one NAT label per place: a newer one replaces the older", () => {
    const o = new Overlays();
    o.add("nat", "node:a", ["DNAT 1"], 10);
    o.add("nat", "node:b", ["DNAT b"], 10);
    o.add("drop", "node:a", ["DROP"], 10);
    o.add("nat", "node:a", ["DNAT 2"], 20);
    const [a1, b, drop, a2] = o.slots;
    for (const x of o.slots) o.alpha(x, 15, 0);
    expect(o.alpha(a1!, 15, 1)).toBe(1);
    for (const x of o.slots) o.alpha(x, 25, 2);
    expect(a1!.live).toBe(false);
    expect(a2!.live).toBe(true);
    expect(b!.live).toBe(true);
    expect(drop!.live).toBe(true);
  });

  it("reuses its slots when full", () => {
    const o = new Overlays(2);
    o.add("nat", "p", ["1"], 0);
    o.add("nat", "p", ["2"], 0);
    o.add("nat", "p", ["3"], 0);
    expect(o.slots.map((s) => s.lines[0])).toEqual(["3", "2"]);
  });
});
