import { describe, expect, it } from "vitest";
import {
  formatIP,
  inCIDR,
  nthIP,
  parseCIDR,
  parseCIDRSloppy,
  parseIP,
  parseIPSloppy,
  subnet,
  formatCIDR,
} from "./ip";

describe("ip", () => {
  it("parses IPv4 and rejects leading zeros and out-of-range octets as netip does", () => {
    expect(parseIP("10.96.0.1")).not.toBeNull();
    expect(parseIP("010.96.0.1")).toBeNull();
    expect(parseIP("10.96.0.256")).toBeNull();
    expect(parseIP("10.96.0")).toBeNull();
  });
  it("round-trips IPv6 in RFC 5952 form", () => {
    expect(formatIP(parseIP("fd00:0:0:0:0:0:0:1")!)).toBe("fd00::1");
    expect(formatIP(parseIP("2001:db8::ffff:0:1")!)).toBe("2001:db8::ffff:0:1");
    expect(parseIP("1::2::3")).toBeNull();
  });
  it("tests CIDR membership", () => {
    expect(inCIDR("10.96.0.0/12", "10.111.255.255")).toBe(true);
    expect(inCIDR("10.96.0.0/12", "10.112.0.0")).toBe(false);
  });
  it("indexes addresses and subnets inside a CIDR", () => {
    const c = parseCIDR("10.244.0.0/16")!;
    expect(formatCIDR(subnet(c, 24, 2))).toBe("10.244.2.0/24");
    expect(nthIP(parseCIDR("10.96.0.0/12")!, 10)).toBe("10.96.0.10");
  });
});

describe("sloppy parsing (netutils.ParseIPSloppy / ParseCIDRSloppy)", () => {
  it("reads leading zeros as decimal", () => {
    expect(parseIP("172.30.0.041")).toBeNull();
    expect(formatIP(parseIPSloppy("172.30.0.041")!)).toBe("172.30.0.41");
    expect(formatIP(parseIPSloppy("010.180.00.001")!)).toBe("10.180.0.1");
    expect(parseIPSloppy("1.2.3.256")).toBeNull();
    expect(formatCIDR(parseCIDRSloppy("203.0.113.000/025")!)).toBe("203.0.113.0/25");
    expect(parseCIDRSloppy("10.0.0.0/33")).toBeNull();
    expect(formatIP(parseIPSloppy("fd00::1")!)).toBe("fd00::1");
  });
});
