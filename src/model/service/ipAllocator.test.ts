import { describe, expect, it } from "vitest";
import { parseIP } from "../ip";
import { ClusterIPAllocator, ipRangeOffset } from "./ipAllocator";

describe("ClusterIPAllocator", () => {
  it("the static band is min(max(16, size/16), 256): 256 for a /12, 16 for a /24, none for a /28", () => {
    expect(ipRangeOffset(1n << 20n)).toBe(256n);
    expect(ipRangeOffset(256n)).toBe(16n);
    expect(ipRangeOffset(16n)).toBe(0n);
  });

  it("dynamic allocation stays in the upper band of 10.96.0.0/12 (from 10.96.1.1)", () => {
    const a = new ClusterIPAllocator("10.96.0.0/12");
    const lowest = parseIP("10.96.1.1")!.value;
    for (let i = 0; i < 20; i++) {
      const r = a.allocateNext(`ns/svc-${i}`);
      expect(r.ok && parseIP(r.value)!.value >= lowest).toBe(true);
    }
  });

  it("the same owner on a fresh allocator always gets the same address", () => {
    const x = new ClusterIPAllocator("10.96.0.0/12").allocateNext("shop/web");
    const y = new ClusterIPAllocator("10.96.0.0/12").allocateNext("shop/web");
    expect(x).toEqual(y);
  });

  it("a requested address already held is refused with the allocator's message", () => {
    const a = new ClusterIPAllocator("10.96.0.0/12");
    expect(a.allocate("10.96.0.10", "kube-system/kube-dns").ok).toBe(true);
    expect(a.allocate("10.96.0.10", "default/other")).toEqual({
      ok: false,
      error: "provided IP is already allocated",
    });
  });

  it("the network and IPv4 broadcast addresses are not in the range", () => {
    const a = new ClusterIPAllocator("10.96.0.0/24");
    const mismatch = { ok: false, error: "the provided network does not match the current range" };
    expect(a.allocate("10.96.0.0", "x/a")).toEqual(mismatch);
    expect(a.allocate("10.96.0.255", "x/a")).toEqual(mismatch);
    expect(a.allocate("10.97.0.1", "x/a")).toEqual(mismatch);
  });

  it("a full /29 says range is full after its six usable addresses", () => {
    const a = new ClusterIPAllocator("192.168.0.0/29");
    const got = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const r = a.allocateNext(`ns/s${i}`);
      if (r.ok) got.add(r.value);
    }
    expect([...got].sort()).toEqual([
      "192.168.0.1",
      "192.168.0.2",
      "192.168.0.3",
      "192.168.0.4",
      "192.168.0.5",
      "192.168.0.6",
    ]);
    expect(a.allocateNext("ns/s7")).toEqual({ ok: false, error: "range is full" });
  });

  it("release by another owner leaves the address held; release by its holder frees it", () => {
    const a = new ClusterIPAllocator("10.96.0.0/12");
    a.allocate("10.96.5.5", "ns/a");
    a.release("10.96.5.5", "ns/b");
    expect(a.has("10.96.5.5")).toBe(true);
    a.release("10.96.5.5", "ns/a");
    expect(a.has("10.96.5.5")).toBe(false);
  });

  it("an IPv6 range hands out IPv6 addresses and treats its last address as usable", () => {
    const a = new ClusterIPAllocator("fd00::/120");
    expect(a.allocate("fd00::ff", "ns/a")).toEqual({ ok: true, value: "fd00::ff" });
    expect(a.family).toBe("IPv6");
  });
});
