// Small valid objects that each test then breaks in one way.
import type { Deployment, EndpointSlice, Endpoints, Node, Pod } from "../k8s";

export const validPod = (): Pod => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web-1", namespace: "default", labels: { app: "web" } },
  spec: { containers: [{ name: "web", image: "nginx", ports: [{ name: "http", containerPort: 80 }] }] },
  status: {},
});

export const validNode = (): Node => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: "node-a" },
  spec: { podCIDR: "10.244.1.0/24" },
  status: {},
});

export const validEndpoints = (): Endpoints => ({
  apiVersion: "v1",
  kind: "Endpoints",
  metadata: { name: "db", namespace: "default" },
  subsets: [{ addresses: [{ ip: "10.1.2.3" }], ports: [{ port: 5432, protocol: "TCP" }] }],
});

export const validSlice = (): EndpointSlice => ({
  apiVersion: "discovery.k8s.io/v1",
  kind: "EndpointSlice",
  metadata: { name: "web-abc", namespace: "default", labels: { "kubernetes.io/service-name": "web" } },
  addressType: "IPv4",
  endpoints: [{ addresses: ["10.244.1.5"], conditions: { ready: true }, nodeName: "node-a" }],
  ports: [{ name: "http", port: 80, protocol: "TCP" }],
});

export const validDeployment = (): Deployment => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default" },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "web" } },
    template: {
      metadata: { labels: { app: "web" } },
      spec: { containers: [{ name: "web", image: "nginx" }] },
    },
  },
});
