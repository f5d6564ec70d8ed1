// Small builders for test clusters, standing in for the loader: objects are "created" in the order
// given, and default/kubernetes exists first as in a real cluster.
import { objectKey, type Cluster } from "../cluster";
import { defaultClusterConfig, type ClusterConfig } from "../clusterConfig";
import {
  LABEL_SERVICE_NAME,
  type EndpointSlice,
  type KubeObject,
  type Node,
  type Pod,
  type PodSpec,
  type Service,
  type ServiceSpec,
  type SliceEndpoint,
} from "../k8s";

export function service(ns: string, name: string, spec: ServiceSpec): Service {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns }, spec, status: {} };
}

/** default/kubernetes as the API server makes it (docs/cli.md): the first service address, 443 "https". */
const masterService = (clusterIP = "10.96.0.1"): Service =>
  service("default", "kubernetes", {
    type: "ClusterIP",
    clusterIP,
    clusterIPs: [clusterIP],
    ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
  });

export function pod(ns: string, name: string, spec: Partial<PodSpec> = {}, podIP = "10.244.1.5"): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: ns },
    spec: { nodeName: "node-1", containers: [{ name: "app" }], ...spec },
    status: { phase: "Running", podIP, podIPs: [{ ip: podIP }] },
  };
}

export function node(name: string, internalIP: string): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name },
    spec: {},
    status: { addresses: [{ type: "InternalIP", address: internalIP }] },
  };
}

export function slice(
  svc: Service,
  endpoints: SliceEndpoint[],
  ports: EndpointSlice["ports"] = [],
  suffix = "abcde",
): EndpointSlice {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: {
      name: `${svc.metadata.name}-${suffix}`,
      namespace: svc.metadata.namespace ?? "default",
      labels: { [LABEL_SERVICE_NAME]: svc.metadata.name },
    },
    addressType: "IPv4",
    endpoints,
    ports,
  };
}

/** A ready endpoint backed by a pod, as the EndpointSlice controller writes it. */
export const endpoint = (ip: string, extra: Partial<SliceEndpoint> = {}): SliceEndpoint => ({
  addresses: [ip],
  conditions: { ready: true, serving: true, terminating: false },
  ...extra,
});

export function makeCluster(
  objects: KubeObject[],
  opts: { config?: Partial<ClusterConfig>; withMasterService?: boolean } = {},
): Cluster {
  const all = opts.withMasterService === false ? objects : [masterService(), ...objects];
  const cluster: Cluster = {
    config: { ...defaultClusterConfig(), ...opts.config },
    nodes: [],
    pods: [],
    deployments: [],
    replicaSets: [],
    services: [],
    endpoints: [],
    endpointSlices: [],
    created: new Map(),
    sources: new Map(),
  };
  all.forEach((o, i) => {
    cluster.created.set(objectKey(o), i);
    switch (o.kind) {
      case "Node":
        cluster.nodes.push(o);
        break;
      case "Pod":
        cluster.pods.push(o);
        break;
      case "Service":
        cluster.services.push(o);
        break;
      case "EndpointSlice":
        cluster.endpointSlices.push(o);
        break;
      case "Endpoints":
        cluster.endpoints.push(o);
        break;
      case "Deployment":
        cluster.deployments.push(o);
        break;
      case "ReplicaSet":
        cluster.replicaSets.push(o);
        break;
    }
  });
  return cluster;
}
