// Ported from proxier_test.go: TestLoadBalancer (loadBalancerSourceRanges and the firewall chain).
import { describe, expect, it } from "vitest";
import {
  flow,
  makeTestCluster,
  makeTestEndpointSlice,
  makeTestService,
  testExternalClient,
  testExternalClientBlocked,
  testNodeIP,
} from "./testCluster";

const ep = "10.180.0.1:80";

function lbCluster(ranges: string[]) {
  return makeTestCluster(
    [
      makeTestService("ns1", "svc1", (svc) => {
        svc.spec.type = "LoadBalancer";
        svc.spec.clusterIP = "172.30.0.41";
        svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
        svc.status.loadBalancer = { ingress: [{ ip: "1.2.3.4" }, { ip: "5.6.7.8" }] };
        svc.spec.loadBalancerSourceRanges = ranges;
      }),
    ],
    [
      makeTestEndpointSlice("ns1", "svc1", 1, (eps) => {
        eps.endpoints = [{ addresses: ["10.180.0.1"] }];
        eps.ports = [{ name: "p80", port: 80, protocol: "TCP" }];
      }),
    ],
  );
}

describe("TestLoadBalancer", () => {
  // Excess whitespace in a range is ignored, as kube-proxy trims it.
  const c = lbCluster(["192.168.0.0/24", " 203.0.113.0/25"]);
  it("pod to cluster IP", () => {
    expect(flow(c, "10.0.0.2", "172.30.0.41", 80)).toEqual({ output: ep, masq: false });
  });
  it("external to nodePort", () => {
    expect(flow(c, testExternalClient, testNodeIP, 3001)).toEqual({ output: ep, masq: true });
  });
  it("nodePort bypasses LoadBalancerSourceRanges", () => {
    expect(flow(c, testExternalClientBlocked, testNodeIP, 3001)).toEqual({ output: ep, masq: true });
  });
  it("accepted external to LB1", () => {
    expect(flow(c, testExternalClient, "1.2.3.4", 80)).toEqual({ output: ep, masq: true });
  });
  it("accepted external to LB2", () => {
    expect(flow(c, testExternalClient, "5.6.7.8", 80)).toEqual({ output: ep, masq: true });
  });
  it("blocked external to LB1 is dropped", () => {
    expect(flow(c, testExternalClientBlocked, "1.2.3.4", 80)).toEqual({ output: "DROP", masq: false });
  });
  it("blocked external to LB2 is dropped", () => {
    expect(flow(c, testExternalClientBlocked, "5.6.7.8", 80)).toEqual({ output: "DROP", masq: false });
  });
  it("pod to LB1 is blocked by LoadBalancerSourceRanges", () => {
    expect(flow(c, "10.0.0.2", "1.2.3.4", 80)).toEqual({ output: "DROP", masq: false });
  });
  it("node to LB1 is allowed by LoadBalancerSourceRanges", () => {
    expect(flow(c, testNodeIP, "1.2.3.4", 80)).toEqual({ output: ep, masq: true });
  });
  it("same node to LB1, SNATted to LB1, is implicitly allowed", () => {
    expect(flow(c, "1.2.3.4", "1.2.3.4", 80)).toEqual({ output: ep, masq: true });
  });
  it("same node to LB2, SNATted to LB2, is implicitly allowed", () => {
    expect(flow(c, "5.6.7.8", "5.6.7.8", 80)).toEqual({ output: ep, masq: true });
  });

  it("a range that does not contain the node IP gives no LB-IP source rule", () => {
    const c2 = lbCluster(["203.0.113.0/25"]);
    expect(flow(c2, "1.2.3.4", "1.2.3.4", 80).output).toBe("DROP");
  });
  it("a zero CIDR allows everyone: no firewall chain", () => {
    const c3 = lbCluster(["0.0.0.0/0"]);
    expect(flow(c3, testExternalClientBlocked, "1.2.3.4", 80)).toEqual({ output: ep, masq: true });
  });
  it("an LB ingress with ipMode Proxy gets no rules", () => {
    const c4 = lbCluster([]);
    c4.services[0]!.status.loadBalancer = { ingress: [{ ip: "1.2.3.4", ipMode: "Proxy" }] };
    expect(flow(c4, testExternalClient, "1.2.3.4", 80).output).toBe("");
  });
});
