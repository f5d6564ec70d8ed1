import { describe, expect, it } from "vitest";
import { servicePortChainNameBase, servicePortEndpointChainNameBase } from "./names";

// The names TestOverallNFTablesRules (pkg/proxy/nftables/proxier_test.go) expects.
describe("nftables chain names", () => {
  it("hashes ns/name/protocol/port as servicePortChainNameBase does", () => {
    expect(servicePortChainNameBase("ns1", "svc1", "TCP", "p80")).toBe("ULMVA6XW-ns1/svc1/tcp/p80");
    expect(servicePortChainNameBase("ns2", "svc2", "TCP", "p80")).toBe("42NFTM6N-ns2/svc2/tcp/p80");
  });

  it("hashes the endpoint as servicePortEndpointChainNameBase does", () => {
    expect(servicePortEndpointChainNameBase("ns1", "svc1", "TCP", "p80", "10.180.0.1", 80)).toBe(
      "5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80",
    );
  });

  it("turns an IPv6 endpoint's colons into dots", () => {
    expect(servicePortEndpointChainNameBase("ns1", "svc1", "TCP", "p80", "fd00::1", 80)).toMatch(
      /^[A-Z2-7]{8}-ns1\/svc1\/tcp\/p80__fd00..1\/80$/,
    );
  });
});
