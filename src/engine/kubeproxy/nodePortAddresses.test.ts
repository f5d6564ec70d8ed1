// Ported from pkg/proxy/util/nodeport_addresses_test.go, read through the rules kube-proxy writes with
// the result: TestGetNodeIPs (which node addresses of each family take NodePorts: every local one, or
// a list that syncProxyRules writes one jump each, leaving out ::1 on IPv6) and TestContainsIPv4Loopback
// (whether NewProxier keeps localhost NodePorts, and so fills KUBE-FIREWALL: never on IPv6). The node's
// loopback interface is 127.0.0.1 and ::1 only, so "IPv4 localhost subnet" (lo at 127.0.1.1) is left out.
import { describe, expect, it } from "vitest";
import type { Node } from "../../model/k8s";
import { iptablesSave } from "./iptablesSave";
import { makeTestCluster, testNodeName } from "./testCluster";

const node = (addresses: string[]): Node => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: testNodeName },
  spec: {},
  status: { addresses: addresses.map((address) => ({ type: "InternalIP" as const, address })) },
});

/** Where KUBE-SERVICES sends NodePort traffic in one family's table: "LOCAL", or each -d address. */
function nodePortJumps(nodePortAddresses: string[], addresses: string[], family: 4 | 6): string[] {
  const c = makeTestCluster([], [], { kubeProxy: { nodePortAddresses }, nodes: [node(addresses)] });
  return iptablesSave(c, testNodeName, family)
    .split("\n")
    .filter((l) => l.startsWith("-A KUBE-SERVICES") && l.endsWith("-j KUBE-NODEPORTS"))
    .map((l) => (l.includes("--dst-type LOCAL") ? "LOCAL" : /-d (\S+) -j/.exec(l)![1]!));
}

interface GetNodeIPsCase {
  name: string;
  cidrs: string[];
  addresses: string[];
  ipv4: string[];
  ipv6: string[];
}

describe.each<GetNodeIPsCase>([
  {
    name: "IPv4 zero CIDR",
    cidrs: ["0.0.0.0/0"],
    addresses: ["10.20.30.51"],
    ipv4: ["LOCAL"],
    ipv6: ["LOCAL"],
  },
  {
    name: "IPv4 localhost exact",
    cidrs: ["127.0.0.1/32"],
    addresses: ["10.20.30.51"],
    ipv4: ["127.0.0.1"],
    ipv6: ["LOCAL"],
  },
  {
    name: "IPv4 multiple",
    cidrs: ["10.20.30.0/24", "100.200.201.0/24"],
    addresses: ["10.20.30.51", "100.200.201.1"],
    ipv4: ["10.20.30.51", "100.200.201.1"],
    ipv6: ["LOCAL"],
  },
  { name: "empty list, IPv4 addrs", cidrs: [], addresses: ["192.168.1.2"], ipv4: ["LOCAL"], ipv6: ["LOCAL"] },
  {
    name: "IPv4 redundant CIDRs",
    cidrs: ["1.2.3.0/24", "0.0.0.0/0"],
    addresses: ["1.2.3.4"],
    ipv4: ["LOCAL"],
    ipv6: ["LOCAL"],
  },
  {
    name: "IPv4 single",
    cidrs: ["10.20.30.0/24"],
    addresses: ["10.20.30.51", "100.200.201.1"],
    ipv4: ["10.20.30.51"],
    ipv6: ["LOCAL"],
  },
  // GetNodeIPs finds ::1 too; syncProxyRules leaves it out ("not supported on IPv6").
  {
    name: "IPv6 multiple",
    cidrs: ["2001:db8::/64", "::1/128"],
    addresses: ["2001:db8::1"],
    ipv4: ["LOCAL"],
    ipv6: ["2001:db8::1"],
  },
  { name: "IPv6 zero CIDR", cidrs: ["::/0"], addresses: ["2001:db8::1"], ipv4: ["LOCAL"], ipv6: ["LOCAL"] },
  {
    name: "IPv4 multiple, no match",
    cidrs: ["10.20.30.0/24", "100.200.201.0/24"],
    addresses: ["192.168.1.2"],
    ipv4: [],
    ipv6: ["LOCAL"],
  },
  { name: "empty list, IPv6 addrs", cidrs: [], addresses: ["2001:db8::1"], ipv4: ["LOCAL"], ipv6: ["LOCAL"] },
  {
    name: "Dual-stack, redundant IPv4",
    cidrs: ["0.0.0.0/0", "1.2.3.0/24", "2001:db8::1/128"],
    addresses: ["1.2.3.4", "2001:db8::1"],
    ipv4: ["LOCAL"],
    ipv6: ["2001:db8::1"],
  },
  {
    name: "Dual-stack, redundant IPv6",
    cidrs: ["::/0", "1.2.3.0/24", "2001:db8::1/128"],
    addresses: ["1.2.3.4", "2001:db8::1"],
    ipv4: ["1.2.3.4"],
    ipv6: ["LOCAL"],
  },
])("TestGetNodeIPs: $name", (tc) => {
  it("sends NodePorts of each family to those addresses", () => {
    expect([nodePortJumps(tc.cidrs, tc.addresses, 4), nodePortJumps(tc.cidrs, tc.addresses, 6)]).toEqual([
      tc.ipv4,
      tc.ipv6,
    ]);
  });
});

/** Whether each family's table fills KUBE-FIREWALL, with localhost NodePorts asked for. */
function firewalls(nodePortAddresses: string[]): [boolean, boolean] {
  const c = makeTestCluster([], [], { kubeProxy: { nodePortAddresses, localhostNodePorts: true } });
  const filled = (family: 4 | 6) => iptablesSave(c, testNodeName, family).includes("-A KUBE-FIREWALL ");
  return [filled(4), filled(6)];
}

describe("TestContainsIPv4Loopback", () => {
  const others = ["224.0.0.0/24", "192.168.0.0/16", "fd00:1:d::/64"];
  it.each([
    ["empty", [], true],
    ["all zeros ipv4", [...others, "0.0.0.0/0"], true],
    ["all zeros ipv6", [...others, "::/0"], false],
    ["ipv4 loopback", [...others, "127.0.0.0/8"], true],
    ["ipv6 loopback", [...others, "::1/128"], false],
    ["ipv4 loopback smaller range", [...others, "127.0.2.0/28"], true],
    ["ipv4 loopback within larger range", [...others, "64.0.0.0/2"], true],
    ["non loop loopback", ["128.0.2.0/28", ...others], false],
  ])(
    "%s: localhost NodePorts on IPv4 only when the CIDRs hold an IPv4 loopback address",
    (_, cidrs, want) => {
      expect(firewalls(cidrs)).toEqual([want, false]);
    },
  );
});
