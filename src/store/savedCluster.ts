// The cluster summary autosave keeps to draw at once on a reload, checked to its last field before the
// graph may draw it: the saved copy is the one part of the page's input that did not come from the worker.
import type { ClusterSummary, NodeSummary, PodSummary, ServiceSummary } from "../protocol/messages";

/** More objects than this in one list and the cache is not worth its check: the worker answers anyway. */
export const SAVED_CLUSTER_LIST_LIMIT = 5_000;
/** Kubernetes names and label values are far shorter; this only keeps absurd strings out. */
const STRING_LIMIT = 1_024;
const MAP_LIMIT = 256;

type Check = (v: unknown) => boolean;

const str: Check = (v) => typeof v === "string" && v.length <= STRING_LIMIT;
const bool: Check = (v) => typeof v === "boolean";
const port: Check = (v) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 65_535;
const orNull =
  (c: Check): Check =>
  (v) =>
    v === null || c(v);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const list =
  (item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.length <= SAVED_CLUSTER_LIST_LIMIT && v.every(item);

/** A label map or selector: string to string. */
const stringMap: Check = (v) => {
  if (!isRecord(v)) return false;
  const entries = Object.entries(v);
  return entries.length <= MAP_LIMIT && entries.every(([k, x]) => str(k) && str(x));
};

/** An object with exactly these fields, each passing its check. */
function shape<T>(fields: { [K in keyof T]-?: Check }): Check {
  const names = Object.keys(fields) as (keyof T & string)[];
  return (v) => isRecord(v) && names.every((n) => fields[n](v[n]));
}

const node = shape<NodeSummary>({ name: str, ip: str, zone: orNull(str), podCIDR: orNull(str) });
const pod = shape<PodSummary>({
  name: str,
  node: orNull(str),
  ip: orNull(str),
  labels: stringMap,
  phase: str,
  ready: bool,
  terminating: bool,
  owner: orNull(str),
});
const servicePort = shape<ServiceSummary["ports"][number]>({
  name: orNull(str),
  protocol: str,
  port,
  nodePort: orNull(port),
});
const service = shape<ServiceSummary>({
  name: str,
  type: str,
  clusterIP: orNull(str),
  ports: list(servicePort),
  externalTrafficPolicy: orNull(str),
  internalTrafficPolicy: orNull(str),
  sessionAffinity: str,
  selector: orNull(stringMap),
  externalName: orNull(str),
  loadBalancerIPs: list(str),
  loadBalancerMode: (v) => v === undefined || v === null || v === "NodePort" || v === "VIP" || v === "Proxy",
});
const client = shape<ClusterSummary["clients"][number]>({ name: str, ip: str });
const summary = shape<ClusterSummary>({
  nodes: list(node),
  pods: list(pod),
  services: list(service),
  clients: list(client),
});

/** Whether `v` is a cluster summary the graph can draw, every field of the expected type and size. */
export const checkClusterSummary = (v: unknown): v is ClusterSummary => summary(v);
