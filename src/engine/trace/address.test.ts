import { describe, expect, it } from "vitest";
import { icmpDestination } from "./address";

describe("icmpDestination", () => {
  it("gives a bare IPv4 address port 0, which no kube-proxy rule matches", () => {
    expect(icmpDestination("10.96.0.1")).toBe("10.96.0.1:0");
  });

  it("brackets a bare IPv6 address before its port, even one ending in digits", () => {
    expect(icmpDestination("fd00::1")).toBe("[fd00::1]:0");
    expect(icmpDestination("fd00::a")).toBe("[fd00::a]:0");
    expect(icmpDestination("[fd00::1]")).toBe("[fd00::1]:0");
  });

  it("keeps a destination that has a port", () => {
    expect(icmpDestination("10.96.0.1:80")).toBe("10.96.0.1:80");
    expect(icmpDestination("[fd00::1]:80")).toBe("[fd00::1]:80");
  });
});
