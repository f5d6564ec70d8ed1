// Expected names come from pkg/proxy/iptables/proxier_test.go (TestOverallIPTablesRules).
import { describe, expect, it } from "vitest";
import { base32Std, clusterPolicyChain, endpointChain, externalChain, firewallChain } from "./chainNames";

describe("chain names", () => {
  it("base32-encodes like Go's StdEncoding, with padding", () => {
    expect(base32Std(Uint8Array.from([0x66, 0x6f, 0x6f]))).toBe("MZXW6===");
  });
  it("names KUBE-SVC from the service port name and protocol", () => {
    expect(clusterPolicyChain("ns1/svc1:p80", "tcp")).toBe("KUBE-SVC-XPGD46QRK7WJZT7O");
  });
  it("lower-cases the protocol before hashing", () => {
    expect(clusterPolicyChain("ns1/svc1:p80", "TCP")).toBe("KUBE-SVC-XPGD46QRK7WJZT7O");
  });
  it("shares the hash between KUBE-EXT and KUBE-FW of one service port", () => {
    expect(externalChain("ns5/svc5:p80", "tcp")).toBe("KUBE-EXT-NUKIZ6OKUXPJNT4C");
    expect(firewallChain("ns5/svc5:p80", "tcp")).toBe("KUBE-FW-NUKIZ6OKUXPJNT4C");
  });
  it("names KUBE-SEP with the endpoint string included", () => {
    expect(endpointChain("ns1/svc1:p80", "tcp", "10.180.0.1:80")).toBe("KUBE-SEP-SXIVWICOYRO3J4NJ");
  });
});
