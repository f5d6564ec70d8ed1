import { describe, expect, it } from "vitest";
import { isEndpointChain, isPolicyChain } from "./chainKinds";

describe("chain kinds in either proxy mode", () => {
  it("knows endpoint chains: KUBE-SEP- and the per-service-port endpoint- chains", () => {
    expect(isEndpointChain("KUBE-SEP-SXIVWICOYRO3J4NJ")).toBe(true);
    expect(isEndpointChain("endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80")).toBe(true);
    expect(isEndpointChain("KUBE-SVC-XPGD46QRK7WJZT7O")).toBe(false);
  });

  it("knows policy chains, and that service-endpoints-check is none (its name has no /)", () => {
    expect(isPolicyChain("KUBE-SVC-XPGD46QRK7WJZT7O")).toBe(true);
    expect(isPolicyChain("KUBE-SVL-XPGD46QRK7WJZT7O")).toBe(true);
    expect(isPolicyChain("service-ULMVA6XW-ns1/svc1/tcp/p80")).toBe(true);
    expect(isPolicyChain("local-ULMVA6XW-ns1/svc1/tcp/p80")).toBe(true);
    expect(isPolicyChain("service-endpoints-check")).toBe(false);
    expect(isPolicyChain("external-ULMVA6XW-ns1/svc1/tcp/p80")).toBe(false);
  });
});
