import { describe, expect, it } from "vitest";
import { icmpDestination, parseAddress } from "./address";

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

describe("parseAddress", () => {
  it("writes an IPv6 address as the cluster does (lowercase, zeros compressed)", () => {
    expect(parseAddress("[2001:DB8:0:0::2]:80", true)).toEqual({ ip: "2001:db8::2", port: 80 });
    expect(parseAddress("2001:DB8::0:2", false)).toEqual({ ip: "2001:db8::2", port: null });
  });

  it("keeps IPv4, and IPv6 with an embedded IPv4, as given", () => {
    expect(parseAddress("10.96.0.1:80", true)).toEqual({ ip: "10.96.0.1", port: 80 });
    expect(parseAddress("[::ffff:10.96.0.1]:80", true)).toEqual({ ip: "::ffff:10.96.0.1", port: 80 });
  });
});
