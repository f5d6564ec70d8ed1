// The cluster DNS server: CoreDNS's kubernetes plugin as kubeadm deploys it (`pods insecure`,
// `ttl 30`; see cluster/addons/dns/coredns/coredns.yaml.base). Answers follow the Kubernetes DNS
// spec (kubernetes/dns docs/specification.md) the way CoreDNS implements it: plugin/kubernetes
// (parse.go parseRequest, kubernetes.go Records/findServices/findPods/endpointHostname,
// object/endpoint.go) and plugin/backend_lookup.go (A, AAAA, SRV).
import type { Cluster } from "../cluster";
import { formatIP, parseIP } from "../ip";
import { LABEL_SERVICE_NAME, type EndpointSlice, type Service, type SliceEndpoint } from "../k8s";
import { dnsServerIP } from "./resolvConf";
import type { DnsRecord, DnsResponse, QueryType } from "./types";

/** The kubeadm Corefile's `ttl 30` (the plugin's own default is 5). */
export const DNS_TTL = 30;
/** backend_lookup.go A(): a CNAME chain longer than this is cut. */
const MAX_CNAME_CHAIN = 7;
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

const fqdn = (name: string): string => (name.endsWith(".") ? name : `${name}.`);
const sameName = (a: string, b: string): boolean => fqdn(a).toLowerCase() === fqdn(b).toLowerCase();

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
function records(cluster: Cluster, name: string, zone: string): Lookup {
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

interface Answer {
  nameError: boolean;
  records: DnsRecord[];
  note?: string;
}

/** backend_lookup.go A()/AAAA(): addresses of one family, CNAMEs followed inside the zone. */
function addressAnswer(
  cluster: Cluster,
  qname: string,
  qtype: "A" | "AAAA",
  zone: string,
  previous: DnsRecord[],
): Answer {
  if (sameName(qname, `ns.dns.${zone}`)) {
    // isDefaultNS: the DNS server's own address.
    const recs = clusterDnsServers(cluster)
      .slice(0, 1)
      .filter((ip) => (parseIP(ip)?.family === 4) === (qtype === "A"))
      .map((ip): DnsRecord => ({ name: qname, type: qtype, ttl: DNS_TTL, value: ip }));
    return { nameError: false, records: recs };
  }
  const found = records(cluster, qname, zone);
  if (found.nameError) return { nameError: true, records: [] };
  const out: DnsRecord[] = [];
  const seen = new Set<string>();
  let note: string | undefined;
  for (const e of found.entries) {
    const ip = parseIP(e.host);
    if (ip) {
      if ((ip.family === 4) !== (qtype === "A") || seen.has(e.host)) continue;
      seen.add(e.host);
      out.push({ name: qname, type: qtype, ttl: DNS_TTL, value: formatIP(ip) });
      continue;
    }
    const target = fqdn(e.host);
    if (sameName(qname, target)) continue; // x CNAME x
    if (previous.length > MAX_CNAME_CHAIN) continue;
    if (previous.some((p) => p.type === "CNAME" && sameName(p.value, target))) continue;
    const cname: DnsRecord = { name: qname, type: "CNAME", ttl: DNS_TTL, value: target };
    if (inClusterZone(cluster, target)) {
      const next = addressAnswer(cluster, target, qtype, zone, [...previous, cname]);
      // Kept only when the in-cluster target yields records.
      if (!next.nameError && next.records.length > 0) out.push(cname, ...next.records);
      note ??= next.note;
      continue;
    }
    out.push(cname);
    note = `${target} is outside the cluster domain; the playground has no upstream DNS, so the CNAME is not followed`;
  }
  return note === undefined ? { nameError: false, records: out } : { nameError: false, records: out, note };
}

/** backend_lookup.go SRV(): one record per entry, priority 0, weights sharing 100, duplicates dropped. */
function srvAnswer(cluster: Cluster, qname: string, zone: string): Answer {
  if (sameName(qname, `ns.dns.${zone}`)) return { nameError: false, records: [] };
  const found = records(cluster, qname, zone);
  if (found.nameError) return { nameError: true, records: [] };
  // Services(): no SRV for ExternalName (CNAME) entries.
  const entries = found.entries.filter((e) => parseIP(e.host) !== null);
  const total = entries.length * 100;
  const out: DnsRecord[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.port === -1) continue;
    let w = 100 / total;
    w *= 100;
    const key = `${e.owner.toLowerCase()} ${e.port}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      name: qname,
      type: "SRV",
      ttl: DNS_TTL,
      priority: 0,
      weight: Math.floor(w),
      port: e.port,
      target: e.owner,
    });
  }
  return { nameError: false, records: out };
}

/**
 * One query to the cluster DNS. Names outside the cluster domain would be forwarded upstream; the
 * playground has none, so they get NXDOMAIN with a note saying so.
 */
export function queryClusterDns(cluster: Cluster, name: string, qtype: QueryType): DnsResponse {
  const qname = fqdn(name);
  if (!inClusterZone(cluster, qname)) {
    return {
      rcode: "NXDOMAIN",
      answer: [],
      note: `${qname} is outside the cluster domain ${clusterZone(cluster)}; the playground has no upstream DNS`,
    };
  }
  const zone = clusterZone(cluster);
  const a =
    qtype === "SRV" ? srvAnswer(cluster, qname, zone) : addressAnswer(cluster, qname, qtype, zone, []);
  const res: DnsResponse = { rcode: a.nameError ? "NXDOMAIN" : "NOERROR", answer: a.records };
  if (a.note !== undefined) res.note = a.note;
  return res;
}
