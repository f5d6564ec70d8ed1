// The cluster as the API server and the controllers leave it once every manifest has been applied:
// defaulted, allocated and validated objects, plus what the controllers made of them.
import type { ApiServer } from "./apiserver/apiServer";
import type { ClusterConfig } from "./clusterConfig";
import { objectName } from "./decode/kinds";
import type { Diagnostic } from "./diagnostics";
import type { Deployment, EndpointSlice, Endpoints, KubeObject, Node, Pod, ReplicaSet, Service } from "./k8s";
import type { Position } from "./yamlSource";

export interface Cluster {
  config: ClusterConfig;
  nodes: Node[];
  pods: Pod[];
  deployments: Deployment[];
  replicaSets: ReplicaSet[];
  services: Service[];
  /** v1 Endpoints as given (selector-less Services); the mirroring controller copies them to slices. */
  endpoints: Endpoints[];
  /** Every EndpointSlice: the controller's, the mirroring controller's and hand-made ones. */
  endpointSlices: EndpointSlice[];
  /** Creation order of every stored object, by objectKey: the API server's creationTimestamp order. */
  created: Map<string, number>;
  /** Where each object came from, for diagnostics found after loading (by objectKey). */
  sources: Map<string, ObjectSource>;
}

export interface ObjectSource {
  file: string;
  locate: (path: string) => Position;
}

export interface LoadResult {
  cluster: Cluster;
  diagnostics: Diagnostic[];
  /** The API server the cluster was loaded into, for callers that go on changing it (the simulation). */
  api: ApiServer;
}

/** `Kind/namespace/name`, or `Kind/name` for cluster-scoped kinds: how diagnostics name objects. */
export const objectKey = (o: Pick<KubeObject, "kind" | "metadata">): string =>
  objectName(o.kind, o.metadata.namespace, o.metadata.name);

export const nsName = (o: { metadata: { namespace?: string; name: string } }): string =>
  `${o.metadata.namespace ?? "default"}/${o.metadata.name}`;

/**
 * Whether a existed before b, for kubelet's service environment variables: by creationTimestamp when
 * both objects give one, by creation (file) order otherwise.
 */
export function createdBefore(cluster: Cluster, a: KubeObject, b: KubeObject): boolean {
  const ta = Date.parse(a.metadata.creationTimestamp ?? "");
  const tb = Date.parse(b.metadata.creationTimestamp ?? "");
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta < tb;
  // An object the cluster always has (no recorded creation) counts as oldest, as the first argument,
  // and as newest, as the second.
  const ia = cluster.created.get(objectKey(a)) ?? -Infinity;
  const ib = cluster.created.get(objectKey(b)) ?? Infinity;
  return ia < ib;
}
