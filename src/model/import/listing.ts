// A cluster read back with `kubectl get nodes,pods,services,endpointslices,deployments -A -o yaml`: a
// List of live objects rather than manifests to apply. It loads as the cluster it came from: what the
// listing leaves out is put back (ReplicaSets, ranges), what the controllers own is left to them
// (EndpointSlices), and kinds that do not route packets are counted, not reported one by one.
import { ENDPOINTSLICE_CONTROLLER } from "../controllers/endpointSlices";
import { MIRRORING_CONTROLLER } from "../controllers/endpointSliceMirroring";
import {
  type EndpointSlice,
  type KubeObject,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  type ReplicaSet,
} from "../k8s";
import { type InferredConfig, inferConfig } from "./inferConfig";
import { replicaSetsFromPods } from "./replicaSetsFromPods";

export interface Listing {
  /** ReplicaSets the listing's pods name, to create after the listed objects. */
  replicaSets: ReplicaSet[];
  /** Listed EndpointSlices their controller rebuilds from the pods: not created. */
  superseded: Set<KubeObject>;
  /** The cluster's ranges where the defaults would not hold the listed objects. */
  inferred: InferredConfig;
}

export function readListing(objects: readonly KubeObject[]): Listing {
  const byKey = new Map(objects.map((o) => [keyOf(o.kind, o.metadata.namespace, o.metadata.name), o]));
  const superseded = new Set<KubeObject>(objects.filter((o) => isControllersSlice(o, byKey)));
  return { replicaSets: replicaSetsFromPods(objects), superseded, inferred: inferConfig(objects) };
}

/**
 * Whether a listed EndpointSlice is one its controller keeps: the EndpointSlice controller's, for a
 * Service with a selector, or the mirroring controller's, for listed Endpoints. The controller would
 * rewrite it from the pods (or Endpoints) anyway, so the playground lets it.
 */
function isControllersSlice(o: KubeObject, byKey: Map<string, KubeObject>): o is EndpointSlice {
  if (o.kind !== "EndpointSlice") return false;
  const manager = o.metadata.labels?.[LABEL_MANAGED_BY];
  const service = o.metadata.labels?.[LABEL_SERVICE_NAME];
  if (!service) return false;
  const named = (kind: string) => byKey.get(keyOf(kind, o.metadata.namespace, service));
  if (manager === ENDPOINTSLICE_CONTROLLER) {
    const svc = named("Service");
    return svc?.kind === "Service" && !!svc.spec.selector && svc.spec.type !== "ExternalName";
  }
  return manager === MIRRORING_CONTROLLER && named("Endpoints") !== undefined;
}

const keyOf = (kind: string, ns: string | undefined, name: string) => `${kind}/${ns ?? "default"}/${name}`;

/** `ConfigMap ×12, DaemonSet ×3`: kinds read and left aside, most frequent first. */
export function countsText(counts: Map<string, number>): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, n]) => `${kind} ×${n}`)
    .join(", ");
}
