// Packet-flow tests ported from pkg/proxy/nftables/proxier_test.go (its runPacketFlowTests cases):
// TestNoEndpointsReject, TestClusterIPGeneral (with the cluster-ips-check cases), TestLoadBalancer,
// TestNodePorts (IPv4 and IPv6, with and without --nodeport-addresses), TestExternalTrafficPolicyLocal,
// TestExternalTrafficPolicyCluster, TestTerminatingEndpointsTrafficPolicyLocal and ...Cluster,
// TestInternalTrafficPolicy and TestInternalExternalMasquerade. Services, endpoints and the fake proxier's settings are the Go
// tests' (testCluster.ts); describe = Go function (and case), it = flow name. A row is
// [name, sourceIP, destIP, destPort, output, masq?, protocol?].
import { describe, expect, it } from "vitest";
import type { Cluster } from "../../../model/cluster";
import type { KubeProxyConfig } from "../../../model/clusterConfig";
import type { EndpointSlice, Service, SliceEndpoint } from "../../../model/k8s";
import type { ExplainProtocol } from "../explain";
import {
  makeTestEndpointSlice,
  makeTestService,
  testExternalClient,
  testExternalClientBlocked,
  testNodeIP,
  testNodeIPAlt,
  testNodeIPv6,
  testNodeIPv6Alt,
  testNodeName,
} from "../testCluster";
import { clusterIPGeneralEndpointSlices, clusterIPGeneralServices } from "../proxierTestFixtures";
import { makeNftTestCluster, nftFlow } from "./testCluster";

type Row = [string, string, string, number, string, boolean?, ExplainProtocol?];

/** runPacketFlowTests: each row becomes one `it`, checking output and masq. */
function runPacketFlowTests(cluster: () => Cluster, rows: Row[]) {
  it.each(rows)("%s", (_name, src, dst, port, output, masq = false, protocol = "TCP") => {
    expect(nftFlow(cluster(), src, dst, port, protocol)).toEqual({ output, masq });
  });
}

const once = <T>(make: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= make());
};

/** A slice for ns/name with one port per [name, port, protocol]. */
function slice(
  ns: string,
  name: string,
  ports: [string, number, ("TCP" | "UDP" | "SCTP")?][],
  endpoints: SliceEndpoint[],
  addressType: "IPv4" | "IPv6" = "IPv4",
): EndpointSlice {
  return makeTestEndpointSlice(ns, name, 1, (eps) => {
    eps.addressType = addressType;
    eps.endpoints = endpoints;
    eps.ports = ports.map(([n, port, protocol = "TCP"]) => ({ name: n, port, protocol }));
  });
}

function loadBalancer(ns: string, name: string, edit: (svc: Service) => void): Service {
  return makeTestService(ns, name, (svc) => {
    svc.spec.type = "LoadBalancer";
    edit(svc);
  });
}

describe("TestNoEndpointsReject", () => {
  const c = once(() =>
    makeNftTestCluster(
      [
        loadBalancer("ns1", "svc1", (svc) => {
          svc.spec.clusterIP = "172.30.0.41";
          svc.spec.externalIPs = ["192.168.99.11"];
          svc.spec.ports = [{ name: "p80", protocol: "TCP", port: 80, nodePort: 3001 }];
          svc.status.loadBalancer = { ingress: [{ ip: "1.2.3.4" }] };
        }),
      ],
      [],
    ),
  );
  runPacketFlowTests(c, [
    ["pod to cluster IP with no endpoints", "10.0.0.2", "172.30.0.41", 80, "REJECT"],
    ["external to external IP with no endpoints", testExternalClient, "192.168.99.11", 80, "REJECT"],
    ["pod to NodePort with no endpoints", "10.0.0.2", testNodeIP, 3001, "REJECT"],
    ["external to NodePort with no endpoints", testExternalClient, testNodeIP, 3001, "REJECT"],
    ["pod to LoadBalancer IP with no endpoints", "10.0.0.2", "1.2.3.4", 80, "REJECT"],
    ["external to LoadBalancer IP with no endpoints", testExternalClient, "1.2.3.4", 80, "REJECT"],
  ]);
});

describe("TestClusterIPGeneral", () => {
  const c = once(() => makeNftTestCluster(clusterIPGeneralServices(), clusterIPGeneralEndpointSlices()));
  runPacketFlowTests(c, [
    ["simple clusterIP", "10.180.0.2", "172.30.0.41", 80, "10.180.0.1:80"],
    ["hairpin to cluster IP", "10.180.0.1", "172.30.0.41", 80, "10.180.0.1:80", true],
    ["clusterIP with multiple endpoints", "10.180.0.2", "172.30.0.42", 80, "10.180.0.1:80, 10.180.2.1:80"],
    ["clusterIP with TargetPort", "10.180.0.2", "172.30.0.42", 443, "10.180.0.1:8443, 10.180.2.1:8443"],
    [
      "clusterIP with TCP, UDP, and SCTP on same port (TCP)",
      "10.180.0.2",
      "172.30.0.42",
      53,
      "10.180.0.1:5353, 10.180.2.1:5353",
      false,
      "TCP",
    ],
    [
      "clusterIP with TCP, UDP, and SCTP on same port (UDP)",
      "10.180.0.2",
      "172.30.0.42",
      53,
      "10.180.0.1:53, 10.180.2.1:53",
      false,
      "UDP",
    ],
    [
      "clusterIP with TCP, UDP, and SCTP on same port (SCTP)",
      "10.180.0.2",
      "172.30.0.42",
      53,
      "10.180.0.1:53, 10.180.2.1:53",
      false,
      "SCTP",
    ],
    // cluster-ips-check: an active ClusterIP's unknown port is rejected, an unallocated one dropped.
    ["TCP-only port does not match UDP traffic", "10.180.0.2", "172.30.0.42", 80, "REJECT", false, "UDP"],
    ["svc1 does not accept svc2's ports", "10.180.0.2", "172.30.0.41", 443, "REJECT"],
    ["packet to unallocated cluster ip", "10.180.0.2", "172.30.0.50", 80, "DROP"],
  ]);
});

describe("TestLoadBalancer", () => {
  const c = once(() =>
    makeNftTestCluster(
      [
        loadBalancer("ns1", "svc1", (svc) => {
          svc.spec.clusterIP = "172.30.0.41";
          svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
          svc.status.loadBalancer = { ingress: [{ ip: "1.2.3.4" }, { ip: "5.6.7.8" }] };
          svc.spec.loadBalancerSourceRanges = ["192.168.0.0/24", " 203.0.113.0/25"];
        }),
      ],
      [slice("ns1", "svc1", [["p80", 80]], [{ addresses: ["10.180.0.1"] }])],
    ),
  );
  const ep = "10.180.0.1:80";
  runPacketFlowTests(c, [
    ["pod to cluster IP", "10.0.0.2", "172.30.0.41", 80, ep],
    ["external to nodePort", testExternalClient, testNodeIP, 3001, ep, true],
    ["nodePort bypasses LoadBalancerSourceRanges", testExternalClientBlocked, testNodeIP, 3001, ep, true],
    ["accepted external to LB1", testExternalClient, "1.2.3.4", 80, ep, true],
    ["accepted external to LB2", testExternalClient, "5.6.7.8", 80, ep, true],
    ["blocked external to LB1", testExternalClientBlocked, "1.2.3.4", 80, "DROP"],
    ["blocked external to LB2", testExternalClientBlocked, "5.6.7.8", 80, "DROP"],
    ["pod to LB1 (blocked by LoadBalancerSourceRanges)", "10.0.0.2", "1.2.3.4", 80, "DROP"],
    ["pod to LB2 (blocked by LoadBalancerSourceRanges)", "10.0.0.2", "5.6.7.8", 80, "DROP"],
    ["node to LB1 (allowed by LoadBalancerSourceRanges)", testNodeIP, "1.2.3.4", 80, ep, true],
    ["node to LB2 (allowed by LoadBalancerSourceRanges)", testNodeIP, "5.6.7.8", 80, ep, true],
    ["same node to LB1, SNATted to LB1 (implicitly allowed)", "1.2.3.4", "1.2.3.4", 80, ep, true],
    ["same node to LB2, SNATted to LB2 (implicitly allowed)", "5.6.7.8", "5.6.7.8", 80, ep, true],
  ]);
});

describe("TestNodePorts", () => {
  const cases: { name: string; family: 4 | 6; nodePortAddresses?: string[]; allowAltNodeIP: boolean }[] = [
    { name: "ipv4", family: 4, allowAltNodeIP: false },
    {
      name: "ipv4, multiple nodeport-addresses",
      family: 4,
      nodePortAddresses: ["192.168.0.0/24", "192.168.1.0/24", "2001:db8::/64"],
      allowAltNodeIP: true,
    },
    { name: "ipv6", family: 6, allowAltNodeIP: false },
    {
      name: "ipv6, multiple nodeport-addresses",
      family: 6,
      nodePortAddresses: ["192.168.0.0/24", "192.168.1.0/24", "2001:db8::/64", "2001:db8:1::2/128"],
      allowAltNodeIP: true,
    },
  ];
  describe.each(cases)("$name", (tc) => {
    const v4 = tc.family === 4;
    const svcIP = v4 ? "172.30.0.41" : "fd00:172:30::41";
    const [epIP1, epIP2] = v4 ? ["10.180.0.1", "10.180.2.1"] : ["fd00:10:180::1", "fd00:10:180::2:1"];
    const nodeIP = v4 ? testNodeIP : testNodeIPv6;
    const c = once(() =>
      makeNftTestCluster(
        [
          makeTestService("ns1", "svc1", (svc) => {
            svc.spec.type = "NodePort";
            svc.spec.clusterIP = svcIP;
            svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
          }),
        ],
        [
          slice(
            "ns1",
            "svc1",
            [["p80", 80]],
            [{ addresses: [epIP1] }, { addresses: [epIP2], nodeName: testNodeName }],
            v4 ? "IPv4" : "IPv6",
          ),
        ],
        tc.nodePortAddresses ? { kubeProxy: { nodePortAddresses: tc.nodePortAddresses } } : {},
      ),
    );
    const podIP = v4 ? "10.0.0.2" : "fd00:10::2";
    const externalClientIP = v4 ? testExternalClient : "2600:5200::1";
    const altNodeIP = v4 ? testNodeIPAlt : testNodeIPv6Alt;
    const hostPort = (ip: string) => (v4 ? `${ip}:80` : `[${ip}]:80`);
    const output = `${hostPort(epIP1)}, ${hostPort(epIP2)}`;
    runPacketFlowTests(c, [
      ["pod to cluster IP", podIP, svcIP, 80, output],
      ["external to nodePort", externalClientIP, nodeIP, 3001, output, true],
      ["node to nodePort", nodeIP, nodeIP, 3001, output, true],
      tc.allowAltNodeIP
        ? ["external to nodePort on secondary IP", externalClientIP, altNodeIP, 3001, output, true]
        : ["secondary nodeIP ignores NodePorts", externalClientIP, altNodeIP, 3001, ""],
    ]);
  });
});

/** The Service and endpoints TestExternalTrafficPolicyLocal and ...Cluster share. */
function trafficPolicyCluster(policy: "Local" | "Cluster"): Cluster {
  return makeNftTestCluster(
    [
      loadBalancer("ns1", "svc1", (svc) => {
        svc.spec.externalTrafficPolicy = policy;
        svc.spec.clusterIP = "172.30.0.41";
        svc.spec.externalIPs = ["192.168.99.11"];
        svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001, targetPort: 80 }];
        if (policy === "Local") svc.spec.healthCheckNodePort = 30000;
        svc.status.loadBalancer = { ingress: [{ ip: "1.2.3.4" }] };
      }),
    ],
    [
      slice(
        "ns1",
        "svc1",
        [["p80", 80]],
        [{ addresses: ["10.180.0.1"] }, { addresses: ["10.180.2.1"], nodeName: testNodeName }],
      ),
    ],
  );
}

const both = "10.180.0.1:80, 10.180.2.1:80";

describe("TestExternalTrafficPolicyLocal", () => {
  const c = once(() => trafficPolicyCluster("Local"));
  const local = "10.180.2.1:80";
  runPacketFlowTests(c, [
    ["pod to cluster IP hits both endpoints, unmasqueraded", "10.0.0.2", "172.30.0.41", 80, both],
    ["pod to external IP hits both endpoints, unmasqueraded", "10.0.0.2", "192.168.99.11", 80, both],
    [
      "external to external IP hits only local endpoint, unmasqueraded",
      testExternalClient,
      "192.168.99.11",
      80,
      local,
    ],
    ["pod to LB IP hits only both endpoints, unmasqueraded", "10.0.0.2", "1.2.3.4", 80, both],
    ["external to LB IP hits only local endpoint, unmasqueraded", testExternalClient, "1.2.3.4", 80, local],
    ["pod to NodePort hits both endpoints, unmasqueraded", "10.0.0.2", testNodeIP, 3001, both],
    [
      "external to NodePort hits only local endpoint, unmasqueraded",
      testExternalClient,
      testNodeIP,
      3001,
      local,
    ],
  ]);
});

describe("TestExternalTrafficPolicyCluster", () => {
  const c = once(() => trafficPolicyCluster("Cluster"));
  runPacketFlowTests(c, [
    ["pod to cluster IP hits both endpoints, unmasqueraded", "10.0.0.2", "172.30.0.41", 80, both],
    ["pod to external IP hits both endpoints, masqueraded", "10.0.0.2", "192.168.99.11", 80, both, true],
    [
      "external to external IP hits both endpoints, masqueraded",
      testExternalClient,
      "192.168.99.11",
      80,
      both,
      true,
    ],
    ["pod to LB IP hits both endpoints, masqueraded", "10.0.0.2", "1.2.3.4", 80, both, true],
    ["external to LB IP hits both endpoints, masqueraded", testExternalClient, "1.2.3.4", 80, both, true],
    ["pod to NodePort hits both endpoints, masqueraded", "10.0.0.2", testNodeIP, 3001, both, true],
    [
      "external to NodePort hits both endpoints, masqueraded",
      testExternalClient,
      testNodeIP,
      3001,
      both,
      true,
    ],
  ]);
});

/** An endpoint with its ready, serving and terminating conditions. */
const ep = (
  ip: string,
  node: string,
  ready: boolean,
  serving: boolean,
  terminating: boolean,
): SliceEndpoint => ({
  addresses: [ip],
  conditions: { ready, serving, terminating },
  nodeName: node,
});

/** After its endpoints are deleted, a Service rejects (TestInternalTrafficPolicy, TestTerminatingEndpoints...). */
function afterEndpointsDeleted(service: () => Service, rows: Row[]) {
  describe("after the endpoints are deleted", () => {
    runPacketFlowTests(
      once(() => makeNftTestCluster([service()], [])),
      rows,
    );
  });
}

/** TestTerminatingEndpointsTrafficPolicyLocal and ...Cluster: one LoadBalancer Service, a slice per case. */
function terminatingEndpointsTests(
  policy: "Local" | "Cluster",
  cases: { name: string; endpoints: SliceEndpoint[]; rows: Row[] }[],
) {
  const service = () =>
    loadBalancer("ns1", "svc1", (svc) => {
      svc.spec.clusterIP = "172.30.1.1";
      svc.spec.externalTrafficPolicy = policy;
      svc.spec.ports = [{ name: "", targetPort: 80, port: 80, protocol: "TCP" }];
      svc.spec.healthCheckNodePort = 30000;
      svc.status.loadBalancer = { ingress: [{ ip: "1.2.3.4" }] };
    });
  describe.each(cases)("$name", (tc) => {
    runPacketFlowTests(
      once(() => makeNftTestCluster([service()], [slice("ns1", "svc1", [["", 80]], tc.endpoints)])),
      tc.rows,
    );
    afterEndpointsDeleted(service, [
      ["pod to clusterIP after endpoints deleted", "10.0.0.2", "172.30.1.1", 80, "REJECT"],
      ["external to LB after endpoints deleted", testExternalClient, "1.2.3.4", 80, "REJECT"],
    ]);
  });
}

const noUsableEndpoints = {
  name: "no usable endpoints on any node",
  endpoints: [ep("10.0.1.5", testNodeName, false, false, true), ep("10.0.1.5", "node-1", false, false, true)],
  rows: [
    ["pod to clusterIP", "10.0.0.2", "172.30.1.1", 80, "REJECT"],
    ["external to LB", testExternalClient, "1.2.3.4", 80, "REJECT"],
  ] as Row[],
};

describe("TestTerminatingEndpointsTrafficPolicyLocal", () => {
  terminatingEndpointsTests("Local", [
    {
      name: "ready endpoints exist",
      endpoints: [
        ep("10.0.1.1", testNodeName, true, true, false),
        ep("10.0.1.2", testNodeName, true, true, false),
        ep("10.0.1.3", testNodeName, false, true, true),
        ep("10.0.1.4", testNodeName, false, false, true),
        ep("10.0.1.5", "node-1", true, true, false),
      ],
      rows: [
        ["pod to clusterIP", "10.0.0.2", "172.30.1.1", 80, "10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80"],
        ["external to LB", testExternalClient, "1.2.3.4", 80, "10.0.1.1:80, 10.0.1.2:80"],
      ],
    },
    {
      name: "only terminating endpoints exist",
      endpoints: [
        ep("10.0.1.2", testNodeName, false, true, true),
        ep("10.0.1.3", testNodeName, false, true, true),
        ep("10.0.1.4", testNodeName, false, false, true),
        ep("10.0.1.5", "node-1", true, true, false),
      ],
      rows: [
        ["pod to clusterIP", "10.0.0.2", "172.30.1.1", 80, "10.0.1.5:80"],
        ["external to LB", testExternalClient, "1.2.3.4", 80, "10.0.1.2:80, 10.0.1.3:80"],
      ],
    },
    {
      name: "terminating endpoints on remote node",
      endpoints: [ep("10.0.1.5", "node-1", false, true, true)],
      rows: [
        ["pod to clusterIP", "10.0.0.2", "172.30.1.1", 80, "10.0.1.5:80"],
        ["external to LB, no locally-usable endpoints", testExternalClient, "1.2.3.4", 80, "DROP"],
      ],
    },
    {
      ...noUsableEndpoints,
      rows: [
        ["pod to clusterIP, no usable endpoints", "10.0.0.2", "172.30.1.1", 80, "REJECT"],
        ["external to LB, no usable endpoints", testExternalClient, "1.2.3.4", 80, "REJECT"],
      ],
    },
  ]);
});

describe("TestTerminatingEndpointsTrafficPolicyCluster", () => {
  terminatingEndpointsTests("Cluster", [
    {
      name: "ready endpoints exist",
      endpoints: [
        ep("10.0.1.1", testNodeName, true, true, false),
        ep("10.0.1.2", testNodeName, true, true, false),
        ep("10.0.1.3", "another-node", false, true, true),
        ep("10.0.1.4", "another-node", false, false, true),
        ep("10.0.1.5", "another-node", true, true, false),
      ],
      rows: [
        ["pod to clusterIP", "10.0.0.2", "172.30.1.1", 80, "10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80"],
        ["external to LB", testExternalClient, "1.2.3.4", 80, "10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80", true],
      ],
    },
    {
      name: "only terminating endpoints exist",
      endpoints: [
        ep("10.0.1.2", testNodeName, false, true, true),
        ep("10.0.1.3", testNodeName, false, true, true),
        ep("10.0.1.4", "another-node", false, false, true),
        ep("10.0.1.5", "another-node", false, true, true),
      ],
      rows: [
        ["pod to clusterIP", "10.0.0.2", "172.30.1.1", 80, "10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80"],
        ["external to LB", testExternalClient, "1.2.3.4", 80, "10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80", true],
      ],
    },
    {
      name: "terminating endpoints on remote node",
      endpoints: [ep("10.0.1.5", "node-1", false, true, true)],
      rows: [
        ["pod to clusterIP", "10.0.0.2", "172.30.1.1", 80, "10.0.1.5:80"],
        ["external to LB", testExternalClient, "1.2.3.4", 80, "10.0.1.5:80", true],
      ],
    },
    noUsableEndpoints,
  ]);
});

describe("TestInternalTrafficPolicy", () => {
  const cases: { name: string; policy: "Cluster" | "Local"; nodes: string[]; row: Row }[] = [
    {
      name: "internalTrafficPolicy is cluster",
      policy: "Cluster",
      nodes: [testNodeName, "node1", "node2"],
      row: [
        "pod to ClusterIP hits all endpoints",
        "10.0.0.2",
        "172.30.1.1",
        80,
        "10.0.1.1:80, 10.0.1.2:80, 10.0.1.3:80",
      ],
    },
    {
      name: "internalTrafficPolicy is local and there is one local endpoint",
      policy: "Local",
      nodes: [testNodeName, "node1", "node2"],
      row: ["pod to ClusterIP hits only local endpoint", "10.0.0.2", "172.30.1.1", 80, "10.0.1.1:80"],
    },
    {
      name: "internalTrafficPolicy is local and there are multiple local endpoints",
      policy: "Local",
      nodes: [testNodeName, testNodeName, "node2"],
      row: [
        "pod to ClusterIP hits all local endpoints",
        "10.0.0.2",
        "172.30.1.1",
        80,
        "10.0.1.1:80, 10.0.1.2:80",
      ],
    },
    {
      name: "internalTrafficPolicy is local and there are no local endpoints",
      policy: "Local",
      nodes: ["node0", "node1", "node2"],
      row: ["no endpoints", "10.0.0.2", "172.30.1.1", 80, "DROP"],
    },
  ];
  describe.each(cases)("$name", (tc) => {
    const service = () =>
      makeTestService("ns1", "svc1", (svc) => {
        svc.spec.clusterIP = "172.30.1.1";
        svc.spec.ports = [{ name: "", port: 80, protocol: "TCP" }];
        svc.spec.internalTrafficPolicy = tc.policy;
      });
    const endpoints = tc.nodes.map((node, i) => ep(`10.0.1.${i + 1}`, node, true, true, false));
    runPacketFlowTests(
      once(() => makeNftTestCluster([service()], [slice("ns1", "svc1", [["", 80]], endpoints)])),
      [tc.row],
    );
    afterEndpointsDeleted(service, [["endpoints deleted", "10.0.0.2", "172.30.1.1", 80, "REJECT"]]);
  });
});

describe("TestInternalExternalMasquerade", () => {
  const setupTest = (kubeProxy: Partial<KubeProxyConfig>): Cluster => {
    const lb = (ns: string, name: string, ip: string, nodePort: number, lbIP: string) =>
      loadBalancer(ns, name, (svc) => {
        svc.spec.clusterIP = ip;
        svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort }];
        svc.spec.healthCheckNodePort = nodePort + 27000;
        svc.status.loadBalancer = { ingress: [{ ip: lbIP }] };
      });
    const svc2 = lb("ns2", "svc2", "172.30.0.42", 3002, "5.6.7.8");
    svc2.spec.externalTrafficPolicy = "Local";
    const svc3 = lb("ns3", "svc3", "172.30.0.43", 3003, "9.10.11.12");
    svc3.spec.internalTrafficPolicy = "Local";
    const eps = (n: number) =>
      slice(
        `ns${n}`,
        `svc${n}`,
        [["p80", 80]],
        [
          { addresses: [`10.180.0.${n}`], nodeName: testNodeName },
          { addresses: [`10.180.1.${n}`], nodeName: "remote" },
        ],
      );
    return makeNftTestCluster(
      [lb("ns1", "svc1", "172.30.0.41", 3001, "1.2.3.4"), svc2, svc3],
      [eps(1), eps(2), eps(3)],
      {
        kubeProxy,
      },
    );
  };
  const all = (n: number) => `10.180.0.${n}:80, 10.180.1.${n}:80`;
  const flows: Row[] = [
    ["pod to ClusterIP", "10.0.0.2", "172.30.0.41", 80, all(1), false],
    ["pod to NodePort", "10.0.0.2", testNodeIP, 3001, all(1), true],
    ["pod to LB", "10.0.0.2", "1.2.3.4", 80, all(1), true],
    ["node to ClusterIP", testNodeIP, "172.30.0.41", 80, all(1), true],
    ["node to NodePort", testNodeIP, testNodeIP, 3001, all(1), true],
    ["node to LB", testNodeIP, "1.2.3.4", 80, all(1), true],
    ["external to ClusterIP", testExternalClient, "172.30.0.41", 80, all(1), true],
    ["external to NodePort", testExternalClient, testNodeIP, 3001, all(1), true],
    ["external to LB", testExternalClient, "1.2.3.4", 80, all(1), true],
    ["pod to ClusterIP with eTP:Local", "10.0.0.2", "172.30.0.42", 80, all(2), false],
    ["pod to NodePort with eTP:Local", "10.0.0.2", testNodeIP, 3002, all(2), false],
    ["pod to LB with eTP:Local", "10.0.0.2", "5.6.7.8", 80, all(2), false],
    ["node to ClusterIP with eTP:Local", testNodeIP, "172.30.0.42", 80, all(2), true],
    ["node to NodePort with eTP:Local", testNodeIP, testNodeIP, 3001, all(1), true],
    ["node to LB with eTP:Local", testNodeIP, "5.6.7.8", 80, all(2), true],
    ["external to ClusterIP with eTP:Local", testExternalClient, "172.30.0.42", 80, all(2), true],
    ["external to NodePort with eTP:Local", testExternalClient, testNodeIP, 3002, "10.180.0.2:80", false],
    ["external to LB with eTP:Local", testExternalClient, "5.6.7.8", 80, "10.180.0.2:80", false],
    ["pod to ClusterIP with iTP:Local", "10.0.0.2", "172.30.0.43", 80, "10.180.0.3:80", false],
    ["pod to NodePort with iTP:Local", "10.0.0.2", testNodeIP, 3003, all(3), true],
    ["pod to LB with iTP:Local", "10.0.0.2", "9.10.11.12", 80, all(3), true],
    ["node to ClusterIP with iTP:Local", testNodeIP, "172.30.0.43", 80, "10.180.0.3:80", true],
    ["node to NodePort with iTP:Local", testNodeIP, testNodeIP, 3003, all(3), true],
    ["node to LB with iTP:Local", testNodeIP, "9.10.11.12", 80, all(3), true],
    ["external to ClusterIP with iTP:Local", testExternalClient, "172.30.0.43", 80, "10.180.0.3:80", true],
    ["external to NodePort with iTP:Local", testExternalClient, testNodeIP, 3003, all(3), true],
    ["external to LB with iTP:Local", testExternalClient, "9.10.11.12", 80, all(3), true],
  ];
  type Override = { output?: string; masq?: boolean };
  const noShortCircuit: Record<string, Override> = {
    "pod to NodePort with eTP:Local": { output: "10.180.0.2:80" },
    "pod to LB with eTP:Local": { output: "10.180.0.2:80" },
  };
  const masqAll: Record<string, Override> = {
    "pod to ClusterIP": { masq: true },
    "pod to ClusterIP with eTP:Local": { masq: true },
    "pod to ClusterIP with iTP:Local": { masq: true },
  };
  const noDetector: Record<string, Override> = {
    ...noShortCircuit,
    "node to ClusterIP": { masq: false },
    "node to ClusterIP with eTP:Local": { masq: false },
    "node to ClusterIP with iTP:Local": { masq: false },
    "external to ClusterIP": { masq: false },
    "external to ClusterIP with eTP:Local": { masq: false },
    "external to ClusterIP with iTP:Local": { masq: false },
  };
  const cases: { name: string; kubeProxy: Partial<KubeProxyConfig>; overrides: Record<string, Override> }[] =
    [
      { name: "base", kubeProxy: { clusterCIDR: "10.0.0.0/8" }, overrides: {} },
      { name: "no LocalTrafficDetector", kubeProxy: { clusterCIDR: "" }, overrides: noDetector },
      {
        name: "masqueradeAll",
        kubeProxy: { clusterCIDR: "10.0.0.0/8", masqueradeAll: true },
        overrides: masqAll,
      },
      {
        name: "masqueradeAll, no LocalTrafficDetector",
        kubeProxy: { clusterCIDR: "", masqueradeAll: true },
        overrides: { ...masqAll, ...noShortCircuit },
      },
    ];
  describe.each(cases)("$name", (tc) => {
    runPacketFlowTests(
      once(() => setupTest(tc.kubeProxy)),
      flows.map(([name, src, dst, port, output, masq]): Row => {
        const o = tc.overrides[name];
        return [name, src, dst, port, o?.output ?? output, o?.masq ?? masq];
      }),
    );
  });
});
