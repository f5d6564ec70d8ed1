// A pod's /etc/resolv.conf, as kubelet forms it from dnsPolicy and dnsConfig.
// Ported from pkg/kubelet/network/dns/dns.go (GetPodDNS, getPodDNSType, appendDNSConfig,
// mergeDNSOptions, formDNSConfigFitsLimits) with the limits of pkg/apis/core/validation.
import type { Cluster } from "../cluster";
import type { ClusterConfig } from "../clusterConfig";
import { nthIP, parseCIDR, parseIP } from "../ip";
import type { Pod } from "../k8s";
import { MAX_DNS_NAMESERVERS, MAX_DNS_SEARCH_LIST_CHARS, MAX_DNS_SEARCH_PATHS } from "../validation/pod";
import type { HostResolvConf, ResolvConf } from "./types";

/** DNS1123SubdomainMaxLength. */
const MAX_SEARCH_DOMAIN_LENGTH = 253;
/** glibc's RES_MAXNDOTS, and its default ndots. */
const MAX_NDOTS = 15;
const DEFAULT_NDOTS = 1;

/** kubelet's --cluster-dns as kubeadm sets it: the tenth address of the (first) service CIDR. */
export function dnsServerIP(config: Pick<ClusterConfig, "serviceCIDR">): string {
  const first = config.serviceCIDR.split(",")[0]!.trim();
  const cidr = parseCIDR(first);
  if (!cidr) throw new Error(`serviceCIDR ${JSON.stringify(config.serviceCIDR)} is not a CIDR`);
  return nthIP(cidr, 10);
}

type PodDNSType = "cluster" | "host" | "none";

/** getPodDNSType: ClusterFirst on the host network falls back to Default. */
function podDNSType(pod: Pod): PodDNSType {
  switch (pod.spec.dnsPolicy ?? "ClusterFirst") {
    case "None":
      return "none";
    case "ClusterFirstWithHostNet":
      return "cluster";
    case "ClusterFirst":
      return pod.spec.hostNetwork ? "host" : "cluster";
    case "Default":
      return "host";
  }
}

const omitDuplicates = (xs: readonly string[]): string[] => [...new Set(xs)];

/**
 * The node's resolv.conf when kubelet has none (--resolv-conf=""): the node's own loopback as
 * nameserver and the root as the only search domain, which effectively disables lookups. The
 * playground models no upstream resolver, so this is the base for dnsPolicy Default.
 */
function noResolvConf(cluster: Cluster, pod: Pod): HostResolvConf {
  const node = cluster.nodes.find((n) => n.metadata.name === pod.spec.nodeName);
  const ips = (node?.status.addresses ?? []).filter((a) => a.type === "InternalIP").map((a) => a.address);
  const servers = ips.map((ip) => (parseIP(ip)?.family === 6 ? "::1" : "127.0.0.1"));
  return { nameservers: servers.length ? servers : ["127.0.0.1"], searches: ["."], options: [] };
}

/** mergeDNSOptions: the pod's options override same-named ones (kubelet's map order is unspecified). */
function mergeDNSOptions(
  existing: readonly string[],
  pod: readonly { name: string; value?: string }[],
): string[] {
  const merged = new Map<string, string>();
  for (const op of existing) {
    const i = op.indexOf(":");
    if (i >= 0) merged.set(op.slice(0, i), op.slice(i + 1));
    else merged.set(op, "");
  }
  for (const op of pod) merged.set(op.name, op.value ?? "");
  return [...merged].map(([name, value]) => (value !== "" ? `${name}:${value}` : name));
}

/** formDNSSearchFitsLimits: at most 32 domains, none longer than 253, the line at most 2048 chars. */
function searchFitsLimits(searches: string[]): string[] {
  let out = searches.slice(0, MAX_DNS_SEARCH_PATHS).filter((s) => s.length <= MAX_SEARCH_DOMAIN_LENGTH);
  let lineLength = out.join(" ").length;
  while (out.length > 0 && lineLength > MAX_DNS_SEARCH_LIST_CHARS) {
    lineLength -= out[out.length - 1]!.length + 1;
    out = out.slice(0, -1);
  }
  return out;
}

/** glibc reads `ndots:N` with atoi, the last one winning, capped at RES_MAXNDOTS. */
export function ndotsOf(options: readonly string[]): number {
  let ndots = DEFAULT_NDOTS;
  for (const op of options) {
    if (!op.startsWith("ndots:")) continue;
    const m = /^[+-]?\d+/.exec(op.slice("ndots:".length));
    const n = m ? Number(m[0]) : 0;
    ndots = Math.max(0, Math.min(n, MAX_NDOTS));
  }
  return ndots;
}

/**
 * The resolv.conf kubelet gives a pod (GetPodDNS). `host` is the node's resolv.conf (kubelet's
 * --resolv-conf); when omitted, kubelet's behaviour for an empty --resolv-conf applies.
 */
export function podResolvConf(cluster: Cluster, pod: Pod, host?: HostResolvConf): ResolvConf {
  const base: HostResolvConf = host
    ? { nameservers: [...host.nameservers], searches: [...host.searches], options: [...host.options] }
    : { nameservers: [], searches: [], options: [] };
  let conf: HostResolvConf;
  switch (podDNSType(pod)) {
    case "none":
      conf = { nameservers: [], searches: [], options: [] };
      break;
    case "cluster": {
      // The cluster DNS is the only nameserver; the host's search domains follow the cluster's.
      const domain = cluster.config.clusterDomain;
      const namespace = pod.metadata.namespace ?? "default";
      const searches = domain
        ? omitDuplicates([`${namespace}.svc.${domain}`, `svc.${domain}`, domain, ...base.searches])
        : base.searches;
      conf = { nameservers: [dnsServerIP(cluster.config)], searches, options: ["ndots:5"] };
      break;
    }
    case "host":
      conf = host ? base : noResolvConf(cluster, pod);
      break;
  }
  const dnsConfig = pod.spec.dnsConfig;
  if (dnsConfig) {
    conf = {
      nameservers: omitDuplicates([...conf.nameservers, ...(dnsConfig.nameservers ?? [])]),
      searches: omitDuplicates([...conf.searches, ...(dnsConfig.searches ?? [])]),
      options: mergeDNSOptions(conf.options, dnsConfig.options ?? []),
    };
  }
  const nameservers = conf.nameservers.slice(0, MAX_DNS_NAMESERVERS);
  const searches = searchFitsLimits(conf.searches);
  return { nameservers, searches, options: conf.options, ndots: ndotsOf(conf.options) };
}
