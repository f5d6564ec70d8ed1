// A small cluster summary for the graph's tests.
import type { ClusterSummary, PodSummary } from "../protocol/messages";

export function pod(name: string, node: string, extra: Partial<PodSummary> = {}): PodSummary {
  return {
    name: `default/${name}`,
    node,
    ip: "10.244.0.1",
    labels: { app: "web" },
    phase: "Running",
    ready: true,
    terminating: false,
    owner: "default/web",
    ...extra,
  };
}

export function testCluster(nodes = 3, lb = false): ClusterSummary {
  const names = Array.from({ length: nodes }, (_, i) => `node-${i + 1}`);
  return {
    nodes: names.map((name, i) => ({ name, ip: `192.168.1.${i + 2}`, zone: null, podCIDR: null })),
    pods: names.slice(1).map((n, i) => pod(`web-7bcfd56d5b-abc${i}x`, n)),
    services: [
      {
        name: "default/kubernetes",
        type: "ClusterIP",
        clusterIP: "10.96.0.1",
        ports: [{ name: "https", protocol: "TCP", port: 443, nodePort: null }],
        externalTrafficPolicy: null,
        internalTrafficPolicy: "Cluster",
        sessionAffinity: "None",
        selector: null,
        externalName: null,
        loadBalancerIPs: [],
      },
      {
        name: "default/web",
        type: lb ? "LoadBalancer" : "NodePort",
        clusterIP: "10.96.0.12",
        ports: [{ name: "http", protocol: "TCP", port: 80, nodePort: 30080 }],
        externalTrafficPolicy: "Cluster",
        internalTrafficPolicy: "Cluster",
        sessionAffinity: "None",
        selector: { app: "web" },
        externalName: null,
        loadBalancerIPs: lb ? ["203.0.113.1"] : [],
      },
    ],
    clients: [{ name: "laptop", ip: "192.168.1.10" }],
  };
}
