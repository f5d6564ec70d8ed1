// Which names the cluster DNS knows: CoreDNS's kubernetes plugin as kubeadm deploys it (`pods
// insecure`). Ported from plugin/kubernetes parse.go (parseRequest), kubernetes.go (Records,
// findServices, findPods, endpointHostname) and object/endpoint.go (ready endpoints only).
import type { Cluster } from "../cluster";
import { formatIP, parseIP } from "../ip";
import { LABEL_SERVICE_NAME, type EndpointSlice, type Service, type SliceEndpoint } from "../k8s";
import { dnsServerIP } from "./resolvConf";

/** Namespaces every cluster has, even when no manifest puts an object in them. */
const BUILTIN_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

/** A candidate answer (CoreDNS's msg.Service): an IP or a CNAME target, a port, the owner name. */
interface Entry {
  host: string;
  port: number;
  /** The FQDN this entry stands for (an SRV target): `svc.ns.svc.zone.` or `host.svc.ns.svc.zone.`. */
  owner: string;
}

/** Records' result: the entries, or a name error (NXDOMAIN). No entries and no error is NODATA. */
interface Lookup {
  entries: Entry[];
  nameError: boolean;
}

const NODATA: Lookup = { entries: [], nameError: false };
const NAME_ERROR: Lookup = { entries: [], nameError: true };

export const fqdn = (name: string): string => (name.endsWith(".") ? name : `${name}.`);
export const sameName = (a: string, b: string): boolean => fqdn(a).toLowerCase() === fqdn(b).toLowerCase();

/** The cluster domain as a lower-case FQDN (`cluster.local.`). */
export const clusterZone = (cluster: Cluster): string => fqdn(cluster.config.clusterDomain.toLowerCase());

export function inClusterZone(cluster: Cluster, name: string): boolean {
  const zone = clusterZone(cluster);
  const n = fqdn(name.toLowerCase());
  return n === zone || n.endsWith(`.${zone}`);
}

/** The addresses the cluster DNS answers on: kubelet's --cluster-dns and kube-system/kube-dns if modelled. */
export function clusterDnsServers(cluster: Cluster): string[] {
  const ips = [dnsServerIP(cluster.config)];
  for (const svc of cluster.services) {
    if (svc.metadata.name !== "kube-dns" || svc.metadata.namespace !== "kube-system") continue;
    for (const ip of svc.spec.clusterIPs ?? [svc.spec.clusterIP ?? ""]) if (parseIP(ip)) ips.push(ip);
  }
  return [...new Set(ips)];
}

/** A namespace exists when the cluster always has it or some object lives in it (there are no Namespace objects). */
function namespaceExists(cluster: Cluster, ns: string): boolean {
  const has = (o: { metadata: { namespace?: string } }) => (o.metadata.namespace ?? "default") === ns;
  return (
    BUILTIN_NAMESPACES.includes(ns) ||
    cluster.services.some(has) ||
    cluster.pods.some(has) ||
    cluster.endpointSlices.some(has) ||
    cluster.endpoints.some(has) ||
    cluster.deployments.some(has) ||
    cluster.replicaSets.some(has)
  );
}

const stripUnderscore = (s: string): string => (s.startsWith("_") ? s.slice(1) : s);
const matchPortAndProtocol = (qPort: string, port: string, qProto: string, proto: string): boolean =>
  (qPort === "" || qPort === port.toLowerCase()) && (qProto === "" || qProto === proto.toLowerCase());

/** kubernetes.go endpointHostname: the endpoint's hostname, else its IP with `.`/`:` turned into `-`. */
function endpointHostname(ep: SliceEndpoint, ip: string): string {
  if (ep.hostname) return ep.hostname;
  if (ip.includes(".")) return ip.replaceAll(".", "-");
  if (ip.includes(":")) return ip.replaceAll(":", "-");
  return "";
}

/**
 * Ready endpoints only (object/endpoint.go: a nil ready counts as ready). publishNotReadyAddresses
 * reaches DNS because the EndpointSlice controller then marks every endpoint ready; honoured here too
 * for slices made without that controller.
 */
const published = (svc: Service, ep: SliceEndpoint): boolean =>
  ep.conditions?.ready !== false || svc.spec.publishNotReadyAddresses === true;

function slicesOf(cluster: Cluster, svc: Service): EndpointSlice[] {
  const ns = svc.metadata.namespace ?? "default";
  return cluster.endpointSlices.filter(
    (s) =>
      (s.metadata.namespace ?? "default") === ns &&
      s.metadata.labels?.[LABEL_SERVICE_NAME] === svc.metadata.name &&
      s.addressType !== "FQDN",
  );
}

interface RecordRequest {
  port: string;
  protocol: string;
  endpoint: string;
  service: string;
  namespace: string;
}

/** findServices: ExternalName -> CNAME; headless or endpoint names -> endpoints; else the ClusterIPs. */
function findServices(cluster: Cluster, r: RecordRequest, zone: string): Lookup {
  const entries: Entry[] = [];
  let nameError = true;
  for (const svc of cluster.services) {
    if ((svc.metadata.namespace ?? "default").toLowerCase() !== r.namespace) continue;
    if (svc.metadata.name.toLowerCase() !== r.service) continue;
    const ns = svc.metadata.namespace ?? "default";
    const svcName = `${svc.metadata.name}.${ns}.svc.${zone}`;

    if (svc.spec.type === "ExternalName") {
      // No endpoints, and no _port._proto names: such queries find nothing.
      if (r.endpoint || r.port || r.protocol) continue;
      const target = svc.spec.externalName ?? "";
      // CoreDNS only publishes an ExternalName that is a name (a CNAME), never an IP.
      if (target && !parseIP(target)) {
        entries.push({ host: target, port: 0, owner: svcName });
        nameError = false;
      }
      continue;
    }

    if (svc.spec.clusterIP === "None" || r.endpoint) {
      for (const slice of slicesOf(cluster, svc)) {
        // A slice without ports still publishes its addresses: CoreDNS's port -1 sentinel.
        const ports = slice.ports?.length
          ? slice.ports.map((p) => ({
              port: p.port ?? -1,
              name: p.name ?? "",
              protocol: p.protocol ?? "TCP",
            }))
          : [{ port: -1, name: "", protocol: "" }];
        for (const ep of slice.endpoints) {
          if (!published(svc, ep)) continue;
          for (const ip of ep.addresses) {
            const hostname = endpointHostname(ep, ip);
            if (r.endpoint && r.endpoint !== hostname.toLowerCase()) continue;
            for (const p of ports) {
              if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue;
              entries.push({ host: ip, port: p.port, owner: `${hostname}.${svcName}` });
              nameError = false;
            }
          }
        }
      }
      continue;
    }

    const clusterIPs = svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : []);
    for (const p of svc.spec.ports ?? []) {
      if (!matchPortAndProtocol(r.port, p.name ?? "", r.protocol, p.protocol ?? "TCP")) continue;
      nameError = false;
      for (const ip of clusterIPs) entries.push({ host: ip, port: p.port, owner: svcName });
    }
  }
  return { entries, nameError };
}

/** findPods in `pods insecure` mode: `a-b-c-d.<ns>.pod.<zone>` is a.b.c.d, whether or not a pod has it. */
function findPods(podName: string, namespace: string, zone: string): Lookup {
  const dashes = podName.split("-").length - 1;
  const ip =
    dashes === 3 && !podName.includes("--") ? podName.replaceAll("-", ".") : podName.replaceAll("-", ":");
  const parsed = parseIP(ip);
  if (!parsed) return NAME_ERROR;
  return {
    entries: [{ host: formatIP(parsed), port: 0, owner: `${podName}.${namespace}.pod.${zone}` }],
    nameError: false,
  };
}

/** parseRequest + Records: what a name inside the cluster zone stands for. */
export function records(cluster: Cluster, name: string, zone: string): Lookup {
  const lower = fqdn(name.toLowerCase());
  if (lower === zone) return NODATA;
  const base = lower.slice(0, -(zone.length + 1));
  if (base === "svc" || base === "pod") return NODATA;
  const segs = base.split(".");
  const podOrSvc = segs.pop();
  if (podOrSvc !== "svc" && podOrSvc !== "pod") return NAME_ERROR;
  const namespace = segs.pop() ?? "";
  if (!namespaceExists(cluster, namespace)) return NAME_ERROR;
  const service = segs.pop();
  if (service === undefined) return NODATA; // `<ns>.svc.<zone>`: the namespace exists
  const r: RecordRequest = { port: "", protocol: "", endpoint: "", service, namespace };
  if (segs.length === 1) r.endpoint = segs[0]!;
  else if (segs.length === 2) {
    r.port = stripUnderscore(segs[0]!);
    r.protocol = stripUnderscore(segs[1]!);
  } else if (segs.length > 2) return NAME_ERROR;
  return podOrSvc === "pod" ? findPods(service, namespace, zone) : findServices(cluster, r, zone);
}
