// Ported from proxier_test.go: TestClusterIPGeneral and TestNoEndpointsReject.
import { describe, expect, it } from "vitest";
import { clusterIPGeneralEndpointSlices, clusterIPGeneralServices } from "./proxierTestFixtures";
import { flow, makeTestCluster, makeTestService, testExternalClient, testNodeIP } from "./testCluster";

const generalCluster = () => makeTestCluster(clusterIPGeneralServices(), clusterIPGeneralEndpointSlices());

describe("TestClusterIPGeneral", () => {
  const c = generalCluster();
  it("simple clusterIP from a pod is not masqueraded", () => {
    expect(flow(c, "10.180.0.2", "172.30.0.41", 80)).toEqual({ output: "10.180.0.1:80", masq: false });
  });
  it("hairpin to cluster IP is masqueraded", () => {
    expect(flow(c, "10.180.0.1", "172.30.0.41", 80)).toEqual({ output: "10.180.0.1:80", masq: true });
  });
  it("clusterIP with multiple endpoints lists both", () => {
    expect(flow(c, "10.180.0.2", "172.30.0.42", 80)).toEqual({
      output: "10.180.0.1:80, 10.180.2.1:80",
      masq: false,
    });
  });
  it("clusterIP with TargetPort DNATs to the endpoint port", () => {
    expect(flow(c, "10.180.0.2", "172.30.0.42", 443).output).toBe("10.180.0.1:8443, 10.180.2.1:8443");
  });
  it("TCP, UDP and SCTP on the same port are separate (TCP)", () => {
    expect(flow(c, "10.180.0.2", "172.30.0.42", 53, "TCP").output).toBe("10.180.0.1:5353, 10.180.2.1:5353");
  });
  it("TCP, UDP and SCTP on the same port are separate (UDP)", () => {
    expect(flow(c, "10.180.0.2", "172.30.0.42", 53, "UDP").output).toBe("10.180.0.1:53, 10.180.2.1:53");
  });
  it("TCP, UDP and SCTP on the same port are separate (SCTP)", () => {
    expect(flow(c, "10.180.0.2", "172.30.0.42", 53, "SCTP").output).toBe("10.180.0.1:53, 10.180.2.1:53");
  });
  it("a TCP-only port does not match UDP traffic", () => {
    expect(flow(c, "10.180.0.2", "172.30.0.42", 80, "UDP").output).toBe("");
  });
  it("svc1 does not accept svc2's ports", () => {
    expect(flow(c, "10.180.0.2", "172.30.0.41", 443).output).toBe("");
  });
  it("a node (outside the cluster CIDR) reaching a ClusterIP is masqueraded", () => {
    expect(flow(c, testNodeIP, "172.30.0.41", 80)).toEqual({ output: "10.180.0.1:80", masq: true });
  });
  it("ICMP to a ClusterIP matches no rule", () => {
    expect(flow(c, "10.180.0.2", "172.30.0.41", 0, "ICMP")).toEqual({ output: "", masq: false });
  });
});

describe("TestNoEndpointsReject", () => {
  const c = makeTestCluster(
    [
      makeTestService("ns1", "svc1", (svc) => {
        svc.spec.type = "LoadBalancer";
        svc.spec.clusterIP = "172.30.0.41";
        svc.spec.externalIPs = ["192.168.99.11"];
        svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
        svc.status.loadBalancer = { ingress: [{ ip: "1.2.3.4" }] };
      }),
    ],
    [],
  );
  it("pod to cluster IP with no endpoints is rejected", () => {
    expect(flow(c, "10.0.0.2", "172.30.0.41", 80).output).toBe("REJECT");
  });
  it("external to external IP with no endpoints is rejected", () => {
    expect(flow(c, testExternalClient, "192.168.99.11", 80).output).toBe("REJECT");
  });
  it("pod to NodePort with no endpoints is rejected", () => {
    expect(flow(c, "10.0.0.2", testNodeIP, 3001).output).toBe("REJECT");
  });
  it("external to NodePort with no endpoints is rejected", () => {
    expect(flow(c, testExternalClient, testNodeIP, 3001).output).toBe("REJECT");
  });
  it("pod to LoadBalancer IP with no endpoints is rejected", () => {
    expect(flow(c, "10.0.0.2", "1.2.3.4", 80).output).toBe("REJECT");
  });
  it("external to LoadBalancer IP with no endpoints is rejected", () => {
    expect(flow(c, testExternalClient, "1.2.3.4", 80).output).toBe("REJECT");
  });
});
