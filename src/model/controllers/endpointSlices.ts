// The EndpointSlice controller (pkg/controller/endpointslice, staging/src/k8s.io/endpointslice):
// for each Service with a selector, one endpoint per selected pod that has an IP, grouped into slices
// by the set of ports the pod resolves (a named targetPort may differ per pod, or be missing), at most
// 100 endpoints a slice. Conditions follow utils.go: serving = pod Ready, terminating = being deleted,
// ready = serving and not terminating (or publishNotReadyAddresses).
import type { Cluster } from "../cluster";
import { isPodReady } from "../conditions";
import { parseIP } from "../ip";
import {
  type EndpointSlice,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  LABEL_ZONE,
  type Node,
  type Pod,
  type Service,
  type SliceEndpoint,
} from "../k8s";
import { findPort } from "./findPort";
import { nameSuffix } from "./names";
import { matchesMap } from "./selector";

export const ENDPOINTSLICE_CONTROLLER = "endpointslice-controller.k8s.io";
const MAX_ENDPOINTS_PER_SLICE = 100;

/** endpointsliceutil.ShouldPodBeInEndpoints with terminating pods included (always, since 1.26). */
function shouldPodBeInEndpoints(pod: Pod): boolean {
  if (!pod.status.podIP) return false;
  return pod.status.phase !== "Failed" && pod.status.phase !== "Succeeded";
}

type SlicePort = NonNullable<EndpointSlice["ports"]>[number];

type AddressType = "IPv4" | "IPv6";

/**
 * getAddressTypesForService (endpointslice utils.go): one set of slices per family of the Service's
 * ipFamilies; without them, the family of its ClusterIP; a headless one without families gets both.
 */
function addressTypesOf(service: Service): AddressType[] {
  const families = (service.spec.ipFamilies ?? []).filter(
    (f): f is AddressType => f === "IPv4" || f === "IPv6",
  );
  if (families.length) return [...new Set(families)];
  const ip = service.spec.clusterIP;
  if (ip && ip !== "None") return [parseIP(ip)?.family === 6 ? "IPv6" : "IPv4"];
  return ["IPv4", "IPv6"];
}

function reconcileServiceSlices(
  service: Service,
  pods: Pod[],
  nodes: Node[],
  taken: (name: string) => boolean,
): EndpointSlice[] {
  const slices: EndpointSlice[] = [];
  for (const family of addressTypesOf(service))
    slices.push(
      ...familySlices(
        service,
        family,
        pods,
        nodes,
        (name) => taken(name) || slices.some((x) => x.metadata.name === name),
      ),
    );
  return slices;
}

/** The slices of one address type: the pods' addresses of that family (pod.status.podIPs). */
function familySlices(
  service: Service,
  family: AddressType,
  pods: Pod[],
  nodes: Node[],
  taken: (name: string) => boolean,
): EndpointSlice[] {
  const ns = service.metadata.namespace ?? "default";
  const zoneOf = new Map(nodes.map((n) => [n.metadata.name, n.metadata.labels?.[LABEL_ZONE]]));
  const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
  for (const pod of pods) {
    if (pod.metadata.namespace !== ns || !matchesMap(service.spec.selector ?? {}, pod.metadata.labels))
      continue;
    if (!shouldPodBeInEndpoints(pod)) continue;
    const ip = [pod.status.podIP!, ...(pod.status.podIPs ?? []).map((p) => p.ip)].find(
      (a) => (parseIP(a)?.family === 6 ? "IPv6" : "IPv4") === family,
    );
    if (!ip) continue;
    const ports: SlicePort[] = [];
    for (const sp of service.spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === null) continue;
      ports.push({
        name: sp.name ?? "",
        port,
        protocol: sp.protocol ?? "TCP",
        ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}),
      });
    }
    const serving = isPodReady(pod);
    const terminating = !!pod.metadata.deletionTimestamp;
    const zone = pod.spec.nodeName ? zoneOf.get(pod.spec.nodeName) : undefined;
    const ep: SliceEndpoint = {
      addresses: [ip],
      conditions: {
        ready: !!service.spec.publishNotReadyAddresses || (serving && !terminating),
        serving,
        terminating,
      },
      ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      ...(zone ? { zone } : {}),
      targetRef: { kind: "Pod", namespace: ns, name: pod.metadata.name },
    };
    if (pod.spec.hostname && pod.spec.subdomain === service.metadata.name) ep.hostname = pod.spec.hostname;
    const hints = hintsFor(service, ep);
    if (hints) ep.hints = hints;
    const key = JSON.stringify(ports);
    const g = groups.get(key) ?? { ports, endpoints: [] };
    g.endpoints.push(ep);
    groups.set(key, g);
  }
  const slices: EndpointSlice[] = [];
  const make = (ports: SlicePort[] | undefined, endpoints: SliceEndpoint[]) => {
    const suffix = nameSuffix(`${ns}/${service.metadata.name}`, slices.length, (s) =>
      taken(`${service.metadata.name}-${s}`),
    );
    slices.push({
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: {
        name: `${service.metadata.name}-${suffix}`,
        generateName: `${service.metadata.name}-`,
        namespace: ns,
        labels: {
          ...(service.metadata.labels ?? {}),
          [LABEL_SERVICE_NAME]: service.metadata.name,
          [LABEL_MANAGED_BY]: ENDPOINTSLICE_CONTROLLER,
        },
        ownerReferences: [
          { apiVersion: "v1", kind: "Service", name: service.metadata.name, controller: true },
        ],
      },
      addressType: family,
      endpoints,
      ...(ports ? { ports } : {}),
    });
  };
  for (const g of groups.values())
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE)
      make(g.ports, g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE));
  // With no endpoints at all the controller still keeps one empty placeholder slice.
  if (!slices.length) make(undefined, []);
  return slices;
}

/**
 * Hints per trafficDistribution (1.34: PreferSameZone, its older name PreferClose, and PreferSameNode):
 * the endpoint's own zone, and for PreferSameNode its own node as well.
 */
function hintsFor(service: Service, ep: SliceEndpoint): SliceEndpoint["hints"] | undefined {
  const td = service.spec.trafficDistribution;
  if (!ep.zone || !td) return undefined;
  if (td === "PreferClose" || td === "PreferSameZone") return { forZones: [{ name: ep.zone }] };
  if (td === "PreferSameNode" && ep.nodeName)
    return { forNodes: [{ name: ep.nodeName }], forZones: [{ name: ep.zone }] };
  return undefined;
}

/**
 * Runs the controller for every Service with a selector. A Service it skips (no selector, or
 * ExternalName) keeps the slices the controller made for it before: syncService returns without
 * touching them (pkg/controller/endpointslice/endpointslice_controller.go), so they stay as they were,
 * managed-by label and all, and kube-proxy goes on sending traffic to those endpoints. (Slices the
 * API server holds are listed already, whatever their labels.)
 */
export function syncEndpointSlices(
  cluster: Cluster,
  previous: readonly EndpointSlice[] = [],
): EndpointSlice[] {
  const out: EndpointSlice[] = [];
  const names = new Set(cluster.endpointSlices.map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
  for (const svc of cluster.services) {
    const ns = svc.metadata.namespace ?? "default";
    const slices =
      !svc.spec.selector || svc.spec.type === "ExternalName"
        ? previous.filter((s) => isManagedSliceOf(s, svc) && !names.has(`${ns}/${s.metadata.name}`))
        : reconcileServiceSlices(svc, cluster.pods, cluster.nodes, (n) => names.has(`${ns}/${n}`));
    for (const s of slices) {
      names.add(`${ns}/${s.metadata.name}`);
      out.push(s);
    }
  }
  return out;
}

/** The controller's own slices of a Service: the labels its syncService lists them by. */
function isManagedSliceOf(slice: EndpointSlice, service: Service): boolean {
  return (
    slice.metadata.namespace === (service.metadata.namespace ?? "default") &&
    slice.metadata.labels?.[LABEL_SERVICE_NAME] === service.metadata.name &&
    slice.metadata.labels?.[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER
  );
}
