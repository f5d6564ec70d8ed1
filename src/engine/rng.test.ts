import { describe, expect, it } from "vitest";
import { createRng, randomInt } from "./rng";

describe("seeded rng", () => {
  it("gives the same sequence for the same seed", () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });
  it("gives different sequences for different seeds", () => {
    expect(createRng(1)()).not.toBe(createRng(2)());
  });
  it("stays within [0, 1) and within integer bounds", () => {
    const r = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = randomInt(r, 3, 5);
      expect(n === 3 || n === 4 || n === 5).toBe(true);
    }
  });
});
