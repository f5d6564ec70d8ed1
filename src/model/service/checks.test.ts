import { describe, expect, it } from "vitest";
import { defaultClusterConfig } from "../clusterConfig";
import { createServiceAllocators, reserveClusterIP } from "./allocators";
import { dns1123LabelErrors, parseIPSloppy, validateIP, validateNonSpecialIP } from "./checks";
import { lines } from "./testing";

describe("value checks", () => {
  it("IsValidIP accepts IPv4 octets with leading zeros, as ParseIPSloppy does", () => {
    expect(validateIP("010.096.000.010", "spec.clusterIPs[0]")).toEqual([]);
    expect(parseIPSloppy("010.096.000.010")).toEqual(parseIPSloppy("10.96.0.10"));
  });

  it("link-local and link-local multicast externalIPs are refused", () => {
    expect(lines(validateNonSpecialIP("169.254.169.254", "spec.externalIPs[0]"))).toEqual([
      'spec.externalIPs[0]: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    ]);
    expect(lines(validateNonSpecialIP("224.0.0.1", "spec.externalIPs[0]"))).toEqual([
      'spec.externalIPs[0]: Invalid value: "224.0.0.1": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
    ]);
  });

  it("an IPv6 loopback externalIP is refused", () => {
    expect(validateNonSpecialIP("::1", "p")).toHaveLength(1);
  });

  it("a label of valid length and characters passes the DNS-1123 label check", () => {
    expect(dns1123LabelErrors("http-2")).toEqual([]);
  });
});

describe("reserveClusterIP", () => {
  it("the first address reserved for default/kubernetes cannot be requested again", () => {
    const a = createServiceAllocators(defaultClusterConfig());
    expect(reserveClusterIP(a, "10.96.0.1", "default/kubernetes")).toBe(true);
    expect(a.clusterIPs.get("IPv4")!.allocate("10.96.0.1", "default/other")).toEqual({
      ok: false,
      error: "provided IP is already allocated",
    });
  });
});
