// Ported from pkg/proxy/topology_test.go TestCategorizeEndpoints: every case, with the same
// endpoints, service-port flags and node zone. As in the Go test, an expected set left
// unset (null here) means "the service does not use this kind of endpoints" (none returned);
// allEndpoints defaults to whichever of cluster/local is set; hasAnyEndpoints is expected to
// be true when allEndpoints is non-empty or onlyRemoteEndpoints is set.
import { describe, expect, it } from "vitest";
import type { EndpointInfo } from "./endpoints";
import type { ServicePortInfo } from "./servicePort";
import { categorizeEndpoints } from "./topology";

const testNodeName = "test-node";

interface Ep {
  endpoint: string;
  zoneHints?: string[];
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
  isLocal?: boolean;
}

/** A BaseEndpointInfo literal: unset booleans are false, as in Go. */
function endpointInfo(e: Ep): EndpointInfo {
  const i = e.endpoint.lastIndexOf(":");
  return {
    ip: e.endpoint.slice(0, i),
    port: Number(e.endpoint.slice(i + 1)),
    str: e.endpoint,
    isLocal: e.isLocal ?? false,
    ready: e.ready ?? false,
    serving: e.serving ?? false,
    terminating: e.terminating ?? false,
    zoneHints: e.zoneHints ? new Set(e.zoneHints) : null,
    nodeHints: null,
    nodeName: e.isLocal ? testNodeName : null,
    pod: null,
  };
}

/** A BaseServicePortInfo literal: only the fields CategorizeEndpoints reads. */
function servicePort(p: { internalPolicyLocal?: boolean; externalPolicyLocal?: boolean; nodePort?: number }) {
  return {
    name: "ns/svc",
    namespace: "ns",
    serviceName: "svc",
    portName: "",
    protocol: "TCP",
    clusterIP: "172.30.0.1",
    port: 80,
    nodePort: p.nodePort ?? 0,
    externalIPs: [],
    loadBalancerVIPs: [],
    loadBalancerSourceRanges: [],
    healthCheckNodePort: 0,
    externalPolicyLocal: p.externalPolicyLocal ?? false,
    internalPolicyLocal: p.internalPolicyLocal ?? false,
    stickyMaxAgeSeconds: null,
    clusterPolicyChain: "",
    localPolicyChain: "",
    firewallChain: "",
    externalChain: "",
  } satisfies ServicePortInfo;
}

interface Case {
  name: string;
  zone?: string;
  serviceInfo: Parameters<typeof servicePort>[0];
  endpoints: Ep[];
  clusterEndpoints: string[] | null;
  localEndpoints: string[] | null;
  allEndpoints?: string[];
  onlyRemoteEndpoints?: boolean;
}

const hinted = (zoneA: string, ...rest: Ep[]): Ep[] => [
  { endpoint: "10.1.2.3:80", zoneHints: [zoneA], ready: true },
  ...rest,
];

const cases: Case[] = [
  {
    name: "should use topology since all endpoints have hints, node has a zone label and and there are endpoints for the node's zone",
    zone: "zone-a",
    serviceInfo: {},
    endpoints: [
      { endpoint: "10.1.2.3:80", zoneHints: ["zone-a"], ready: true },
      { endpoint: "10.1.2.4:80", zoneHints: ["zone-b"], ready: true },
      { endpoint: "10.1.2.5:80", zoneHints: ["zone-c"], ready: true },
      { endpoint: "10.1.2.6:80", zoneHints: ["zone-a"], ready: true },
    ],
    clusterEndpoints: ["10.1.2.3:80", "10.1.2.6:80"],
    localEndpoints: null,
  },
  {
    name: "externalTrafficPolicy: Local, topology ignored for Local endpoints",
    zone: "zone-a",
    serviceInfo: { externalPolicyLocal: true, nodePort: 8080 },
    endpoints: [
      { endpoint: "10.1.2.3:80", zoneHints: ["zone-a"], ready: true, isLocal: true },
      { endpoint: "10.1.2.4:80", zoneHints: ["zone-b"], ready: true, isLocal: true },
      { endpoint: "10.1.2.5:80", zoneHints: ["zone-c"], ready: true },
      { endpoint: "10.1.2.6:80", zoneHints: ["zone-a"], ready: true },
    ],
    clusterEndpoints: ["10.1.2.3:80", "10.1.2.6:80"],
    localEndpoints: ["10.1.2.3:80", "10.1.2.4:80"],
    allEndpoints: ["10.1.2.3:80", "10.1.2.4:80", "10.1.2.6:80"],
  },
  {
    name: "internalTrafficPolicy: Local, topology ignored for Local endpoints",
    zone: "zone-a",
    serviceInfo: { internalPolicyLocal: true, externalPolicyLocal: false, nodePort: 8080 },
    endpoints: [
      { endpoint: "10.1.2.3:80", zoneHints: ["zone-a"], ready: true, isLocal: true },
      { endpoint: "10.1.2.4:80", zoneHints: ["zone-b"], ready: true, isLocal: true },
      { endpoint: "10.1.2.5:80", zoneHints: ["zone-c"], ready: true },
      { endpoint: "10.1.2.6:80", zoneHints: ["zone-a"], ready: true },
    ],
    clusterEndpoints: ["10.1.2.3:80", "10.1.2.6:80"],
    localEndpoints: ["10.1.2.3:80", "10.1.2.4:80"],
    allEndpoints: ["10.1.2.3:80", "10.1.2.4:80", "10.1.2.6:80"],
  },
  {
    name: "empty node labels",
    serviceInfo: {},
    endpoints: hinted("zone-a"),
    clusterEndpoints: ["10.1.2.3:80"],
    localEndpoints: null,
  },
  {
    name: "empty zone label",
    zone: "",
    serviceInfo: {},
    endpoints: hinted("zone-a"),
    clusterEndpoints: ["10.1.2.3:80"],
    localEndpoints: null,
  },
  {
    name: "node in different zone, no endpoint filtering",
    zone: "zone-b",
    serviceInfo: {},
    endpoints: hinted("zone-a"),
    clusterEndpoints: ["10.1.2.3:80"],
    localEndpoints: null,
  },
  {
    name: "unready endpoint",
    zone: "zone-a",
    serviceInfo: {},
    endpoints: [
      { endpoint: "10.1.2.3:80", zoneHints: ["zone-a"], ready: true },
      { endpoint: "10.1.2.4:80", zoneHints: ["zone-b"], ready: true },
      { endpoint: "10.1.2.5:80", zoneHints: ["zone-c"], ready: true },
      { endpoint: "10.1.2.6:80", zoneHints: ["zone-a"], ready: false },
    ],
    clusterEndpoints: ["10.1.2.3:80"],
    localEndpoints: null,
  },
  {
    name: "only unready endpoints in same zone (should not filter)",
    zone: "zone-a",
    serviceInfo: {},
    endpoints: [
      { endpoint: "10.1.2.3:80", zoneHints: ["zone-a"], ready: false },
      { endpoint: "10.1.2.4:80", zoneHints: ["zone-b"], ready: true },
      { endpoint: "10.1.2.5:80", zoneHints: ["zone-c"], ready: true },
      { endpoint: "10.1.2.6:80", zoneHints: ["zone-a"], ready: false },
    ],
    clusterEndpoints: ["10.1.2.4:80", "10.1.2.5:80"],
    localEndpoints: null,
  },
  {
    name: "missing hints, no filtering applied",
    zone: "zone-a",
    serviceInfo: {},
    endpoints: [
      { endpoint: "10.1.2.3:80", zoneHints: ["zone-a"], ready: true },
      { endpoint: "10.1.2.4:80", zoneHints: ["zone-b"], ready: true },
      { endpoint: "10.1.2.5:80", ready: true },
      { endpoint: "10.1.2.6:80", zoneHints: ["zone-a"], ready: true },
    ],
    clusterEndpoints: ["10.1.2.3:80", "10.1.2.4:80", "10.1.2.5:80", "10.1.2.6:80"],
    localEndpoints: null,
  },
  {
    name: "multiple hints per endpoint, filtering includes any endpoint with zone included",
    zone: "zone-c",
    serviceInfo: {},
    endpoints: [
      { endpoint: "10.1.2.3:80", zoneHints: ["zone-a", "zone-b", "zone-c"], ready: true },
      { endpoint: "10.1.2.4:80", zoneHints: ["zone-b", "zone-c"], ready: true },
      { endpoint: "10.1.2.5:80", zoneHints: ["zone-b", "zone-d"], ready: true },
      { endpoint: "10.1.2.6:80", zoneHints: ["zone-c"], ready: true },
    ],
    clusterEndpoints: ["10.1.2.3:80", "10.1.2.4:80", "10.1.2.6:80"],
    localEndpoints: null,
  },
  {
    name: "conflicting topology and localness require merging allEndpoints",
    zone: "zone-a",
    serviceInfo: { internalPolicyLocal: false, externalPolicyLocal: true, nodePort: 8080 },
    endpoints: [
      { endpoint: "10.0.0.0:80", zoneHints: ["zone-a"], ready: true, isLocal: true },
      { endpoint: "10.0.0.1:80", zoneHints: ["zone-b"], ready: true, isLocal: true },
      { endpoint: "10.0.0.2:80", zoneHints: ["zone-a"], ready: true, isLocal: false },
      { endpoint: "10.0.0.3:80", zoneHints: ["zone-b"], ready: true, isLocal: false },
    ],
    clusterEndpoints: ["10.0.0.0:80", "10.0.0.2:80"],
    localEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
    allEndpoints: ["10.0.0.0:80", "10.0.0.1:80", "10.0.0.2:80"],
  },
  {
    name: "internalTrafficPolicy: Local, with empty endpoints",
    serviceInfo: { internalPolicyLocal: true },
    endpoints: [],
    clusterEndpoints: null,
    localEndpoints: [],
  },
  {
    name: "internalTrafficPolicy: Local, but all endpoints are remote",
    serviceInfo: { internalPolicyLocal: true },
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: true, isLocal: false },
      { endpoint: "10.0.0.1:80", ready: true, isLocal: false },
    ],
    clusterEndpoints: null,
    localEndpoints: [],
    onlyRemoteEndpoints: true,
  },
  {
    name: "internalTrafficPolicy: Local, all endpoints are local",
    serviceInfo: { internalPolicyLocal: true },
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: true, isLocal: true },
      { endpoint: "10.0.0.1:80", ready: true, isLocal: true },
    ],
    clusterEndpoints: null,
    localEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
  },
  {
    name: "internalTrafficPolicy: Local, some endpoints are local",
    serviceInfo: { internalPolicyLocal: true },
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: true, isLocal: true },
      { endpoint: "10.0.0.1:80", ready: true, isLocal: false },
    ],
    clusterEndpoints: null,
    localEndpoints: ["10.0.0.0:80"],
  },
  {
    name: "Cluster traffic policy, endpoints not Ready",
    serviceInfo: {},
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: false },
      { endpoint: "10.0.0.1:80", ready: false },
    ],
    clusterEndpoints: [],
    localEndpoints: null,
  },
  {
    name: "Cluster traffic policy, some endpoints are Ready",
    serviceInfo: {},
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: false },
      { endpoint: "10.0.0.1:80", ready: true },
    ],
    clusterEndpoints: ["10.0.0.1:80"],
    localEndpoints: null,
  },
  {
    name: "Cluster traffic policy, all endpoints are terminating",
    serviceInfo: {},
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: false, serving: true, terminating: true, isLocal: true },
      { endpoint: "10.0.0.1:80", ready: false, serving: true, terminating: true, isLocal: false },
    ],
    clusterEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
    localEndpoints: null,
  },
  {
    name: "iTP: Local, eTP: Cluster, some endpoints local",
    serviceInfo: { internalPolicyLocal: true, externalPolicyLocal: false, nodePort: 8080 },
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: true, isLocal: true },
      { endpoint: "10.0.0.1:80", ready: true, isLocal: false },
    ],
    clusterEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
    localEndpoints: ["10.0.0.0:80"],
    allEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
  },
  {
    name: "iTP: Cluster, eTP: Local, some endpoints local",
    serviceInfo: { internalPolicyLocal: false, externalPolicyLocal: true, nodePort: 8080 },
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: true, isLocal: true },
      { endpoint: "10.0.0.1:80", ready: true, isLocal: false },
    ],
    clusterEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
    localEndpoints: ["10.0.0.0:80"],
    allEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
  },
  {
    name: "iTP: Local, eTP: Local, some endpoints local",
    serviceInfo: { internalPolicyLocal: true, externalPolicyLocal: true, nodePort: 8080 },
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: true, isLocal: true },
      { endpoint: "10.0.0.1:80", ready: true, isLocal: false },
    ],
    clusterEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
    localEndpoints: ["10.0.0.0:80"],
    allEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
  },
  {
    name: "iTP: Local, eTP: Local, all endpoints remote",
    serviceInfo: { internalPolicyLocal: true, externalPolicyLocal: true, nodePort: 8080 },
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: true, isLocal: false },
      { endpoint: "10.0.0.1:80", ready: true, isLocal: false },
    ],
    clusterEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
    localEndpoints: [],
    allEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
  },
  {
    name: "iTP: Local, eTP: Local, all endpoints remote and terminating",
    serviceInfo: { internalPolicyLocal: true, externalPolicyLocal: true, nodePort: 8080 },
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: false, serving: true, terminating: true, isLocal: false },
      { endpoint: "10.0.0.1:80", ready: false, serving: true, terminating: true, isLocal: false },
    ],
    clusterEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
    localEndpoints: [],
    allEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
    onlyRemoteEndpoints: true,
  },
  {
    name: "iTP: Cluster, eTP: Local, with terminating endpoints",
    serviceInfo: { internalPolicyLocal: false, externalPolicyLocal: true, nodePort: 8080 },
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: true, isLocal: false },
      { endpoint: "10.0.0.1:80", ready: false, serving: false, isLocal: true },
      { endpoint: "10.0.0.2:80", ready: false, serving: true, terminating: true, isLocal: true },
      { endpoint: "10.0.0.3:80", ready: false, serving: true, terminating: true, isLocal: false },
    ],
    clusterEndpoints: ["10.0.0.0:80"],
    localEndpoints: ["10.0.0.2:80"],
    allEndpoints: ["10.0.0.0:80", "10.0.0.2:80"],
  },
  {
    name: "externalTrafficPolicy ignored if not externally accessible",
    serviceInfo: { externalPolicyLocal: true },
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: true, isLocal: false },
      { endpoint: "10.0.0.1:80", ready: true, isLocal: true },
    ],
    clusterEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
    localEndpoints: null,
    allEndpoints: ["10.0.0.0:80", "10.0.0.1:80"],
  },
  {
    name: "no cluster endpoints for iTP:Local internal-only service",
    serviceInfo: { internalPolicyLocal: true },
    endpoints: [
      { endpoint: "10.0.0.0:80", ready: true, isLocal: false },
      { endpoint: "10.0.0.1:80", ready: true, isLocal: true },
    ],
    clusterEndpoints: null,
    localEndpoints: ["10.0.0.1:80"],
    allEndpoints: ["10.0.0.1:80"],
  },
];

const strs = (eps: EndpointInfo[]) => eps.map((e) => e.str).sort();
const sorted = (s: string[]) => [...s].sort();

describe("TestCategorizeEndpoints", () => {
  it.each(cases)("$name", (tc) => {
    const got = categorizeEndpoints(
      tc.endpoints.map(endpointInfo),
      servicePort(tc.serviceInfo),
      testNodeName,
      tc.zone ?? "",
    );
    expect(strs(got.clusterEndpoints)).toEqual(sorted(tc.clusterEndpoints ?? []));
    expect(strs(got.localEndpoints)).toEqual(sorted(tc.localEndpoints ?? []));
    const expectedAll =
      tc.clusterEndpoints !== null && tc.localEndpoints === null
        ? tc.clusterEndpoints
        : tc.localEndpoints !== null && tc.clusterEndpoints === null
          ? tc.localEndpoints
          : (tc.allEndpoints ?? []);
    expect(strs(got.allReachableEndpoints)).toEqual(sorted(expectedAll));
    expect(got.hasAnyEndpoints).toBe(expectedAll.length > 0 || (tc.onlyRemoteEndpoints ?? false));
  });
});
