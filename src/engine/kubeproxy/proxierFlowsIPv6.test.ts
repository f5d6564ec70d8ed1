// IPv6 (ip6tables) packet flows ported from pkg/proxy/iptables/proxier_test.go, the proxier built on
// iptablestest.NewIPv6Fake() (pod CIDR fd00:10::/64, node 2001:db8::1 and 2001:db8:1::2):
// - TestNodePorts, its three "ipv6, ..." cases: in nodePorts.test.ts, beside their IPv4 twins;
// - TestEnableLocalhostNodePortsIPv6 and TestDisableLocalhostNodePortsIPv6 (kube-proxy 1.26-1.28), whose
//   expected ip6tables rules are read here as packet flows and lines;
// - proxier.go's NodePort jump for an IPv6 --nodeport-addresses holding ::1, which syncProxyRules skips
//   ("localhost NodePorts are not supported on IPv6");
// - IPv6 mirrors of TestLoadBalancer and TestExternalTrafficPolicyLocal: the Go tests run them on the IPv4
//   fake only, and the same syncProxyRules writes the ip6tables rules, so the flows must hold there too.
// The IPv4 tests whose nodePortAddresses carry an IPv6 CIDR (TestOnlyLocalNodePorts*, TestNodePorts'
// "multiple nodeport-addresses") are in proxierFlows.test.ts and nodePorts.test.ts;
// TestDeleteEndpointConnectionsIPv6 checks conntrack commands, which Kube Hops does not model. From
// pkg/proxy/util/localdetector_test.go: TestDetectLocalByCIDR's IPv6 cluster CIDR.
import { describe, expect, it } from "vitest";
import { iptablesSave } from "./iptablesSave";
import {
  makeIPv6NodePortCluster,
  makeTestCluster,
  makeTestEndpointSlice,
  makeTestService,
  once,
  runPacketFlowTests,
  testNodeIPv6,
  testNodeIPv6Alt,
  testNodeName,
} from "./testCluster";

const podIP = "fd00:10::2";
const externalClient = "2600:5200::1";

/** The Service of TestEnable/DisableLocalhostNodePortsIPv6: a NodePort, eTP Local, one local endpoint. */
function localhostNodePortsIPv6(localhostNodePorts: boolean) {
  return makeTestCluster(
    [
      makeTestService("ns1", "svc1", (svc) => {
        svc.spec.type = "NodePort";
        svc.spec.clusterIP = "fd00:ab34::20";
        svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 30001 }];
        svc.spec.externalTrafficPolicy = "Local";
      }),
    ],
    [
      makeTestEndpointSlice("ns1", "svc1", 1, (eps) => {
        eps.addressType = "IPv6";
        eps.endpoints = [{ addresses: ["ff06::c1"] }, { addresses: ["ff06::c2"], nodeName: testNodeName }];
        eps.ports = [{ name: "p80", port: 80, protocol: "TCP" }];
      }),
    ],
    // fp.localDetector = NewNoOpLocalDetector(): no IPv6 cluster CIDR.
    { kubeProxy: { clusterCIDR: "10.0.0.0/8", localhostNodePorts } },
  );
}

describe.each([
  ["TestEnableLocalhostNodePortsIPv6", true],
  ["TestDisableLocalhostNodePortsIPv6", false],
])("%s", (_, localhostNodePorts) => {
  const c = once(() => localhostNodePortsIPv6(localhostNodePorts));
  const both = "[ff06::c1]:80, [ff06::c2]:80";
  const local = "[ff06::c2]:80";
  runPacketFlowTests(c, [
    // No local-traffic detector: no "! -s podCIDR" masquerade rule for the ClusterIP.
    {
      name: "pod to cluster IP hits both endpoints",
      sourceIP: podIP,
      destIP: "fd00:ab34::20",
      destPort: 80,
      output: both,
    },
    {
      name: "external to NodePort hits only the local endpoint",
      sourceIP: externalClient,
      destIP: testNodeIPv6,
      destPort: 30001,
      output: local,
    },
    // Without a detector a pod is not told from outside traffic: no eTP:Local short circuit.
    {
      name: "pod to NodePort hits only the local endpoint",
      sourceIP: podIP,
      destIP: testNodeIPv6,
      destPort: 30001,
      output: local,
    },
    {
      name: "node to NodePort is masqueraded to all endpoints",
      sourceIP: testNodeIPv6,
      destIP: testNodeIPv6,
      destPort: 30001,
      output: both,
      masq: true,
    },
    { name: "localhost to NodePort is ignored", sourceIP: "::1", destIP: "::1", destPort: 30001, output: "" },
  ]);
  it("jumps to KUBE-NODEPORTS for local destinations but ::1, and leaves KUBE-FIREWALL empty", () => {
    const save = iptablesSave(c(), testNodeName, 6);
    expect(save).toContain(
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL ! -d ::1/128 -j KUBE-NODEPORTS',
    );
    expect(save).not.toContain("-A KUBE-FIREWALL");
    expect(save).not.toContain("127.0.0.0/8");
  });
});

it("TestEnable/DisableLocalhostNodePortsIPv6: localhostNodePorts changes nothing in ip6tables", () => {
  expect(iptablesSave(localhostNodePortsIPv6(true), testNodeName, 6)).toBe(
    iptablesSave(localhostNodePortsIPv6(false), testNodeName, 6),
  );
});

const nodePortIPv6 = (nodePortAddresses: string[]) => makeIPv6NodePortCluster({ nodePortAddresses });

describe("proxier.go: --nodeport-addresses with ::1 on IPv6 (localhost NodePorts are not supported on IPv6)", () => {
  const ep = "[fd00:10:180::1]:80";
  describe("::1/128 and 2001:db8::/64", () => {
    runPacketFlowTests(
      once(() => nodePortIPv6(["::1/128", "2001:db8::/64"])),
      [
        {
          name: "external to the node IP in the CIDR",
          sourceIP: externalClient,
          destIP: testNodeIPv6,
          destPort: 3001,
          output: ep,
          masq: true,
        },
        {
          name: "localhost to NodePort is ignored",
          sourceIP: "::1",
          destIP: "::1",
          destPort: 3001,
          output: "",
        },
        {
          name: "the node IP outside the CIDR ignores NodePorts",
          sourceIP: externalClient,
          destIP: testNodeIPv6Alt,
          destPort: 3001,
          output: "",
        },
      ],
    );
  });
  it("::1/128 alone writes no jump to KUBE-NODEPORTS", () => {
    const save = iptablesSave(nodePortIPv6(["::1/128"]), testNodeName, 6);
    expect(save).not.toMatch(/-A KUBE-SERVICES .*-j KUBE-NODEPORTS/);
  });
  it("an IPv4 --nodeport-addresses leaves IPv6 NodePorts on every local address", () => {
    const c = nodePortIPv6(["127.0.0.1/32"]);
    expect(iptablesSave(c, testNodeName, 6)).toContain(
      "-m addrtype --dst-type LOCAL ! -d ::1/128 -j KUBE-NODEPORTS",
    );
  });
});

const clusterIP = "fd00:172:30::41";
const lbIP1 = "2001:db8:1234::1";
const lbIP2 = "2001:db8:5678::1";

describe("TestLoadBalancer, on IPv6", () => {
  const c = once(() =>
    makeTestCluster(
      [
        makeTestService("ns1", "svc1", (svc) => {
          svc.spec.type = "LoadBalancer";
          svc.spec.clusterIP = clusterIP;
          svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
          svc.status.loadBalancer = { ingress: [{ ip: lbIP1 }, { ip: lbIP2 }] };
          // The node's /64 and the allowed client's, with the excess whitespace kube-proxy trims.
          svc.spec.loadBalancerSourceRanges = ["2001:db8::/64", " 2600:5200::/64"];
        }),
      ],
      [
        makeTestEndpointSlice("ns1", "svc1", 1, (eps) => {
          eps.addressType = "IPv6";
          eps.endpoints = [{ addresses: ["fd00:10:180::1"] }];
          eps.ports = [{ name: "p80", port: 80, protocol: "TCP" }];
        }),
      ],
    ),
  );
  const ep = "[fd00:10:180::1]:80";
  const blocked = "2600:5201::1";
  runPacketFlowTests(c, [
    { name: "pod to cluster IP", sourceIP: podIP, destIP: clusterIP, destPort: 80, output: ep },
    {
      name: "external to nodePort",
      sourceIP: externalClient,
      destIP: testNodeIPv6,
      destPort: 3001,
      output: ep,
      masq: true,
    },
    {
      name: "nodePort bypasses LoadBalancerSourceRanges",
      sourceIP: blocked,
      destIP: testNodeIPv6,
      destPort: 3001,
      output: ep,
      masq: true,
    },
    {
      name: "accepted external to LB1",
      sourceIP: externalClient,
      destIP: lbIP1,
      destPort: 80,
      output: ep,
      masq: true,
    },
    {
      name: "accepted external to LB2",
      sourceIP: externalClient,
      destIP: lbIP2,
      destPort: 80,
      output: ep,
      masq: true,
    },
    { name: "blocked external to LB1", sourceIP: blocked, destIP: lbIP1, destPort: 80, output: "DROP" },
    { name: "blocked external to LB2", sourceIP: blocked, destIP: lbIP2, destPort: 80, output: "DROP" },
    {
      name: "pod to LB1 (blocked by LoadBalancerSourceRanges)",
      sourceIP: podIP,
      destIP: lbIP1,
      destPort: 80,
      output: "DROP",
    },
    {
      name: "node to LB1 (allowed by LoadBalancerSourceRanges)",
      sourceIP: testNodeIPv6,
      destIP: lbIP1,
      destPort: 80,
      output: ep,
      masq: true,
    },
    // The ranges hold the node's IPv6 address, so the LB IPs are allowed as sources too.
    {
      name: "same node to LB1, SNATted to LB1 (implicitly allowed)",
      sourceIP: lbIP1,
      destIP: lbIP1,
      destPort: 80,
      output: ep,
      masq: true,
    },
    {
      name: "same node to LB2, SNATted to LB2 (implicitly allowed)",
      sourceIP: lbIP2,
      destIP: lbIP2,
      destPort: 80,
      output: ep,
      masq: true,
    },
  ]);
});

describe("TestExternalTrafficPolicyLocal, on IPv6", () => {
  const externalIP = "2001:db8:99::11";
  const c = once(() =>
    makeTestCluster(
      [
        makeTestService("ns1", "svc1", (svc) => {
          svc.spec.type = "LoadBalancer";
          svc.spec.externalTrafficPolicy = "Local";
          svc.spec.clusterIP = clusterIP;
          svc.spec.externalIPs = [externalIP];
          svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001, targetPort: 80 }];
          svc.spec.healthCheckNodePort = 30000;
          svc.status.loadBalancer = { ingress: [{ ip: lbIP1 }] };
        }),
      ],
      [
        makeTestEndpointSlice("ns1", "svc1", 1, (eps) => {
          eps.addressType = "IPv6";
          eps.endpoints = [
            { addresses: ["fd00:10:180::1"] },
            { addresses: ["fd00:10:180::2:1"], nodeName: testNodeName },
          ];
          eps.ports = [{ name: "p80", port: 80, protocol: "TCP" }];
        }),
      ],
    ),
  );
  const both = "[fd00:10:180::1]:80, [fd00:10:180::2:1]:80";
  const local = "[fd00:10:180::2:1]:80";
  runPacketFlowTests(c, [
    {
      name: "pod to cluster IP hits both endpoints, unmasqueraded",
      sourceIP: podIP,
      destIP: clusterIP,
      destPort: 80,
      output: both,
    },
    {
      name: "pod to external IP hits both endpoints, unmasqueraded",
      sourceIP: podIP,
      destIP: externalIP,
      destPort: 80,
      output: both,
    },
    {
      name: "external to external IP hits only local endpoint, unmasqueraded",
      sourceIP: externalClient,
      destIP: externalIP,
      destPort: 80,
      output: local,
    },
    {
      name: "pod to LB IP hits both endpoints, unmasqueraded",
      sourceIP: podIP,
      destIP: lbIP1,
      destPort: 80,
      output: both,
    },
    {
      name: "external to LB IP hits only local endpoint, unmasqueraded",
      sourceIP: externalClient,
      destIP: lbIP1,
      destPort: 80,
      output: local,
    },
    {
      name: "pod to NodePort hits both endpoints, unmasqueraded",
      sourceIP: podIP,
      destIP: testNodeIPv6,
      destPort: 3001,
      output: both,
    },
    {
      name: "external to NodePort hits only local endpoint, unmasqueraded",
      sourceIP: externalClient,
      destIP: testNodeIPv6,
      destPort: 3001,
      output: local,
    },
    {
      name: "the firewall accepts the HealthCheckNodePort",
      sourceIP: externalClient,
      destIP: testNodeIPv6,
      destPort: 30000,
      output: "ACCEPT",
    },
  ]);
});

describe("TestDetectLocalByCIDR (pkg/proxy/util), its IPv6 CIDR", () => {
  const c = once(() => {
    const cluster = nodePortIPv6([]);
    cluster.config.kubeProxy.clusterCIDR = "10.0.0.0/14,2002:0:0:1234::/64";
    return cluster;
  });
  const ep = "[fd00:10:180::1]:80";
  runPacketFlowTests(c, [
    {
      name: "a pod in the CIDR keeps its address",
      sourceIP: "2002:0:0:1234::5",
      destIP: "fd00:172:30::41",
      destPort: 80,
      output: ep,
    },
    {
      name: "a source outside the CIDR is masqueraded",
      sourceIP: podIP,
      destIP: "fd00:172:30::41",
      destPort: 80,
      output: ep,
      masq: true,
    },
  ]);
  it("matches the CIDR with -s, negated for the masquerade rule", () => {
    expect(iptablesSave(c(), testNodeName, 6)).toContain("! -s 2002:0:0:1234::/64 -j KUBE-MARK-MASQ");
  });
});
