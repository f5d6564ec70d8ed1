// Test fixtures in the spirit of pkg/proxy/iptables/proxier_test.go's helpers (NewFakeProxier,
// makeTestService, makeTestEndpointSlice) and its conventions:
//   pod IPs 10.0.0.0/8, ClusterIPs 172.30.0.0/16, node IPs 192.168.0.0/24 (local node 192.168.0.2),
//   external IPs 192.168.99.0/24, LB IPs 1.2.3.4 / 5.6.7.8 / 9.10.11.12,
//   non-cluster clients 203.0.113.0/24, LB source range 203.0.113.0/25.
import { expect, it } from "vitest";
import type { Cluster } from "../../model/cluster";
import { defaultClusterConfig } from "../../model/clusterConfig";
import type { KubeProxyConfig } from "../../model/clusterConfig";
import type { EndpointSlice, Node, Service } from "../../model/k8s";
import { LABEL_SERVICE_NAME } from "../../model/k8s";
import { joinHostPort } from "./endpoints";
import { mustSucceed } from "../result";
import { type Decision, explain, type ExplainQuery } from "./explain";
import type { ExplainProtocol } from "./explain";

export const testNodeName = "test-node";
export const testNodeIP = "192.168.0.2";
export const testNodeIPAlt = "192.168.1.2";
const testExternalIP = "192.168.99.11";
export const testNodeIPv6 = "2001:db8::1";
export const testNodeIPv6Alt = "2001:db8:1::2";
export const testExternalClient = "203.0.113.2";
export const testExternalClientBlocked = "203.0.113.130";

function makeNode(name: string, addresses: string[], labels: Record<string, string> = {}): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels },
    spec: {},
    status: { addresses: addresses.map((address) => ({ type: "InternalIP" as const, address })) },
  };
}

/** The fake proxier's node: every test node IP, the external IP as an ExternalIP address. */
export function makeTestNode(labels: Record<string, string> = {}): Node {
  const node = makeNode(testNodeName, [testNodeIP, testNodeIPAlt, testNodeIPv6, testNodeIPv6Alt], labels);
  node.status.addresses!.push({ type: "ExternalIP", address: testExternalIP });
  return node;
}

export function makeTestService(ns: string, name: string, edit: (svc: Service) => void): Service {
  const svc: Service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: ns },
    spec: { type: "ClusterIP", sessionAffinity: "None", internalTrafficPolicy: "Cluster" },
    status: { loadBalancer: {} },
  };
  edit(svc);
  if ((svc.spec.type === "NodePort" || svc.spec.type === "LoadBalancer") && !svc.spec.externalTrafficPolicy) {
    svc.spec.externalTrafficPolicy = "Cluster";
  }
  return svc;
}

export function makeTestEndpointSlice(
  ns: string,
  name: string,
  sliceNum: number,
  edit: (eps: EndpointSlice) => void,
): EndpointSlice {
  const eps: EndpointSlice = {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name: `${name}-${sliceNum}`, namespace: ns, labels: { [LABEL_SERVICE_NAME]: name } },
    addressType: "IPv4",
    endpoints: [],
  };
  edit(eps);
  return eps;
}

/** A cluster as NewFakeProxier sees it: the test node, cluster CIDR 10.0.0.0/8 (+ fd00:10::/64). */
export function makeTestCluster(
  services: Service[],
  slices: EndpointSlice[],
  opts: { kubeProxy?: Partial<KubeProxyConfig>; nodes?: Node[] } = {},
): Cluster {
  const config = defaultClusterConfig();
  config.kubeProxy = {
    ...config.kubeProxy,
    clusterCIDR: "10.0.0.0/8,fd00:10::/64",
    ...opts.kubeProxy,
  };
  return {
    config,
    nodes: opts.nodes ?? [makeTestNode()],
    pods: [],
    deployments: [],
    replicaSets: [],
    services,
    endpoints: [],
    endpointSlices: slices,
    created: new Map(),
    sources: new Map(),
  };
}

/** TestNodePorts' IPv6 Service: NodePort 3001 on fd00:172:30::41:80, one endpoint fd00:10:180::1. */
export function makeIPv6NodePortCluster(kubeProxy: Partial<KubeProxyConfig> = {}): Cluster {
  return makeTestCluster(
    [
      makeTestService("ns1", "svc1", (svc) => {
        svc.spec.type = "NodePort";
        svc.spec.clusterIP = "fd00:172:30::41";
        svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
      }),
    ],
    [
      makeTestEndpointSlice("ns1", "svc1", 1, (eps) => {
        eps.addressType = "IPv6";
        eps.endpoints = [{ addresses: ["fd00:10:180::1"] }];
        eps.ports = [{ name: "p80", port: 80, protocol: "TCP" }];
      }),
    ],
    { kubeProxy },
  );
}

/**
 * A packet-flow result in proxier_test.go's terms: the endpoints ("ip:port, ip:port"), or
 * "REJECT"/"DROP"/"ACCEPT", or "" when no rule matched; and whether it was masqueraded.
 */
export function flow(
  cluster: Cluster,
  src: string,
  dst: string,
  port: number,
  protocol: ExplainProtocol = "TCP",
  node = testNodeName,
): { output: string; masq: boolean } {
  return flowOf(explained(cluster, { node, src, dst: joinHostPort(dst, port), protocol }));
}

/** A decision in proxier_test.go's packet-flow terms (see flow). */
export function flowOf(d: Decision): { output: string; masq: boolean } {
  const output =
    d.action === "dnat"
      ? d.candidates.map((c) => joinHostPort(c.ip, c.port)).join(", ")
      : d.action === "pass"
        ? ""
        : d.action.toUpperCase();
  return { output, masq: d.masquerade };
}

/** explain() for a query a test knows to be well formed: a refusal fails the test. */
export const explained = (cluster: Cluster, q: ExplainQuery): Decision => mustSucceed(explain(cluster, q));

export interface PacketFlowTest {
  name: string;
  sourceIP: string;
  protocol?: ExplainProtocol;
  destIP: string;
  destPort: number;
  output: string;
  masq?: boolean;
}

/** runPacketFlowTests: each case becomes one `it`, checking output and masq. */
export function runPacketFlowTests(cluster: () => Cluster, tests: PacketFlowTest[]) {
  it.each(tests)("$name", (tc) => {
    expect(flow(cluster(), tc.sourceIP, tc.destIP, tc.destPort, tc.protocol ?? "TCP")).toEqual({
      output: tc.output,
      masq: tc.masq ?? false,
    });
  });
}

/** Builds a describe's cluster on first use and keeps it for its cases. */
export const once = <T>(make: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= make());
};
