import { describe, expect, it } from "vitest";
import { enT } from "../../i18n/english.test-util";
import type { ClusterSummary } from "../../protocol/messages";
import { defaultTarget, trafficSources, trafficTargets } from "./targets";

const cluster: ClusterSummary = {
  nodes: [
    { name: "node-1", ip: "192.168.1.2", zone: null, podCIDR: null },
    { name: "node-2", ip: "192.168.1.3", zone: null, podCIDR: null },
  ],
  pods: [
    {
      name: "default/web-1",
      node: "node-2",
      ip: "10.244.1.2",
      labels: {},
      phase: "Running",
      ready: true,
      terminating: false,
      owner: null,
    },
  ],
  services: [
    {
      name: "default/web",
      type: "LoadBalancer",
      clusterIP: "10.96.0.20",
      ports: [{ name: "http", protocol: "TCP", port: 80, nodePort: 30080 }],
      externalTrafficPolicy: "Cluster",
      internalTrafficPolicy: "Cluster",
      sessionAffinity: "None",
      selector: { app: "web" },
      externalName: null,
      loadBalancerIPs: ["203.0.113.5"],
    },
  ],
  clients: [{ name: "laptop", ip: "192.168.1.10" }],
};

describe("traffic choices", () => {
  it("offers clients, pods and nodes as sources", () => {
    expect(trafficSources(cluster).map((c) => c.value)).toEqual([
      "client:laptop",
      "pod:default/web-1",
      "node:node-1",
      "node:node-2",
    ]);
  });
  it("offers every NodePort, LB IP, ClusterIP and DNS name as targets", () => {
    expect(trafficTargets(cluster, enT).map((c) => c.value)).toEqual([
      "192.168.1.2:30080",
      "192.168.1.3:30080",
      "203.0.113.5:80",
      "10.96.0.20:80",
      "web.default:80",
    ]);
  });
  it("names each target by its Service and how it is reached", () => {
    expect(trafficTargets(cluster, enT).map((c) => c.label)).toEqual([
      "web NodePort on node-1",
      "web NodePort on node-2",
      "web load balancer",
      "web ClusterIP",
      "web by DNS name",
    ]);
  });
  it("starts on a NodePort of a node that runs a pod", () => {
    expect([defaultTarget(cluster), defaultTarget(null), trafficTargets(null, enT)]).toEqual([
      "192.168.1.3:30080",
      "",
      [],
    ]);
  });
  it("leaves the cluster's own CoreDNS out of the sources, the targets and the first target's node", () => {
    const coreDns = { ...cluster.pods[0]!, name: "kube-system/coredns-1", node: "node-1", ip: "10.244.0.2" };
    const kubeDns = {
      ...cluster.services[0]!,
      name: "kube-system/kube-dns",
      type: "ClusterIP",
      clusterIP: "10.96.0.10",
    };
    const withDns = {
      ...cluster,
      pods: [coreDns, ...cluster.pods],
      services: [...cluster.services, kubeDns],
    };
    expect(trafficSources(withDns).map((c) => c.value)).toEqual(trafficSources(cluster).map((c) => c.value));
    expect(trafficTargets(withDns, enT)).toEqual(trafficTargets(cluster, enT));
    expect(defaultTarget(withDns)).toBe("192.168.1.3:30080");
  });
});
