import { describe, expect, it } from "vitest";
import type { Position } from "../store/playgroundStore";
import { BUS_ID } from "../scene/ids";
import { autoLayout, ONE_ROW_MAX, placeNewcomers } from "./layout";
import { BUS_H, GAP_X } from "./sizes";
import { testCluster } from "./testCluster";

function overlaps(pos: Record<string, Position>, sizes: Record<string, { w: number; h: number }>) {
  const ids = Object.keys(sizes);
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const a = { ...pos[ids[i]!]!, ...sizes[ids[i]!]! };
      const b = { ...pos[ids[j]!]!, ...sizes[ids[j]!]! };
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) return [ids[i], ids[j]];
    }
  return null;
}

describe("autoLayout", () => {
  for (const n of [1, 3, 5, 6, 12, 20])
    it(`places ${n} nodes without overlaps, every box clear of the bus`, () => {
      const { positions, sizes } = autoLayout(testCluster(n, true));
      expect(overlaps(positions, sizes)).toBeNull();
      const busY = positions[BUS_ID]!.y;
      for (const id of Object.keys(sizes)) {
        if (!id.startsWith("node:")) continue;
        const p = positions[id]!;
        const clear = p.y + sizes[id]!.h <= busY || p.y >= busY + BUS_H;
        expect(clear).toBe(true);
      }
    });

  it("puts up to five nodes in one row below the bus, with the outside above it", () => {
    const { positions } = autoLayout(testCluster(ONE_ROW_MAX));
    const busY = positions[BUS_ID]!.y;
    const ys = new Set(
      Object.keys(positions)
        .filter((id) => id.startsWith("node:"))
        .map((id) => positions[id]!.y),
    );
    expect(ys.size).toBe(1);
    expect([...ys][0]).toBeGreaterThan(busY);
    expect(positions["client:laptop"]!.y).toBeLessThan(busY);
  });

  it("splits more nodes into a row each side of the bus, reading order kept", () => {
    const { positions } = autoLayout(testCluster(8));
    const busY = positions[BUS_ID]!.y;
    expect(positions["node:node-1"]!.y).toBeLessThan(busY);
    expect(positions["node:node-8"]!.y).toBeGreaterThan(busY);
    expect(positions["node:node-1"]!.x).toBeLessThan(positions["node:node-2"]!.x);
    // The client sits at the bus's left end, the Service at its right end.
    expect(positions["client:laptop"]!.x).toBeLessThan(positions["node:node-1"]!.x);
    expect(positions["svc:default/web"]!.x).toBeGreaterThan(positions["node:node-4"]!.x);
  });

  it("is deterministic", () => {
    expect(autoLayout(testCluster(7))).toEqual(autoLayout(testCluster(7)));
  });

  it("wraps a big cluster's many Services into columns beside the nodes, none overlapping", () => {
    const c = testCluster(12);
    const svc = c.services[1]!;
    c.services = Array.from({ length: 200 }, (_, i) => ({ ...svc, name: `ns-${i}/svc` }));
    const { positions, sizes } = autoLayout(c);
    const xs = new Set(c.services.map((s) => positions[`svc:${s.name}`]!.x));
    expect(xs.size).toBe(Math.ceil(200 / Math.ceil(Math.sqrt(400))));
    expect(overlaps(positions, sizes)).toBeNull();
  });
});

describe("placeNewcomers", () => {
  const auto = {
    positions: { a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, c: { x: 600, y: 0 } },
    sizes: { a: { w: 200, h: 60 }, b: { w: 200, h: 60 }, c: { w: 200, h: 60 } },
  };

  it("keeps placed boxes and gives a newcomer its automatic place when that is free", () => {
    expect(placeNewcomers({ a: { x: 10, y: 500 } }, auto)).toEqual({
      a: { x: 10, y: 500 },
      b: { x: 300, y: 0 },
      c: { x: 600, y: 0 },
    });
  });

  it("moves a newcomer right, a box at a time, until it covers no kept box", () => {
    const placed = placeNewcomers({ a: { x: 0, y: 0 }, c: { x: 250, y: 10 } }, auto);
    expect(placed.b).toEqual({ x: 300 + 200 + GAP_X, y: 0 });
  });

  it("leaves a fresh layout as it is", () => {
    expect(placeNewcomers({}, auto)).toEqual(auto.positions);
  });
});
