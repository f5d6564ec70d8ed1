// Services and EndpointSlices the iptables and nftables proxier tests share (pkg/proxy/iptables and
// pkg/proxy/nftables proxier_test.go): TestOverallIPTablesRules / TestOverallNFTablesRules, and
// TestClusterIPGeneral.
import type { EndpointSlice, Service } from "../../model/k8s";
import { makeTestEndpointSlice, makeTestService, testNodeName } from "./testCluster";

const port80 = [{ name: "p80", port: 80, protocol: "TCP" as const }];

export const overallServices = (): Service[] => [
  makeTestService("ns1", "svc1", (svc) => {
    svc.spec.clusterIP = "172.30.0.41";
    svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP" }];
  }),
  makeTestService("ns2", "svc2", (svc) => {
    svc.spec.type = "LoadBalancer";
    svc.spec.externalTrafficPolicy = "Local";
    svc.spec.clusterIP = "172.30.0.42";
    svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
    svc.status.loadBalancer = { ingress: [{ ip: "1.2.3.4" }] };
    svc.spec.externalIPs = ["192.168.99.22"];
    svc.spec.healthCheckNodePort = 30000;
  }),
  makeTestService("ns3", "svc3", (svc) => {
    svc.spec.type = "NodePort";
    svc.spec.clusterIP = "172.30.0.43";
    svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3003 }];
  }),
  makeTestService("ns4", "svc4", (svc) => {
    svc.spec.type = "NodePort";
    svc.spec.clusterIP = "172.30.0.44";
    svc.spec.externalIPs = ["192.168.99.33"];
    svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", targetPort: 80 }];
  }),
  makeTestService("ns5", "svc5", (svc) => {
    svc.spec.type = "LoadBalancer";
    svc.spec.externalTrafficPolicy = "Cluster";
    svc.spec.clusterIP = "172.30.0.45";
    svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3002 }];
    svc.status.loadBalancer = { ingress: [{ ip: "5.6.7.8" }] };
    svc.spec.healthCheckNodePort = 30000;
    svc.spec.loadBalancerSourceRanges = [" 203.0.113.0/25"];
    svc.spec.sessionAffinity = "ClientIP";
    svc.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }),
  makeTestService("ns6", "svc6", (svc) => {
    svc.spec.clusterIP = "172.30.0.46";
    svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", targetPort: 80 }];
  }),
];

export const overallEndpointSlices = (): EndpointSlice[] => [
  makeTestEndpointSlice("ns1", "svc1", 1, (eps) => {
    eps.endpoints = [{ addresses: ["10.180.0.1"] }];
    eps.ports = port80;
  }),
  // No nodeName: this endpoint is not local, so eTP Local has no local endpoints.
  makeTestEndpointSlice("ns2", "svc2", 1, (eps) => {
    eps.endpoints = [{ addresses: ["10.180.0.2"] }];
    eps.ports = port80;
  }),
  makeTestEndpointSlice("ns3", "svc3", 1, (eps) => {
    eps.endpoints = [{ addresses: ["10.180.0.3"] }];
    eps.ports = port80;
  }),
  makeTestEndpointSlice("ns4", "svc4", 1, (eps) => {
    eps.endpoints = [{ addresses: ["10.180.0.4"] }, { addresses: ["10.180.0.5"], nodeName: testNodeName }];
    eps.ports = port80;
  }),
  makeTestEndpointSlice("ns5", "svc5", 1, (eps) => {
    eps.endpoints = [{ addresses: ["10.180.0.3"] }];
    eps.ports = port80;
  }),
];

/** TestClusterIPGeneral's Services: one port on svc1; TCP, UDP and SCTP ports, one with a targetPort, on svc2. */
export const clusterIPGeneralServices = (): Service[] => [
  makeTestService("ns1", "svc1", (svc) => {
    svc.spec.clusterIP = "172.30.0.41";
    svc.spec.ports = [{ name: "http", port: 80, protocol: "TCP" }];
  }),
  makeTestService("ns2", "svc2", (svc) => {
    svc.spec.clusterIP = "172.30.0.42";
    svc.spec.ports = [
      { name: "http", port: 80, protocol: "TCP" },
      { name: "https", port: 443, protocol: "TCP", targetPort: 8443 },
      { name: "dns-udp", port: 53, protocol: "UDP" },
      { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 5353 },
      { name: "dns-sctp", port: 53, protocol: "SCTP" },
    ];
  }),
];

/** TestClusterIPGeneral's endpoints: one local for svc1; a local and a remote one for svc2. */
export const clusterIPGeneralEndpointSlices = (): EndpointSlice[] => [
  makeTestEndpointSlice("ns1", "svc1", 1, (eps) => {
    eps.endpoints = [{ addresses: ["10.180.0.1"], nodeName: testNodeName }];
    eps.ports = [{ name: "http", port: 80, protocol: "TCP" }];
  }),
  makeTestEndpointSlice("ns2", "svc2", 1, (eps) => {
    eps.endpoints = [
      { addresses: ["10.180.0.1"], nodeName: testNodeName },
      { addresses: ["10.180.2.1"], nodeName: "node2" },
    ];
    eps.ports = [
      { name: "http", port: 80, protocol: "TCP" },
      { name: "https", port: 8443, protocol: "TCP" },
      { name: "dns-udp", port: 53, protocol: "UDP" },
      { name: "dns-tcp", port: 5353, protocol: "TCP" },
      { name: "dns-sctp", port: 53, protocol: "SCTP" },
    ];
  }),
];
