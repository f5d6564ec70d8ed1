import { describe, expect, it } from "vitest";
import { ease, pointAt, progress, ROUTE_STRIDE, setRoute } from "./route";

describe("route", () => {
  const routes = new Float64Array(ROUTE_STRIDE * 2);
  const out = new Float64Array(2);
  // An L: 30 right, then 40 down (length 70), in the second slot.
  setRoute(routes, ROUTE_STRIDE, new Float64Array([0, 0, 30, 0, 30, 40]), 3);

  it("interpolates along the route by length", () => {
    pointAt(routes, ROUTE_STRIDE, 0, out);
    expect([...out]).toEqual([0, 0]);
    pointAt(routes, ROUTE_STRIDE, 15 / 70, out);
    expect(out[0]).toBeCloseTo(15);
    expect(out[1]).toBeCloseTo(0);
    pointAt(routes, ROUTE_STRIDE, 50 / 70, out);
    expect(out[0]).toBeCloseTo(30);
    expect(out[1]).toBeCloseTo(20);
    pointAt(routes, ROUTE_STRIDE, 1, out);
    expect([...out]).toEqual([30, 40]);
  });

  it("stays put on a one-point route", () => {
    setRoute(routes, 0, new Float64Array([5, 6]), 1);
    pointAt(routes, 0, 0.5, out);
    expect([...out]).toEqual([5, 6]);
  });

  it("measures progress and eases, or jumps under reduced motion", () => {
    expect(progress(100, 200, 50)).toBe(0);
    expect(progress(100, 200, 150)).toBe(0.5);
    expect(progress(100, 200, 250)).toBe(1);
    expect(progress(100, 100, 100)).toBe(1);
    expect(ease(0.5, false)).toBeCloseTo(0.5);
    expect(ease(0.25, false)).toBeLessThan(0.25);
    expect(ease(0.25, true)).toBe(1);
    expect(ease(0, true)).toBe(0);
  });
});
