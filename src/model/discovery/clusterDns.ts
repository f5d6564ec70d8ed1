// The cluster DNS server's answers: the Kubernetes DNS spec (kubernetes/dns docs/specification.md)
// as CoreDNS implements it in plugin/backend_lookup.go (A, AAAA, SRV) with the kubeadm Corefile's
// `ttl 30` (cluster/addons/dns/coredns/coredns.yaml.base).
import type { Cluster } from "../cluster";
import { formatIP, parseIP } from "../ip";
import { clusterDnsServers, clusterZone, fqdn, inClusterZone, records, sameName } from "./clusterDnsRecords";
import type { DnsRecord, DnsResponse, QueryType } from "./types";

export { clusterDnsServers } from "./clusterDnsRecords";

/** The kubeadm Corefile's `ttl 30` (the plugin's own default is 5). */
export const DNS_TTL = 30;
/** backend_lookup.go A(): a CNAME chain longer than this is cut. */
const MAX_CNAME_CHAIN = 7;

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
