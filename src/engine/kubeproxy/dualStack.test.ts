// kube-proxy runs one proxier per IP family (NewDualStackProxier): a dual-stack Service gets
// rules in both tables, each with its own ClusterIP, endpoints and local-traffic detector.
import { describe, expect, it } from "vitest";
import { explain } from "./explain";
import { iptablesSave } from "./iptablesSave";
import {
  flow,
  makeTestCluster,
  makeTestEndpointSlice,
  makeTestService,
  testNodeIP,
  testNodeName,
} from "./testCluster";

function dualStack() {
  return makeTestCluster(
    [
      makeTestService("ns1", "web", (svc) => {
        svc.spec.type = "NodePort";
        svc.spec.ipFamilyPolicy = "RequireDualStack";
        svc.spec.ipFamilies = ["IPv4", "IPv6"];
        svc.spec.clusterIP = "172.30.0.41";
        svc.spec.clusterIPs = ["172.30.0.41", "fd00:172:30::41"];
        svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
      }),
    ],
    [
      makeTestEndpointSlice("ns1", "web", 1, (eps) => {
        eps.endpoints = [{ addresses: ["10.180.0.1"] }];
        eps.ports = [{ name: "p80", port: 80, protocol: "TCP" }];
      }),
      makeTestEndpointSlice("ns1", "web", 2, (eps) => {
        eps.addressType = "IPv6";
        eps.endpoints = [{ addresses: ["fd00:10:180::1"] }];
        eps.ports = [{ name: "p80", port: 80, protocol: "TCP" }];
      }),
    ],
  );
}

describe("dual-stack Services", () => {
  const c = dualStack();
  it("the IPv4 ClusterIP reaches the IPv4 endpoint", () => {
    expect(flow(c, "10.0.0.2", "172.30.0.41", 80).output).toBe("10.180.0.1:80");
  });
  it("the IPv6 ClusterIP reaches the IPv6 endpoint, pods in fd00:10::/64 unmasqueraded", () => {
    expect(flow(c, "fd00:10::2", "fd00:172:30::41", 80)).toEqual({
      output: "[fd00:10:180::1]:80",
      masq: false,
    });
  });
  it("each table holds only its family's addresses", () => {
    expect(iptablesSave(c, testNodeName, 4)).not.toContain("fd00:172:30::41");
    expect(iptablesSave(c, testNodeName, 6)).toContain("-d fd00:172:30::41 --dport 80");
  });
  it("refuses a source and destination of different families", () => {
    const r = explain(c, { node: testNodeName, src: testNodeIP, dst: "[fd00:172:30::41]:80" });
    expect(!r.ok && r.error).toMatchObject({ code: "family-mismatch", message: /different IP families/ });
  });
  it('nodePortAddresses "primary" limits NodePorts to the node\'s primary IP', () => {
    const p = dualStack();
    p.config.kubeProxy.nodePortAddresses = ["primary"];
    expect(flow(p, "203.0.113.2", testNodeIP, 3001).output).toBe("10.180.0.1:80");
    expect(flow(p, "203.0.113.2", "192.168.1.2", 3001).output).toBe("");
  });
});
