import { describe, expect, it } from "vitest";
import { NodePortAllocator, portRangeOffset } from "./portAllocator";

const DEFAULT = { base: 30000, size: 2768 };

describe("NodePortAllocator", () => {
  it("the static band of 30000-32767 is 86 ports (size/32)", () => {
    expect(portRangeOffset(2768)).toBe(86);
    expect(portRangeOffset(100)).toBe(16);
    expect(portRangeOffset(16)).toBe(0);
  });

  it("dynamic allocation uses 30086-32767 while it has room", () => {
    const a = new NodePortAllocator(DEFAULT);
    for (let i = 0; i < 50; i++) {
      const r = a.allocateNext(`ns/s${i}`);
      expect(r.ok && r.value >= 30086 && r.value <= 32767).toBe(true);
    }
  });

  it("a port outside the range is refused with the range in the message", () => {
    const a = new NodePortAllocator(DEFAULT);
    expect(a.allocate(29999, "ns/a")).toEqual({
      ok: false,
      error: "provided port is not in the valid range. The range of valid ports is 30000-32767",
    });
  });

  it("a port already held is refused", () => {
    const a = new NodePortAllocator(DEFAULT);
    a.allocate(30080, "ns/a");
    expect(a.allocate(30080, "ns/b")).toEqual({ ok: false, error: "provided port is already allocated" });
  });

  it("when the upper band is full the static band is used, then range is full", () => {
    const a = new NodePortAllocator({ base: 30000, size: 20 });
    const got: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = a.allocateNext(`ns/s${i}`);
      if (r.ok) got.push(r.value);
    }
    expect(got.slice(0, 4).every((p) => p >= 30016)).toBe(true);
    expect(new Set(got).size).toBe(20);
    expect(a.allocateNext("ns/x")).toEqual({ ok: false, error: "range is full" });
  });
});
