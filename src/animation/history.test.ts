import { describe, expect, it } from "vitest";
import { PacketHistory, type HopRecord } from "./history";

const hop = (start: number, end: number): HopRecord => ({
  from: "a",
  to: "b",
  link: "external",
  src: "s",
  dst: "d",
  flags: 0,
  start,
  end,
  note: "",
  rules: [],
  why: { code: "forward-node" },
  connection: 1,
});

describe("PacketHistory", () => {
  it("keeps each packet's hops and finds the current one", () => {
    const h = new PacketHistory();
    h.add(1, hop(0, 10));
    h.add(1, hop(10, 20));
    expect(h.of(1)).toHaveLength(2);
    expect(h.current(1, 15)?.start).toBe(10);
    expect(h.current(1, 5)?.start).toBe(0);
    expect(h.current(2, 5)).toBeNull();
  });

  it("forgets the oldest packets and hops first", () => {
    const h = new PacketHistory(2, 2);
    h.add(1, hop(0, 1));
    h.add(2, hop(0, 1));
    h.add(3, hop(0, 1));
    expect(h.of(1)).toHaveLength(0);
    h.add(3, hop(1, 2));
    h.add(3, hop(2, 3));
    expect(h.of(3).map((x) => x.start)).toEqual([1, 2]);
  });
});
