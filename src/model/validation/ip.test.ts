// Cases from apimachinery's pkg/util/validation/ip_test.go (legacy, non-strict parsing).
import { describe, expect, it } from "vitest";
import type { FieldError } from "../diagnostics";
import {
  parseIPSloppy,
  validateCIDR,
  validateIP,
  validateIPv4Address,
  validateIPv6Address,
  validateNonSpecialIP,
} from "./ip";

const lines = (errs: readonly FieldError[]) => errs.map((e) => `${e.path}: ${e.message}`);

describe("validateIP (legacy field)", () => {
  it.each([
    "1.2.3.4",
    "0.0.0.0",
    "255.255.255.255",
    "::1",
    "2001:db8::ffff",
    "::ffff:1.2.3.4",
    "001.002.003.004",
  ])("accepts %j", (v) => expect(validateIP("f", v)).toEqual([]));
  it.each(["", "1.2.3", "1.2.3.4.5", "256.0.0.1", "2001:db8::1::1", "1.2.3.4/24", "fe80::1%eth0", "[::1]"])(
    "rejects %j",
    (v) =>
      expect(validateIP("f", v)).toEqual([
        {
          path: "f",
          message: `Invalid value: ${JSON.stringify(v)}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
        },
      ]),
  );
});

describe("validateCIDR (legacy field)", () => {
  it.each(["10.0.0.0/8", "10.0.0.1/8", "2001:db8::/64", "10.0.0.0/08"])("accepts %j", (v) =>
    expect(validateCIDR("f", v)).toEqual([]),
  );
  it.each(["10.0.0.0", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/a"])("rejects %j", (v) =>
    expect(validateCIDR("f", v)[0]?.message).toBe(
      `Invalid value: ${JSON.stringify(v)}: must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
    ),
  );
});

describe("family checks", () => {
  it("treats an IPv4-mapped IPv6 address as IPv4", () => {
    expect(validateIPv4Address("f", "::ffff:1.2.3.4")).toEqual([]);
  });
  it("says an IPv4 address is not a valid IPv6 address", () => {
    expect(validateIPv6Address("f", "1.2.3.4")).toEqual([
      { path: "f", message: 'Invalid value: "1.2.3.4": must be a valid IPv6 address' },
    ]);
  });
});

describe("value checks (Service fields)", () => {
  it("IsValidIP accepts IPv4 octets with leading zeros, as ParseIPSloppy does", () => {
    expect(validateIP("spec.clusterIPs[0]", "010.096.000.010")).toEqual([]);
    expect(parseIPSloppy("010.096.000.010")).toEqual(parseIPSloppy("10.96.0.10"));
  });

  it("ParseIPSloppy strips zeros only from IPv4 octets: an IPv6 group keeps netip's four-digit limit", () => {
    expect(parseIPSloppy("::ffff:010.001.002.003")).toEqual(parseIPSloppy("::ffff:10.1.2.3"));
    expect(parseIPSloppy("0001::1")).toEqual(parseIPSloppy("1::1"));
    expect(parseIPSloppy("00001::1")).toBeNull();
    expect(validateIP("f", "2001:0db8::000001")).toHaveLength(1);
  });

  it("link-local and link-local multicast externalIPs are refused", () => {
    expect(lines(validateNonSpecialIP("spec.externalIPs[0]", "169.254.169.254"))).toEqual([
      'spec.externalIPs[0]: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    ]);
    expect(lines(validateNonSpecialIP("spec.externalIPs[0]", "224.0.0.1"))).toEqual([
      'spec.externalIPs[0]: Invalid value: "224.0.0.1": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
    ]);
  });

  it("an IPv6 loopback externalIP is refused", () => {
    expect(validateNonSpecialIP("p", "::1")).toHaveLength(1);
  });
});
