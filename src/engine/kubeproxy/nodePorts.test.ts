// Ported from proxier_test.go: TestNodePorts (nodePortAddresses x localhostNodePorts, IPv4 and
// IPv6) and TestHealthCheckNodePort.
import { describe, expect, it } from "vitest";
import { iptablesSave } from "./iptablesSave";
import {
  flow,
  makeTestCluster,
  makeTestEndpointSlice,
  makeTestService,
  testExternalClient,
  testNodeIP,
  testNodeIPAlt,
  testNodeIPv6,
  testNodeIPv6Alt,
  testNodeName,
} from "./testCluster";

interface Case {
  name: string;
  family: 4 | 6;
  localhostNodePorts: boolean;
  nodePortAddresses: string[];
  allowAltNodeIP: boolean;
  expectFirewall: boolean;
}

const cases: Case[] = [
  {
    name: "ipv4, localhost-nodeports enabled",
    family: 4,
    localhostNodePorts: true,
    nodePortAddresses: [],
    allowAltNodeIP: true,
    expectFirewall: true,
  },
  {
    name: "ipv4, localhost-nodeports disabled",
    family: 4,
    localhostNodePorts: false,
    nodePortAddresses: [],
    allowAltNodeIP: true,
    expectFirewall: false,
  },
  {
    name: "ipv4, localhost-nodeports disabled, localhost in nodeport-addresses",
    family: 4,
    localhostNodePorts: false,
    nodePortAddresses: ["192.168.0.0/24", "127.0.0.1/32"],
    allowAltNodeIP: false,
    expectFirewall: false,
  },
  {
    name: "ipv4, multiple nodeport-addresses",
    family: 4,
    localhostNodePorts: false,
    nodePortAddresses: ["192.168.0.0/24", "192.168.1.0/24", "2001:db8::/64"],
    allowAltNodeIP: true,
    expectFirewall: false,
  },
  {
    name: "ipv6, localhost-nodeports enabled",
    family: 6,
    localhostNodePorts: true,
    nodePortAddresses: [],
    allowAltNodeIP: true,
    expectFirewall: false,
  },
  {
    name: "ipv6, localhost-nodeports disabled",
    family: 6,
    localhostNodePorts: false,
    nodePortAddresses: [],
    allowAltNodeIP: true,
    expectFirewall: false,
  },
  {
    name: "ipv6, multiple nodeport-addresses",
    family: 6,
    localhostNodePorts: false,
    nodePortAddresses: ["192.168.0.0/24", "192.168.1.0/24", "2001:db8::/64"],
    allowAltNodeIP: false,
    expectFirewall: false,
  },
];

describe.each(cases)("TestNodePorts: $name", (tc) => {
  const v4 = tc.family === 4;
  const svcIP = v4 ? "172.30.0.41" : "fd00:172:30::41";
  const ep1 = v4 ? "10.180.0.1" : "fd00:10:180::1";
  const ep2 = v4 ? "10.180.2.1" : "fd00:10:180::2:1";
  const podIP = v4 ? "10.0.0.2" : "fd00:10::2";
  const external = v4 ? testExternalClient : "2600:5200::1";
  const nodeIP = v4 ? testNodeIP : testNodeIPv6;
  const altNodeIP = v4 ? testNodeIPAlt : testNodeIPv6Alt;
  const localhost = v4 ? "127.0.0.1" : "::1";
  const output = v4 ? `${ep1}:80, ${ep2}:80` : `[${ep1}]:80, [${ep2}]:80`;
  const c = makeTestCluster(
    [
      makeTestService("ns1", "svc1", (svc) => {
        svc.spec.type = "NodePort";
        svc.spec.clusterIP = svcIP;
        svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
      }),
    ],
    [
      makeTestEndpointSlice("ns1", "svc1", 1, (eps) => {
        eps.addressType = v4 ? "IPv4" : "IPv6";
        eps.endpoints = [{ addresses: [ep1] }, { addresses: [ep2], nodeName: testNodeName }];
        eps.ports = [{ name: "p80", port: 80, protocol: "TCP" }];
      }),
    ],
    { kubeProxy: { localhostNodePorts: tc.localhostNodePorts, nodePortAddresses: tc.nodePortAddresses } },
  );

  it("pod to cluster IP reaches both endpoints unmasqueraded", () => {
    expect(flow(c, podIP, svcIP, 80)).toEqual({ output, masq: false });
  });
  it("external to nodePort is masqueraded", () => {
    expect(flow(c, external, nodeIP, 3001)).toEqual({ output, masq: true });
  });
  it("node to nodePort is masqueraded", () => {
    expect(flow(c, nodeIP, nodeIP, 3001)).toEqual({ output, masq: true });
  });
  if (v4 && tc.localhostNodePorts) {
    it("localhost to nodePort gets masqueraded", () => {
      expect(flow(c, localhost, localhost, 3001)).toEqual({ output, masq: true });
    });
  } else {
    it("localhost to nodePort is ignored", () => {
      expect(flow(c, localhost, localhost, 3001).output).toBe("");
    });
  }
  if (tc.allowAltNodeIP) {
    it("external to nodePort on the secondary IP is accepted", () => {
      expect(flow(c, external, altNodeIP, 3001)).toEqual({ output, masq: true });
    });
  } else {
    it("the secondary node IP ignores NodePorts", () => {
      expect(flow(c, external, altNodeIP, 3001).output).toBe("");
    });
  }
  it(
    tc.expectFirewall ? "fills KUBE-FIREWALL with the localnet rule" : "writes no KUBE-FIREWALL rule",
    () => {
      const hasRule = iptablesSave(c, testNodeName, tc.family).includes("-A KUBE-FIREWALL ");
      expect(hasRule).toBe(tc.expectFirewall);
    },
  );
});

describe("TestHealthCheckNodePort", () => {
  const svc = makeTestService("ns1", "svc1", (s) => {
    s.spec.type = "LoadBalancer";
    s.spec.clusterIP = "172.30.0.42";
    s.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
    s.spec.healthCheckNodePort = 30000;
    s.spec.externalTrafficPolicy = "Local";
  });
  it("the firewall accepts the HealthCheckNodePort", () => {
    const c = makeTestCluster([svc], [], { kubeProxy: { nodePortAddresses: ["127.0.0.0/8"] } });
    expect(flow(c, "1.2.3.4", testNodeIP, 30000)).toEqual({ output: "ACCEPT", masq: false });
  });
  it("without the Service the HealthCheckNodePort has no rule", () => {
    const c = makeTestCluster([], [], { kubeProxy: { nodePortAddresses: ["127.0.0.0/8"] } });
    expect(flow(c, "1.2.3.4", testNodeIP, 30000).output).toBe("");
  });
  it("eTP Cluster needs no health check node port", () => {
    const cluster = makeTestService("ns1", "svc1", (s) => {
      s.spec.type = "LoadBalancer";
      s.spec.clusterIP = "172.30.0.42";
      s.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
      s.spec.healthCheckNodePort = 30000;
    });
    expect(flow(makeTestCluster([cluster], []), "1.2.3.4", testNodeIP, 30000).output).toBe("");
  });
});
