// Packet-flow tests ported from pkg/proxy/iptables/proxier_test.go (its runPacketFlowTests cases)
// that clusterIP/loadBalancer/nodePorts/trafficPolicy.test.ts lack, whole or in part:
// TestLoadBalancer, TestExternalTrafficPolicyLocal, TestExternalTrafficPolicyCluster,
// TestInternalTrafficPolicy, TestTerminatingEndpointsTrafficPolicyLocal/Cluster,
// TestInternalExternalMasquerade, TestLoadBalancerIngressRouteTypeProxy and TestBadIPs; and from
// earlier versions of the file TestNodePort, TestNonLocalExternalIPs, TestOnlyLocalExternalIPs,
// TestOnlyLocalNodePorts and TestOnlyLocalNodePortsNoClusterCIDR. Services, endpoints, node and
// cluster CIDR (10.0.0.0/8, NewFakeProxier's pod CIDR) are the Go tests'; describe = Go function
// (and case), it = flow name.
import { describe, expect, it } from "vitest";
import type { Cluster } from "../../model/cluster";
import type { EndpointSlice, Service, SliceEndpoint } from "../../model/k8s";
import { iptablesSave } from "./iptablesSave";
import {
  flow,
  makeTestCluster,
  makeTestEndpointSlice,
  makeTestService,
  once,
  type PacketFlowTest,
  runPacketFlowTests,
  testExternalClient,
  testExternalClientBlocked,
  testNodeIP,
  testNodeName,
} from "./testCluster";

/** A one-port (TCP) slice for ns/name. */
function slice(ns: string, name: string, portName: string, endpoints: SliceEndpoint[], port = 80) {
  return makeTestEndpointSlice(ns, name, 1, (eps) => {
    eps.endpoints = endpoints;
    eps.ports = [{ name: portName, port, protocol: "TCP" }];
  });
}

describe("TestLoadBalancer", () => {
  // Same Service as loadBalancer.test.ts; the cases it does not have.
  const c = once(() =>
    makeTestCluster(
      [
        makeTestService("ns1", "svc1", (svc) => {
          svc.spec.type = "LoadBalancer";
          svc.spec.clusterIP = "172.30.0.41";
          svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
          svc.status.loadBalancer = { ingress: [{ ip: "1.2.3.4" }, { ip: "5.6.7.8" }] };
          svc.spec.loadBalancerSourceRanges = ["192.168.0.0/24", " 203.0.113.0/25"];
        }),
      ],
      [slice("ns1", "svc1", "p80", [{ addresses: ["10.180.0.1"] }])],
    ),
  );
  const ep = "10.180.0.1:80";
  runPacketFlowTests(c, [
    { name: "pod to cluster IP", sourceIP: "10.0.0.2", destIP: "172.30.0.41", destPort: 80, output: ep },
    {
      name: "external to nodePort",
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3001,
      output: ep,
      masq: true,
    },
    {
      name: "nodePort bypasses LoadBalancerSourceRanges",
      sourceIP: testExternalClientBlocked,
      destIP: testNodeIP,
      destPort: 3001,
      output: ep,
      masq: true,
    },
    {
      name: "accepted external to LB1",
      sourceIP: testExternalClient,
      destIP: "1.2.3.4",
      destPort: 80,
      output: ep,
      masq: true,
    },
    {
      name: "accepted external to LB2",
      sourceIP: testExternalClient,
      destIP: "5.6.7.8",
      destPort: 80,
      output: ep,
      masq: true,
    },
    {
      name: "blocked external to LB1",
      sourceIP: testExternalClientBlocked,
      destIP: "1.2.3.4",
      destPort: 80,
      output: "DROP",
    },
    {
      name: "blocked external to LB2",
      sourceIP: testExternalClientBlocked,
      destIP: "5.6.7.8",
      destPort: 80,
      output: "DROP",
    },
    {
      name: "pod to LB1 (blocked by LoadBalancerSourceRanges)",
      sourceIP: "10.0.0.2",
      destIP: "1.2.3.4",
      destPort: 80,
      output: "DROP",
    },
    {
      name: "pod to LB2 (blocked by LoadBalancerSourceRanges)",
      sourceIP: "10.0.0.2",
      destIP: "5.6.7.8",
      destPort: 80,
      output: "DROP",
    },
    {
      name: "node to LB1 (allowed by LoadBalancerSourceRanges)",
      sourceIP: testNodeIP,
      destIP: "1.2.3.4",
      destPort: 80,
      output: ep,
      masq: true,
    },
    {
      name: "node to LB2 (allowed by LoadBalancerSourceRanges)",
      sourceIP: testNodeIP,
      destIP: "5.6.7.8",
      destPort: 80,
      output: ep,
      masq: true,
    },
    {
      name: "same node to LB1, SNATted to LB1 (implicitly allowed)",
      sourceIP: "1.2.3.4",
      destIP: "1.2.3.4",
      destPort: 80,
      output: ep,
      masq: true,
    },
    {
      name: "same node to LB2, SNATted to LB2 (implicitly allowed)",
      sourceIP: "5.6.7.8",
      destIP: "5.6.7.8",
      destPort: 80,
      output: ep,
      masq: true,
    },
  ]);
});

/** The Service and endpoints of TestExternalTrafficPolicyLocal/Cluster. */
function externalPolicyCluster(policy: "Local" | "Cluster") {
  return makeTestCluster(
    [
      makeTestService("ns1", "svc1", (svc) => {
        svc.spec.type = "LoadBalancer";
        svc.spec.externalTrafficPolicy = policy;
        svc.spec.clusterIP = "172.30.0.41";
        svc.spec.externalIPs = ["192.168.99.11"];
        svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001, targetPort: 80 }];
        if (policy === "Local") svc.spec.healthCheckNodePort = 30000;
        svc.status.loadBalancer = { ingress: [{ ip: "1.2.3.4" }] };
      }),
    ],
    [
      slice("ns1", "svc1", "p80", [
        { addresses: ["10.180.0.1"] },
        { addresses: ["10.180.2.1"], nodeName: testNodeName },
      ]),
    ],
  );
}

describe("TestExternalTrafficPolicyLocal", () => {
  const both = "10.180.0.1:80, 10.180.2.1:80";
  const local = "10.180.2.1:80";
  runPacketFlowTests(
    once(() => externalPolicyCluster("Local")),
    [
      {
        name: "pod to cluster IP hits both endpoints, unmasqueraded",
        sourceIP: "10.0.0.2",
        destIP: "172.30.0.41",
        destPort: 80,
        output: both,
      },
      {
        name: "pod to external IP hits both endpoints, unmasqueraded",
        sourceIP: "10.0.0.2",
        destIP: "192.168.99.11",
        destPort: 80,
        output: both,
      },
      {
        name: "external to external IP hits only local endpoint, unmasqueraded",
        sourceIP: testExternalClient,
        destIP: "192.168.99.11",
        destPort: 80,
        output: local,
      },
      {
        name: "pod to LB IP hits only both endpoints, unmasqueraded",
        sourceIP: "10.0.0.2",
        destIP: "1.2.3.4",
        destPort: 80,
        output: both,
      },
      {
        name: "external to LB IP hits only local endpoint, unmasqueraded",
        sourceIP: testExternalClient,
        destIP: "1.2.3.4",
        destPort: 80,
        output: local,
      },
      {
        name: "pod to NodePort hits both endpoints, unmasqueraded",
        sourceIP: "10.0.0.2",
        destIP: testNodeIP,
        destPort: 3001,
        output: both,
      },
      {
        name: "external to NodePort hits only local endpoint, unmasqueraded",
        sourceIP: testExternalClient,
        destIP: testNodeIP,
        destPort: 3001,
        output: local,
      },
    ],
  );
});

describe("TestExternalTrafficPolicyCluster", () => {
  const both = "10.180.0.1:80, 10.180.2.1:80";
  runPacketFlowTests(
    once(() => externalPolicyCluster("Cluster")),
    [
      {
        name: "pod to cluster IP hits both endpoints, unmasqueraded",
        sourceIP: "10.0.0.2",
        destIP: "172.30.0.41",
        destPort: 80,
        output: both,
      },
      {
        name: "pod to external IP hits both endpoints, masqueraded",
        sourceIP: "10.0.0.2",
        destIP: "192.168.99.11",
        destPort: 80,
        output: both,
        masq: true,
      },
      {
        name: "external to external IP hits both endpoints, masqueraded",
        sourceIP: testExternalClient,
        destIP: "192.168.99.11",
        destPort: 80,
        output: both,
        masq: true,
      },
      {
        name: "pod to LB IP hits both endpoints, masqueraded",
        sourceIP: "10.0.0.2",
        destIP: "1.2.3.4",
        destPort: 80,
        output: both,
        masq: true,
      },
      {
        name: "external to LB IP hits both endpoints, masqueraded",
        sourceIP: testExternalClient,
        destIP: "1.2.3.4",
        destPort: 80,
        output: both,
        masq: true,
      },
      {
        name: "pod to NodePort hits both endpoints, masqueraded",
        sourceIP: "10.0.0.2",
        destIP: testNodeIP,
        destPort: 3001,
        output: both,
        masq: true,
      },
      {
        name: "external to NodePort hits both endpoints, masqueraded",
        sourceIP: testExternalClient,
        destIP: testNodeIP,
        destPort: 3001,
        output: both,
        masq: true,
      },
    ],
  );
});

describe("TestInternalTrafficPolicy", () => {
  interface Case {
    name: string;
    internalTrafficPolicy: "Cluster" | "Local";
    endpoints: [string, string][];
    flowTests: PacketFlowTest[];
  }
  const cases: Case[] = [
    {
      name: "internalTrafficPolicy is cluster",
      internalTrafficPolicy: "Cluster",
      endpoints: [
        ["10.0.1.1", testNodeName],
        ["10.0.1.2", "node1"],
        ["10.0.1.3", "node2"],
      ],
      flowTests: [
        {
          name: "pod to ClusterIP hits all endpoints",
          sourceIP: "10.0.0.2",
          destIP: "172.30.1.1",
          destPort: 80,
          output: "10.0.1.1:80, 10.0.1.2:80, 10.0.1.3:80",
        },
      ],
    },
    {
      name: "internalTrafficPolicy is local and there is one local endpoint",
      internalTrafficPolicy: "Local",
      endpoints: [
        ["10.0.1.1", testNodeName],
        ["10.0.1.2", "node1"],
        ["10.0.1.3", "node2"],
      ],
      flowTests: [
        {
          name: "pod to ClusterIP hits only local endpoint",
          sourceIP: "10.0.0.2",
          destIP: "172.30.1.1",
          destPort: 80,
          output: "10.0.1.1:80",
        },
      ],
    },
    {
      name: "internalTrafficPolicy is local and there are multiple local endpoints",
      internalTrafficPolicy: "Local",
      endpoints: [
        ["10.0.1.1", testNodeName],
        ["10.0.1.2", testNodeName],
        ["10.0.1.3", "node2"],
      ],
      flowTests: [
        {
          name: "pod to ClusterIP hits all local endpoints",
          sourceIP: "10.0.0.2",
          destIP: "172.30.1.1",
          destPort: 80,
          output: "10.0.1.1:80, 10.0.1.2:80",
        },
      ],
    },
    {
      name: "internalTrafficPolicy is local and there are no local endpoints",
      internalTrafficPolicy: "Local",
      endpoints: [
        ["10.0.1.1", "node0"],
        ["10.0.1.2", "node1"],
        ["10.0.1.3", "node2"],
      ],
      flowTests: [
        { name: "no endpoints", sourceIP: "10.0.0.2", destIP: "172.30.1.1", destPort: 80, output: "DROP" },
      ],
    },
  ];
  describe.each(cases)("$name", (tc) => {
    const svc = makeTestService("ns1", "svc1", (s) => {
      s.spec.clusterIP = "172.30.1.1";
      s.spec.selector = { foo: "bar" };
      s.spec.ports = [{ name: "", port: 80, protocol: "TCP" }];
      s.spec.internalTrafficPolicy = tc.internalTrafficPolicy;
    });
    const eps = slice(
      "ns1",
      "svc1",
      "",
      tc.endpoints.map(([ip, node]) => ({ addresses: [ip], conditions: { ready: true }, nodeName: node })),
    );
    runPacketFlowTests(
      once(() => makeTestCluster([svc], [eps])),
      tc.flowTests,
    );
    describe("after the EndpointSlice is deleted", () => {
      runPacketFlowTests(
        once(() => makeTestCluster([svc], [])),
        [
          {
            name: "endpoints deleted",
            sourceIP: "10.0.0.2",
            destIP: "172.30.1.1",
            destPort: 80,
            output: "REJECT",
          },
        ],
      );
    });
  });
});

/** The LoadBalancer Service of TestTerminatingEndpointsTrafficPolicyLocal/Cluster. */
function terminatingService(policy: "Local" | "Cluster"): Service {
  const svc = makeTestService("ns1", "svc1", (s) => {
    s.spec.clusterIP = "172.30.1.1";
    s.spec.type = "LoadBalancer";
    s.spec.externalTrafficPolicy = policy;
    s.spec.ports = [{ name: "", targetPort: 80, port: 80, protocol: "TCP" }];
    s.spec.healthCheckNodePort = 30000;
    s.status.loadBalancer = { ingress: [{ ip: "1.2.3.4" }] };
  });
  return svc;
}

const cond = (
  ip: string,
  ready: boolean,
  serving: boolean,
  terminating: boolean,
  nodeName: string,
): SliceEndpoint => ({ addresses: [ip], conditions: { ready, serving, terminating }, nodeName });

interface TerminatingCase {
  name: string;
  endpoints: SliceEndpoint[];
  flowTests: PacketFlowTest[];
}

function runTerminatingCases(policy: "Local" | "Cluster", cases: TerminatingCase[], affinity = false) {
  const svc = terminatingService(policy);
  if (affinity) {
    // Earlier versions of the test gave the Service ClientIP affinity (default timeout); the
    // "-m recent --rcheck" rules never match a new connection, so the flows are the same.
    svc.spec.sessionAffinity = "ClientIP";
    svc.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  describe.each(cases)("$name", (tc) => {
    runPacketFlowTests(
      once(() => makeTestCluster([svc], [slice("ns1", "svc1", "", tc.endpoints)])),
      tc.flowTests,
    );
    describe("after the EndpointSlice is deleted", () => {
      runPacketFlowTests(
        once(() => makeTestCluster([svc], [])),
        [
          {
            name: "pod to clusterIP after endpoints deleted",
            sourceIP: "10.0.0.2",
            destIP: "172.30.1.1",
            destPort: 80,
            output: "REJECT",
          },
          {
            name: "external to LB after endpoints deleted",
            sourceIP: testExternalClient,
            destIP: "1.2.3.4",
            destPort: 80,
            output: "REJECT",
          },
        ],
      );
    });
  });
}

const terminatingLocalCases: TerminatingCase[] = [
  {
    name: "ready endpoints exist",
    endpoints: [
      cond("10.0.1.1", true, true, false, testNodeName),
      cond("10.0.1.2", true, true, false, testNodeName),
      // ignored for external since there are ready non-terminating endpoints
      cond("10.0.1.3", false, true, true, testNodeName),
      cond("10.0.1.4", false, false, true, testNodeName),
      // ignored for external since it's not local
      cond("10.0.1.5", true, true, false, "node-1"),
    ],
    flowTests: [
      {
        name: "pod to clusterIP",
        sourceIP: "10.0.0.2",
        destIP: "172.30.1.1",
        destPort: 80,
        output: "10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80",
      },
      {
        name: "external to LB",
        sourceIP: testExternalClient,
        destIP: "1.2.3.4",
        destPort: 80,
        output: "10.0.1.1:80, 10.0.1.2:80",
      },
    ],
  },
  {
    name: "only terminating endpoints exist",
    endpoints: [
      cond("10.0.1.2", false, true, true, testNodeName),
      cond("10.0.1.3", false, true, true, testNodeName),
      cond("10.0.1.4", false, false, true, testNodeName),
      cond("10.0.1.5", true, true, false, "node-1"),
    ],
    flowTests: [
      {
        name: "pod to clusterIP",
        sourceIP: "10.0.0.2",
        destIP: "172.30.1.1",
        destPort: 80,
        output: "10.0.1.5:80",
      },
      {
        name: "external to LB",
        sourceIP: testExternalClient,
        destIP: "1.2.3.4",
        destPort: 80,
        output: "10.0.1.2:80, 10.0.1.3:80",
      },
    ],
  },
  {
    name: "terminating endpoints on remote node",
    endpoints: [cond("10.0.1.5", false, true, true, "node-1")],
    flowTests: [
      {
        name: "pod to clusterIP",
        sourceIP: "10.0.0.2",
        destIP: "172.30.1.1",
        destPort: 80,
        output: "10.0.1.5:80",
      },
      {
        name: "external to LB, no locally-usable endpoints",
        sourceIP: testExternalClient,
        destIP: "1.2.3.4",
        destPort: 80,
        output: "DROP",
      },
    ],
  },
  {
    name: "no usable endpoints on any node",
    endpoints: [
      cond("10.0.1.5", false, false, true, testNodeName),
      cond("10.0.1.5", false, false, true, "node-1"),
    ],
    flowTests: [
      {
        name: "pod to clusterIP, no usable endpoints",
        sourceIP: "10.0.0.2",
        destIP: "172.30.1.1",
        destPort: 80,
        output: "REJECT",
      },
      {
        name: "external to LB, no usable endpoints",
        sourceIP: testExternalClient,
        destIP: "1.2.3.4",
        destPort: 80,
        output: "REJECT",
      },
    ],
  },
];

describe("TestTerminatingEndpointsTrafficPolicyLocal", () => {
  runTerminatingCases("Local", terminatingLocalCases);
  describe("with ClientIP session affinity (earlier version)", () => {
    runTerminatingCases("Local", terminatingLocalCases, true);
  });
});

describe("TestTerminatingEndpointsTrafficPolicyCluster", () => {
  runTerminatingCases("Cluster", [
    {
      name: "ready endpoints exist",
      endpoints: [
        cond("10.0.1.1", true, true, false, testNodeName),
        cond("10.0.1.2", true, true, false, testNodeName),
        cond("10.0.1.3", false, true, true, "another-node"),
        cond("10.0.1.4", false, false, true, "another-node"),
        cond("10.0.1.5", true, true, false, "another-node"),
      ],
      flowTests: [
        {
          name: "pod to clusterIP",
          sourceIP: "10.0.0.2",
          destIP: "172.30.1.1",
          destPort: 80,
          output: "10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80",
        },
        {
          name: "external to LB",
          sourceIP: testExternalClient,
          destIP: "1.2.3.4",
          destPort: 80,
          output: "10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80",
          masq: true,
        },
      ],
    },
    {
      name: "only terminating endpoints exist",
      endpoints: [
        cond("10.0.1.2", false, true, true, testNodeName),
        cond("10.0.1.3", false, true, true, testNodeName),
        cond("10.0.1.4", false, false, true, "another-node"),
        cond("10.0.1.5", false, true, true, "another-node"),
      ],
      flowTests: [
        {
          name: "pod to clusterIP",
          sourceIP: "10.0.0.2",
          destIP: "172.30.1.1",
          destPort: 80,
          output: "10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80",
        },
        {
          name: "external to LB",
          sourceIP: testExternalClient,
          destIP: "1.2.3.4",
          destPort: 80,
          output: "10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80",
          masq: true,
        },
      ],
    },
    {
      name: "terminating endpoints on remote node",
      endpoints: [cond("10.0.1.5", false, true, true, "node-1")],
      flowTests: [
        {
          name: "pod to clusterIP",
          sourceIP: "10.0.0.2",
          destIP: "172.30.1.1",
          destPort: 80,
          output: "10.0.1.5:80",
        },
        {
          name: "external to LB",
          sourceIP: testExternalClient,
          destIP: "1.2.3.4",
          destPort: 80,
          output: "10.0.1.5:80",
          masq: true,
        },
      ],
    },
    {
      name: "no usable endpoints on any node",
      endpoints: [
        cond("10.0.1.5", false, false, true, testNodeName),
        cond("10.0.1.5", false, false, true, "node-1"),
      ],
      flowTests: [
        {
          name: "pod to clusterIP",
          sourceIP: "10.0.0.2",
          destIP: "172.30.1.1",
          destPort: 80,
          output: "REJECT",
        },
        {
          name: "external to LB",
          sourceIP: testExternalClient,
          destIP: "1.2.3.4",
          destPort: 80,
          output: "REJECT",
        },
      ],
    },
  ]);
});

describe("TestInternalExternalMasquerade", () => {
  function setupTest(kubeProxy: { clusterCIDR: string; masqueradeAll: boolean }): Cluster {
    const lb = (ns: string, name: string, ip: string, nodePort: number, hc: number, lbIP: string) =>
      makeTestService(ns, name, (svc) => {
        svc.spec.type = "LoadBalancer";
        svc.spec.clusterIP = ip;
        svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort }];
        svc.spec.healthCheckNodePort = hc;
        svc.status.loadBalancer = { ingress: [{ ip: lbIP }] };
      });
    const svc1 = lb("ns1", "svc1", "172.30.0.41", 3001, 30001, "1.2.3.4");
    const svc2 = lb("ns2", "svc2", "172.30.0.42", 3002, 30002, "5.6.7.8");
    svc2.spec.externalTrafficPolicy = "Local";
    const svc3 = lb("ns3", "svc3", "172.30.0.43", 3003, 30003, "9.10.11.12");
    svc3.spec.internalTrafficPolicy = "Local";
    const eps = (ns: string, name: string, n: number): EndpointSlice =>
      slice(ns, name, "p80", [
        { addresses: [`10.180.0.${n}`], nodeName: testNodeName },
        { addresses: [`10.180.1.${n}`], nodeName: "remote" },
      ]);
    return makeTestCluster(
      [svc1, svc2, svc3],
      [eps("ns1", "svc1", 1), eps("ns2", "svc2", 2), eps("ns3", "svc3", 3)],
      {
        kubeProxy,
      },
    );
  }

  // The "output" and "masq" values here are the normal case (working localDetector, no masqueradeAll).
  const flowTests: PacketFlowTest[] = [
    {
      name: "pod to ClusterIP",
      sourceIP: "10.0.0.2",
      destIP: "172.30.0.41",
      destPort: 80,
      output: "10.180.0.1:80, 10.180.1.1:80",
      masq: false,
    },
    {
      name: "pod to NodePort",
      sourceIP: "10.0.0.2",
      destIP: testNodeIP,
      destPort: 3001,
      output: "10.180.0.1:80, 10.180.1.1:80",
      masq: true,
    },
    {
      name: "pod to LB",
      sourceIP: "10.0.0.2",
      destIP: "1.2.3.4",
      destPort: 80,
      output: "10.180.0.1:80, 10.180.1.1:80",
      masq: true,
    },
    {
      name: "node to ClusterIP",
      sourceIP: testNodeIP,
      destIP: "172.30.0.41",
      destPort: 80,
      output: "10.180.0.1:80, 10.180.1.1:80",
      masq: true,
    },
    {
      name: "node to NodePort",
      sourceIP: testNodeIP,
      destIP: testNodeIP,
      destPort: 3001,
      output: "10.180.0.1:80, 10.180.1.1:80",
      masq: true,
    },
    {
      name: "localhost to NodePort",
      sourceIP: "127.0.0.1",
      destIP: "127.0.0.1",
      destPort: 3001,
      output: "10.180.0.1:80, 10.180.1.1:80",
      masq: true,
    },
    {
      name: "node to LB",
      sourceIP: testNodeIP,
      destIP: "1.2.3.4",
      destPort: 80,
      output: "10.180.0.1:80, 10.180.1.1:80",
      masq: true,
    },
    {
      name: "external to ClusterIP",
      sourceIP: testExternalClient,
      destIP: "172.30.0.41",
      destPort: 80,
      output: "10.180.0.1:80, 10.180.1.1:80",
      masq: true,
    },
    {
      name: "external to NodePort",
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3001,
      output: "10.180.0.1:80, 10.180.1.1:80",
      masq: true,
    },
    {
      name: "external to LB",
      sourceIP: testExternalClient,
      destIP: "1.2.3.4",
      destPort: 80,
      output: "10.180.0.1:80, 10.180.1.1:80",
      masq: true,
    },
    // externalTrafficPolicy does not apply to ClusterIP traffic.
    {
      name: "pod to ClusterIP with eTP:Local",
      sourceIP: "10.0.0.2",
      destIP: "172.30.0.42",
      destPort: 80,
      output: "10.180.0.2:80, 10.180.1.2:80",
      masq: false,
    },
    // Pod traffic to an eTP:Local NodePort or LB IP is short-circuited to all endpoints, unmasqueraded.
    {
      name: "pod to NodePort with eTP:Local",
      sourceIP: "10.0.0.2",
      destIP: testNodeIP,
      destPort: 3002,
      output: "10.180.0.2:80, 10.180.1.2:80",
      masq: false,
    },
    {
      name: "pod to LB with eTP:Local",
      sourceIP: "10.0.0.2",
      destIP: "5.6.7.8",
      destPort: 80,
      output: "10.180.0.2:80, 10.180.1.2:80",
      masq: false,
    },
    {
      name: "node to ClusterIP with eTP:Local",
      sourceIP: testNodeIP,
      destIP: "172.30.0.42",
      destPort: 80,
      output: "10.180.0.2:80, 10.180.1.2:80",
      masq: true,
    },
    // (Go's case name says eTP:Local but it targets svc1's NodePort 3001.)
    {
      name: "node to NodePort with eTP:Local",
      sourceIP: testNodeIP,
      destIP: testNodeIP,
      destPort: 3001,
      output: "10.180.0.1:80, 10.180.1.1:80",
      masq: true,
    },
    {
      name: "localhost to NodePort with eTP:Local",
      sourceIP: "127.0.0.1",
      destIP: "127.0.0.1",
      destPort: 3002,
      output: "10.180.0.2:80, 10.180.1.2:80",
      masq: true,
    },
    {
      name: "node to LB with eTP:Local",
      sourceIP: testNodeIP,
      destIP: "5.6.7.8",
      destPort: 80,
      output: "10.180.0.2:80, 10.180.1.2:80",
      masq: true,
    },
    {
      name: "external to ClusterIP with eTP:Local",
      sourceIP: testExternalClient,
      destIP: "172.30.0.42",
      destPort: 80,
      output: "10.180.0.2:80, 10.180.1.2:80",
      masq: true,
    },
    {
      name: "external to NodePort with eTP:Local",
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3002,
      output: "10.180.0.2:80",
      masq: false,
    },
    {
      name: "external to LB with eTP:Local",
      sourceIP: testExternalClient,
      destIP: "5.6.7.8",
      destPort: 80,
      output: "10.180.0.2:80",
      masq: false,
    },
    // internalTrafficPolicy applies to ClusterIP traffic only, and does not affect masquerading.
    {
      name: "pod to ClusterIP with iTP:Local",
      sourceIP: "10.0.0.2",
      destIP: "172.30.0.43",
      destPort: 80,
      output: "10.180.0.3:80",
      masq: false,
    },
    {
      name: "pod to NodePort with iTP:Local",
      sourceIP: "10.0.0.2",
      destIP: testNodeIP,
      destPort: 3003,
      output: "10.180.0.3:80, 10.180.1.3:80",
      masq: true,
    },
    {
      name: "pod to LB with iTP:Local",
      sourceIP: "10.0.0.2",
      destIP: "9.10.11.12",
      destPort: 80,
      output: "10.180.0.3:80, 10.180.1.3:80",
      masq: true,
    },
    {
      name: "node to ClusterIP with iTP:Local",
      sourceIP: testNodeIP,
      destIP: "172.30.0.43",
      destPort: 80,
      output: "10.180.0.3:80",
      masq: true,
    },
    {
      name: "node to NodePort with iTP:Local",
      sourceIP: testNodeIP,
      destIP: testNodeIP,
      destPort: 3003,
      output: "10.180.0.3:80, 10.180.1.3:80",
      masq: true,
    },
    {
      name: "localhost to NodePort with iTP:Local",
      sourceIP: "127.0.0.1",
      destIP: "127.0.0.1",
      destPort: 3003,
      output: "10.180.0.3:80, 10.180.1.3:80",
      masq: true,
    },
    {
      name: "node to LB with iTP:Local",
      sourceIP: testNodeIP,
      destIP: "9.10.11.12",
      destPort: 80,
      output: "10.180.0.3:80, 10.180.1.3:80",
      masq: true,
    },
    {
      name: "external to ClusterIP with iTP:Local",
      sourceIP: testExternalClient,
      destIP: "172.30.0.43",
      destPort: 80,
      output: "10.180.0.3:80",
      masq: true,
    },
    {
      name: "external to NodePort with iTP:Local",
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3003,
      output: "10.180.0.3:80, 10.180.1.3:80",
      masq: true,
    },
    {
      name: "external to LB with iTP:Local",
      sourceIP: testExternalClient,
      destIP: "9.10.11.12",
      destPort: 80,
      output: "10.180.0.3:80, 10.180.1.3:80",
      masq: true,
    },
  ];

  type Override = { output?: string; masq?: boolean };
  const noDetector: Record<string, Override> = {
    // With no LocalTrafficDetector, all traffic to a ClusterIP is assumed to be from a pod,
    // and thus to not require masquerading.
    "node to ClusterIP": { masq: false },
    "node to ClusterIP with eTP:Local": { masq: false },
    "node to ClusterIP with iTP:Local": { masq: false },
    "external to ClusterIP": { masq: false },
    "external to ClusterIP with eTP:Local": { masq: false },
    "external to ClusterIP with iTP:Local": { masq: false },
    // And there's no eTP:Local short-circuit for pod traffic, so pods get only the local endpoints.
    "pod to NodePort with eTP:Local": { output: "10.180.0.2:80" },
    "pod to LB with eTP:Local": { output: "10.180.0.2:80" },
  };
  const masqAll: Record<string, Override> = {
    // All "to ClusterIP" traffic gets masqueraded when using --masquerade-all.
    "pod to ClusterIP": { masq: true },
    "pod to ClusterIP with eTP:Local": { masq: true },
    "pod to ClusterIP with iTP:Local": { masq: true },
  };
  const testCases: {
    name: string;
    masqueradeAll: boolean;
    localDetector: boolean;
    overrides: Record<string, Override>;
  }[] = [
    { name: "base", masqueradeAll: false, localDetector: true, overrides: {} },
    { name: "no LocalTrafficDetector", masqueradeAll: false, localDetector: false, overrides: noDetector },
    { name: "masqueradeAll", masqueradeAll: true, localDetector: true, overrides: masqAll },
    {
      name: "masqueradeAll, no LocalTrafficDetector",
      masqueradeAll: true,
      localDetector: false,
      overrides: {
        ...masqAll,
        "pod to NodePort with eTP:Local": { output: "10.180.0.2:80" },
        "pod to LB with eTP:Local": { output: "10.180.0.2:80" },
      },
    },
  ];
  describe.each(testCases)("$name", (tc) => {
    const c = once(() =>
      setupTest({ clusterCIDR: tc.localDetector ? "10.0.0.0/8" : "", masqueradeAll: tc.masqueradeAll }),
    );
    runPacketFlowTests(
      c,
      flowTests.map((f) => ({ ...f, ...tc.overrides[f.name] })),
    );
  });
});

describe("TestLoadBalancerIngressRouteTypeProxy", () => {
  // The LoadBalancerIPMode gate is GA (locked on) in current Kubernetes, so only its "enabled" cases.
  const cases = [
    {
      name: "LoadBalancerIPMode enabled, ipMode Proxy",
      svcIP: "10.20.30.41",
      svcLBIP: "1.2.3.4",
      ipMode: "Proxy" as const,
      expectedRule: false,
    },
    {
      name: "LoadBalancerIPMode enabled, ipMode VIP",
      svcIP: "10.20.30.42",
      svcLBIP: "1.2.3.5",
      ipMode: "VIP" as const,
      expectedRule: true,
    },
    {
      name: "LoadBalancerIPMode enabled, ipMode nil",
      svcIP: "10.20.30.43",
      svcLBIP: "1.2.3.6",
      ipMode: undefined,
      expectedRule: true,
    },
  ];
  it.each(cases)("$name", (tc) => {
    const c = makeTestCluster(
      [
        makeTestService("ns1", "svc1", (svc) => {
          svc.spec.type = "LoadBalancer";
          svc.spec.clusterIP = tc.svcIP;
          svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
          svc.status.loadBalancer = {
            ingress: [tc.ipMode ? { ip: tc.svcLBIP, ipMode: tc.ipMode } : { ip: tc.svcLBIP }],
          };
        }),
      ],
      [slice("ns1", "svc1", "p80", [{ addresses: ["10.180.0.1"] }])],
    );
    const natServices = iptablesSave(c, testNodeName)
      .split("*nat")[1]!
      .split("\n")
      .filter((l) => l.startsWith("-A KUBE-SERVICES "));
    const ruleExists = natServices.some((l) => l.includes(` -d ${tc.svcLBIP} `));
    expect(ruleExists).toBe(tc.expectedRule);
    // And as a packet: only a VIP-mode LB IP is DNATted by this node.
    expect(flow(c, testExternalClient, tc.svcLBIP, 80)).toEqual(
      tc.expectedRule ? { output: "10.180.0.1:80", masq: true } : { output: "", masq: false },
    );
  });
});

describe("TestBadIPs", () => {
  // "Bad" (leading-zero) IPs and CIDRs in the Service and EndpointSlice are read as decimal,
  // as netutils.ParseIPSloppy does, and written out canonically.
  const c = once(() =>
    makeTestCluster(
      [
        makeTestService("ns1", "svc1", (svc) => {
          svc.spec.type = "LoadBalancer";
          svc.spec.clusterIP = "172.30.0.041";
          svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
          svc.status.loadBalancer = { ingress: [{ ip: "1.2.3.004" }] };
          svc.spec.externalIPs = ["192.168.099.022"];
          svc.spec.loadBalancerSourceRanges = ["203.0.113.000/025"];
        }),
      ],
      [slice("ns1", "svc1", "p80", [{ addresses: ["10.180.00.001"] }])],
    ),
  );
  it("writes the canonical addresses", () => {
    const out = iptablesSave(c(), testNodeName);
    expect(out).toContain("-d 172.30.0.41 --dport 80");
    expect(out).toContain("-d 192.168.99.22 --dport 80");
    expect(out).toContain("-d 1.2.3.4 --dport 80");
    expect(out).toContain("-s 203.0.113.0/25");
    expect(out).toContain("--to-destination 10.180.0.1:80");
  });
  runPacketFlowTests(c, [
    {
      name: "pod to cluster IP",
      sourceIP: "10.0.0.2",
      destIP: "172.30.0.41",
      destPort: 80,
      output: "10.180.0.1:80",
    },
    {
      name: "external to external IP",
      sourceIP: testExternalClient,
      destIP: "192.168.99.22",
      destPort: 80,
      output: "10.180.0.1:80",
      masq: true,
    },
    {
      name: "accepted external to LB",
      sourceIP: testExternalClient,
      destIP: "1.2.3.4",
      destPort: 80,
      output: "10.180.0.1:80",
      masq: true,
    },
    {
      name: "blocked external to LB",
      sourceIP: testExternalClientBlocked,
      destIP: "1.2.3.4",
      destPort: 80,
      output: "DROP",
    },
  ]);
});

// ---- From earlier versions of proxier_test.go (same conventions, runPacketFlowTests) ----

describe("TestNodePort", () => {
  const ep = "10.180.0.1:80";
  runPacketFlowTests(
    once(() =>
      makeTestCluster(
        [
          makeTestService("ns1", "svc1", (svc) => {
            svc.spec.type = "NodePort";
            svc.spec.clusterIP = "172.30.0.41";
            svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
          }),
        ],
        [slice("ns1", "svc1", "p80", [{ addresses: ["10.180.0.1"] }])],
      ),
    ),
    [
      { name: "pod to cluster IP", sourceIP: "10.0.0.2", destIP: "172.30.0.41", destPort: 80, output: ep },
      {
        name: "external to nodePort",
        sourceIP: testExternalClient,
        destIP: testNodeIP,
        destPort: 3001,
        output: ep,
        masq: true,
      },
      {
        name: "node to nodePort",
        sourceIP: testNodeIP,
        destIP: testNodeIP,
        destPort: 3001,
        output: ep,
        masq: true,
      },
      {
        name: "localhost to nodePort gets masqueraded",
        sourceIP: "127.0.0.1",
        destIP: "127.0.0.1",
        destPort: 3001,
        output: ep,
        masq: true,
      },
    ],
  );
});

describe("TestNonLocalExternalIPs", () => {
  // A ClusterIP Service with an external IP: externalTrafficPolicy defaults to Cluster.
  const both = "10.180.0.1:80, 10.180.2.1:80";
  runPacketFlowTests(
    once(() =>
      makeTestCluster(
        [
          makeTestService("ns1", "svc1", (svc) => {
            svc.spec.clusterIP = "172.30.0.41";
            svc.spec.externalIPs = ["192.168.99.11"];
            svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", targetPort: 80 }];
          }),
        ],
        [
          slice("ns1", "svc1", "p80", [
            { addresses: ["10.180.0.1"] },
            { addresses: ["10.180.2.1"], nodeName: testNodeName },
          ]),
        ],
      ),
    ),
    [
      { name: "pod to cluster IP", sourceIP: "10.0.0.2", destIP: "172.30.0.41", destPort: 80, output: both },
      {
        name: "external to external IP",
        sourceIP: testExternalClient,
        destIP: "192.168.99.11",
        destPort: 80,
        output: both,
        masq: true,
      },
    ],
  );
});

/** onlyLocalNodePorts: an eTP:Local NodePort Service, nodePortAddresses 192.168.0.0/24 + 2001:db8::/64. */
function onlyLocalNodePorts(clusterCIDR: string) {
  return makeTestCluster(
    [
      makeTestService("ns1", "svc1", (svc) => {
        svc.spec.type = "NodePort";
        svc.spec.clusterIP = "172.30.0.41";
        svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
        svc.spec.externalTrafficPolicy = "Local";
      }),
    ],
    [
      slice("ns1", "svc1", "p80", [
        { addresses: ["10.180.0.1"] },
        { addresses: ["10.180.2.1"], nodeName: testNodeName },
      ]),
    ],
    {
      kubeProxy: {
        clusterCIDR,
        nodePortAddresses: ["192.168.0.0/24", "2001:db8::/64"],
        localhostNodePorts: false,
      },
    },
  );
}

const onlyLocalBase: PacketFlowTest[] = [
  {
    name: "pod to cluster IP hit both endpoints",
    sourceIP: "10.0.0.2",
    destIP: "172.30.0.41",
    destPort: 80,
    output: "10.180.0.1:80, 10.180.2.1:80",
  },
  {
    name: "external to NodePort hits only local endpoint",
    sourceIP: testExternalClient,
    destIP: testNodeIP,
    destPort: 3001,
    output: "10.180.2.1:80",
  },
  {
    name: "pod to localhost doesn't work because localhost is not in nodePortAddresses",
    sourceIP: "10.0.0.2",
    destIP: "127.0.0.1",
    destPort: 3001,
    output: "",
  },
];

describe("TestOnlyLocalNodePorts", () => {
  runPacketFlowTests(
    once(() => onlyLocalNodePorts("10.0.0.0/8")),
    [
      ...onlyLocalBase,
      // pod-to-NodePort is treated as internal traffic, so we see both endpoints
      {
        name: "pod to NodePort hits both endpoints",
        sourceIP: "10.0.0.2",
        destIP: testNodeIP,
        destPort: 3001,
        output: "10.180.0.1:80, 10.180.2.1:80",
      },
    ],
  );
});

describe("TestOnlyLocalNodePortsNoClusterCIDR", () => {
  runPacketFlowTests(
    once(() => onlyLocalNodePorts("")),
    [
      ...onlyLocalBase,
      // pod-to-NodePort is (incorrectly) treated as external traffic when there is no
      // LocalTrafficDetector.
      {
        name: "pod to NodePort hits only local endpoint",
        sourceIP: "10.0.0.2",
        destIP: testNodeIP,
        destPort: 3001,
        output: "10.180.2.1:80",
      },
    ],
  );
});

describe("TestOnlyLocalExternalIPs", () => {
  // A NodePort Service (no node port allocated) with an external IP and eTP Local.
  runPacketFlowTests(
    once(() =>
      makeTestCluster(
        [
          makeTestService("ns1", "svc1", (svc) => {
            svc.spec.type = "NodePort";
            svc.spec.externalTrafficPolicy = "Local";
            svc.spec.clusterIP = "172.30.0.41";
            svc.spec.externalIPs = ["192.168.99.11"];
            svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", targetPort: 80 }];
          }),
        ],
        [
          slice("ns1", "svc1", "p80", [
            { addresses: ["10.180.0.1"] },
            { addresses: ["10.180.2.1"], nodeName: testNodeName },
          ]),
        ],
      ),
    ),
    [
      {
        name: "cluster IP hits both endpoints",
        sourceIP: "10.0.0.2",
        destIP: "172.30.0.41",
        destPort: 80,
        output: "10.180.0.1:80, 10.180.2.1:80",
      },
      {
        name: "external IP hits only local endpoint, unmasqueraded",
        sourceIP: testExternalClient,
        destIP: "192.168.99.11",
        destPort: 80,
        output: "10.180.2.1:80",
      },
    ],
  );
});
