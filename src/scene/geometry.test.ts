import { describe, expect, it } from "vitest";
import {
  attachPoint,
  busExtent,
  isBesideBus,
  placeKind,
  PLACE_BUS,
  PLACE_OTHER,
  PLACE_POD,
  tapPoint,
  writeRoute,
} from "./geometry";

const bus = { x: 0, y: 100, w: 600, h: 20 };

describe("geometry", () => {
  it("knows what hangs off the bus", () => {
    expect(placeKind("node:a")).toBe(PLACE_BUS);
    expect(placeKind("client:a")).toBe(PLACE_BUS);
    expect(placeKind("lb:default/a")).toBe(PLACE_BUS);
    expect(placeKind("pod:default/a")).toBe(PLACE_POD);
    expect(placeKind("ip:1.2.3.4")).toBe(PLACE_OTHER);
  });

  it("attaches boxes above and below on the side facing the bus", () => {
    expect(attachPoint({ x: 100, y: 0, w: 100, h: 50 }, bus)).toEqual({ x: 150, y: 50 });
    expect(attachPoint({ x: 100, y: 200, w: 100, h: 50 }, bus)).toEqual({ x: 150, y: 200 });
    expect(tapPoint({ x: 100, y: 200, w: 100, h: 50 }, bus)).toEqual({ x: 150, y: 120 });
    // Past the bus's end: the tap stays on the bus.
    expect(tapPoint({ x: 900, y: 200, w: 100, h: 50 }, bus).x).toBeLessThan(600);
  });

  it("attaches boxes level with the bus to its ends", () => {
    const left = { x: -300, y: 80, w: 100, h: 60 };
    expect(isBesideBus(left, bus)).toBe(true);
    expect(attachPoint(left, bus)).toEqual({ x: -200, y: 110 });
    expect(tapPoint(left, bus)).toEqual({ x: 0, y: 110 });
  });

  it("routes bus places along the bus, pods straight from their node", () => {
    const out = new Float64Array(8);
    const a = { x: 0, y: 0, w: 100, h: 50 };
    const b = { x: 400, y: 200, w: 100, h: 50 };
    expect(writeRoute(PLACE_BUS, a, PLACE_BUS, b, bus, false, out)).toBe(4);
    expect([...out]).toEqual([50, 50, 50, 110, 450, 110, 450, 200]);
    const pod = { x: 410, y: 260, w: 80, h: 30 };
    expect(writeRoute(PLACE_BUS, b, PLACE_POD, pod, bus, false, out)).toBe(2);
    expect([...out.slice(0, 4)]).toEqual([450, 200, 422, 275]);
    expect(writeRoute(PLACE_POD, pod, PLACE_POD, pod, bus, true, out)).toBe(1);
  });

  it("stretches the bus under boxes above and below, not beside", () => {
    const e = busExtent(
      [
        { x: 50, y: 0, w: 100, h: 50 },
        { x: 300, y: 200, w: 100, h: 50 },
        { x: -500, y: 90, w: 100, h: 40 },
      ],
      100,
      20,
      10,
    );
    expect(e).toEqual({ x: 40, w: 370 });
  });
});
