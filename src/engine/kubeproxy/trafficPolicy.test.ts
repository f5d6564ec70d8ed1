// Ported from proxier_test.go: TestExternalTrafficPolicyLocal, TestExternalTrafficPolicyCluster,
// and TestInternalTrafficPolicy (iTP Local with and without local endpoints), plus the
// no-cluster-CIDR (no local-traffic detector) variant of eTP Local.
import { describe, expect, it } from "vitest";
import type { Service } from "../../model/k8s";
import {
  flow,
  makeTestCluster,
  makeTestEndpointSlice,
  makeTestService,
  testExternalClient,
  testNodeIP,
  testNodeName,
} from "./testCluster";

const ep1 = "10.180.0.1:80"; // on another node
const ep2 = "10.180.2.1:80"; // on the test node
const both = `${ep1}, ${ep2}`;

function policyCluster(edit: (svc: Service) => void, clusterCIDR = "10.0.0.0/8") {
  return makeTestCluster(
    [
      makeTestService("ns1", "svc1", (svc) => {
        svc.spec.type = "LoadBalancer";
        svc.spec.clusterIP = "172.30.0.41";
        svc.spec.externalIPs = ["192.168.99.11"];
        svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001, targetPort: 80 }];
        svc.status.loadBalancer = { ingress: [{ ip: "1.2.3.4" }] };
        edit(svc);
      }),
    ],
    [
      makeTestEndpointSlice("ns1", "svc1", 1, (eps) => {
        eps.endpoints = [
          { addresses: ["10.180.0.1"] },
          { addresses: ["10.180.2.1"], nodeName: testNodeName },
        ];
        eps.ports = [{ name: "p80", port: 80, protocol: "TCP" }];
      }),
    ],
    { kubeProxy: { clusterCIDR } },
  );
}

describe("TestExternalTrafficPolicyLocal", () => {
  const c = policyCluster((svc) => {
    svc.spec.externalTrafficPolicy = "Local";
    svc.spec.healthCheckNodePort = 30000;
  });
  it("pod to cluster IP hits both endpoints, unmasqueraded", () => {
    expect(flow(c, "10.0.0.2", "172.30.0.41", 80)).toEqual({ output: both, masq: false });
  });
  it("pod to external IP hits both endpoints, unmasqueraded", () => {
    expect(flow(c, "10.0.0.2", "192.168.99.11", 80)).toEqual({ output: both, masq: false });
  });
  it("external to external IP hits only the local endpoint, unmasqueraded", () => {
    expect(flow(c, testExternalClient, "192.168.99.11", 80)).toEqual({ output: ep2, masq: false });
  });
  it("pod to LB IP hits both endpoints, unmasqueraded", () => {
    expect(flow(c, "10.0.0.2", "1.2.3.4", 80)).toEqual({ output: both, masq: false });
  });
  it("external to LB IP hits only the local endpoint, unmasqueraded", () => {
    expect(flow(c, testExternalClient, "1.2.3.4", 80)).toEqual({ output: ep2, masq: false });
  });
  it("pod to NodePort hits both endpoints, unmasqueraded", () => {
    expect(flow(c, "10.0.0.2", testNodeIP, 3001)).toEqual({ output: both, masq: false });
  });
  it("external to NodePort hits only the local endpoint, unmasqueraded", () => {
    expect(flow(c, testExternalClient, testNodeIP, 3001)).toEqual({ output: ep2, masq: false });
  });
  it("node to NodePort is short-circuited to both endpoints and masqueraded", () => {
    expect(flow(c, testNodeIP, testNodeIP, 3001)).toEqual({ output: both, masq: true });
  });
});

describe("externalTrafficPolicy Local without local endpoints", () => {
  const c = policyCluster((svc) => (svc.spec.externalTrafficPolicy = "Local"));
  c.endpointSlices[0]!.endpoints = [{ addresses: ["10.180.0.1"], nodeName: "node2" }];
  it("external to NodePort is dropped", () => {
    expect(flow(c, testExternalClient, testNodeIP, 3001)).toEqual({ output: "DROP", masq: false });
  });
  it("external to LB IP is dropped", () => {
    expect(flow(c, testExternalClient, "1.2.3.4", 80).output).toBe("DROP");
  });
  it("pod to LB IP is still short-circuited to the remote endpoint", () => {
    expect(flow(c, "10.0.0.2", "1.2.3.4", 80)).toEqual({ output: ep1, masq: false });
  });
  it("the ClusterIP is unaffected", () => {
    expect(flow(c, "10.0.0.2", "172.30.0.41", 80)).toEqual({ output: ep1, masq: false });
  });
});

describe("externalTrafficPolicy Local with no local-traffic detector (no cluster CIDR)", () => {
  const c = policyCluster((svc) => (svc.spec.externalTrafficPolicy = "Local"), "");
  it("a pod is treated as external: only the local endpoint, unmasqueraded", () => {
    expect(flow(c, "10.0.0.2", "1.2.3.4", 80)).toEqual({ output: ep2, masq: false });
  });
  it("the node itself is still short-circuited and masqueraded", () => {
    expect(flow(c, testNodeIP, "1.2.3.4", 80)).toEqual({ output: both, masq: true });
  });
  it("an off-cluster client to the ClusterIP is not masqueraded", () => {
    expect(flow(c, testExternalClient, "172.30.0.41", 80)).toEqual({ output: both, masq: false });
  });
});

describe("TestExternalTrafficPolicyCluster", () => {
  const c = policyCluster((svc) => (svc.spec.externalTrafficPolicy = "Cluster"));
  it("pod to cluster IP hits both endpoints, unmasqueraded", () => {
    expect(flow(c, "10.0.0.2", "172.30.0.41", 80)).toEqual({ output: both, masq: false });
  });
  it("pod to external IP hits both endpoints, masqueraded", () => {
    expect(flow(c, "10.0.0.2", "192.168.99.11", 80)).toEqual({ output: both, masq: true });
  });
  it("external to external IP hits both endpoints, masqueraded", () => {
    expect(flow(c, testExternalClient, "192.168.99.11", 80)).toEqual({ output: both, masq: true });
  });
  it("pod to LB IP hits both endpoints, masqueraded", () => {
    expect(flow(c, "10.0.0.2", "1.2.3.4", 80)).toEqual({ output: both, masq: true });
  });
  it("external to LB IP hits both endpoints, masqueraded", () => {
    expect(flow(c, testExternalClient, "1.2.3.4", 80)).toEqual({ output: both, masq: true });
  });
  it("pod to NodePort hits both endpoints, masqueraded", () => {
    expect(flow(c, "10.0.0.2", testNodeIP, 3001)).toEqual({ output: both, masq: true });
  });
  it("external to NodePort hits both endpoints, masqueraded", () => {
    expect(flow(c, testExternalClient, testNodeIP, 3001)).toEqual({ output: both, masq: true });
  });
});

describe("TestInternalTrafficPolicy", () => {
  function itpCluster(endpoints: { ip: string; node?: string }[]) {
    return makeTestCluster(
      [
        makeTestService("ns1", "svc1", (svc) => {
          svc.spec.clusterIP = "172.30.1.1";
          svc.spec.internalTrafficPolicy = "Local";
          svc.spec.ports = [{ name: "", port: 80, protocol: "TCP" }];
        }),
      ],
      [
        makeTestEndpointSlice("ns1", "svc1", 1, (eps) => {
          eps.endpoints = endpoints.map((e) =>
            e.node ? { addresses: [e.ip], nodeName: e.node } : { addresses: [e.ip] },
          );
          eps.ports = [{ name: "", port: 80, protocol: "TCP" }];
        }),
      ],
    );
  }
  it("iTP Local with local endpoints uses only them", () => {
    const c = itpCluster([
      { ip: "10.0.1.1", node: testNodeName },
      { ip: "10.0.1.2", node: testNodeName },
      { ip: "10.0.1.3", node: "host1" },
    ]);
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80)).toEqual({
      output: "10.0.1.1:80, 10.0.1.2:80",
      masq: false,
    });
  });
  it("iTP Local without local endpoints drops ClusterIP traffic", () => {
    const c = itpCluster([
      { ip: "10.0.1.1", node: "host0" },
      { ip: "10.0.1.2", node: "host1" },
    ]);
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80)).toEqual({ output: "DROP", masq: false });
  });
  it("iTP Local with no endpoints at all rejects", () => {
    const c = itpCluster([]);
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("REJECT");
  });
  it("iTP Local does not affect NodePort traffic", () => {
    const c = itpCluster([{ ip: "10.0.1.3", node: "host1" }]);
    c.services[0]!.spec.type = "NodePort";
    c.services[0]!.spec.externalTrafficPolicy = "Cluster";
    c.services[0]!.spec.ports![0]!.nodePort = 30080;
    expect(flow(c, testExternalClient, testNodeIP, 30080)).toEqual({ output: "10.0.1.3:80", masq: true });
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("DROP");
  });
});
