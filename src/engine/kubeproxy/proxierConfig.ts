// What kube-proxy on one node, for one IP family, knows about itself: its name and zone, its
// addresses, the local-traffic detector, and the NodePort address filter. kube-proxy runs one
// proxier per family (pkg/proxy/iptables/proxier.go NewDualStackProxier); IPv6 never gets
// localhost NodePorts.
import type { Cluster } from "../../model/cluster";
import type { Node } from "../../model/k8s";
import { LABEL_ZONE } from "../../model/k8s";
import { cidrContains, formatCIDR, formatIP, parseCIDR, parseIP, parseIPSloppy } from "../../model/ip";
import type { CIDR } from "../../model/ip";

export type Family = 4 | 6;

interface NodePortAddresses {
  /** No CIDR of this family given (or a zero CIDR): every local address. */
  matchAll: boolean;
  cidrs: CIDR[];
  /** proxyutil.NodePortAddresses.ContainsIPv4Loopback */
  containsIPv4Loopback: boolean;
}

export interface ProxierConfig {
  family: Family;
  nodeName: string;
  nodeLabels: Record<string, string>;
  /** The node's primary IP of this family (first InternalIP, else ExternalIP), as kube-proxy detects it. */
  nodeIP: string | null;
  /** Addresses that `-m addrtype --src-type/--dst-type LOCAL` matches: every node address plus loopback. */
  localIPs: Set<string>;
  /** The node's addresses of this family plus loopback, in the order of its interfaces (GetNodeIPs). */
  interfaceIPs: string[];
  /** --cluster-cidr of this family, canonical; null when there is no local-traffic detector. */
  clusterCIDR: string | null;
  masqueradeAll: boolean;
  /** Effective: IPv4 only, and only if nodePortAddresses holds an IPv4 loopback address (NewProxier). */
  localhostNodePorts: boolean;
  nodePortAddresses: NodePortAddresses;
  masqueradeMark: string;
}

/** The family of an IP, read as kube-proxy reads Service and endpoint IPs (netutils.ParseIPSloppy). */
export const familyOf = (ip: string): Family | null => parseIPSloppy(ip)?.family ?? null;

/**
 * Canonical text of an IP (Go's net.IP.String() of netutils.ParseIPSloppy, so "172.30.0.041"
 * becomes "172.30.0.41", as TestBadIPs expects); the input when it does not parse.
 */
export function canonicalIP(ip: string): string {
  const p = parseIPSloppy(ip);
  return p ? formatIP(p) : ip;
}

function nodeAddresses(node: Node): string[] {
  const out: string[] = [];
  for (const a of node.status.addresses ?? []) {
    if ((a.type === "InternalIP" || a.type === "ExternalIP") && parseIP(a.address)) {
      const ip = canonicalIP(a.address);
      if (!out.includes(ip)) out.push(ip);
    }
  }
  return out;
}

function primaryNodeIP(node: Node, family: Family): string | null {
  // utilnode.GetNodeHostIPs: InternalIPs first, then ExternalIPs.
  for (const type of ["InternalIP", "ExternalIP"] as const) {
    for (const a of node.status.addresses ?? []) {
      if (a.type === type && familyOf(a.address) === family) return canonicalIP(a.address);
    }
  }
  return null;
}

const LOOPBACK4 = "127.0.0.1";
const LOOPBACK6 = "::1";

/** proxyutil.NewNodePortAddresses, including the special value "primary" (the node's primary IPs). */
function nodePortAddressesFor(family: Family, specs: string[], nodeIP: string | null): NodePortAddresses {
  const cidrs: CIDR[] = [];
  for (const raw of specs) {
    const s = raw.trim();
    if (s === "primary") {
      if (nodeIP) cidrs.push(parseCIDR(`${nodeIP}/${family === 4 ? 32 : 128}`)!);
      continue;
    }
    const c = parseCIDR(s);
    if (c && c.family === family) cidrs.push(c);
  }
  if (cidrs.length === 0 || cidrs.some((c) => c.prefix === 0)) {
    const zero = parseCIDR(family === 4 ? "0.0.0.0/0" : "::/0")!;
    return { matchAll: true, cidrs: [zero], containsIPv4Loopback: family === 4 };
  }
  // nodeport_addresses.go: a CIDR whose own address is a loopback one, or that holds 127.0.0.0.
  const loopback = parseCIDR("127.0.0.0/8")!;
  const start = parseIP("127.0.0.0")!;
  return {
    matchAll: false,
    cidrs,
    containsIPv4Loopback:
      family === 4 &&
      cidrs.some((c) => cidrContains(loopback, { family: 4, value: c.base }) || cidrContains(c, start)),
  };
}

function clusterCIDRFor(spec: string, family: Family): string | null {
  for (const part of spec.split(",")) {
    const c = parseCIDR(part.trim());
    if (c && c.family === family) return formatCIDR(c);
  }
  return null;
}

function findNode(cluster: Cluster, nodeName: string): Node {
  const node = cluster.nodes.find((n) => n.metadata.name === nodeName);
  if (!node) throw new Error(`unknown node "${nodeName}"`);
  return node;
}

export function proxierConfig(cluster: Cluster, nodeName: string, family: Family): ProxierConfig {
  const node = findNode(cluster, nodeName);
  const kp = cluster.config.kubeProxy;
  const addrs = nodeAddresses(node);
  const nodeIP = primaryNodeIP(node, family);
  const npa = nodePortAddressesFor(family, kp.nodePortAddresses, nodeIP);
  const loopback = family === 4 ? LOOPBACK4 : LOOPBACK6;
  return {
    family,
    nodeName,
    nodeLabels: { ...(node.metadata.labels ?? {}) },
    nodeIP,
    localIPs: new Set([...addrs, LOOPBACK4, LOOPBACK6]),
    interfaceIPs: [loopback, ...addrs.filter((a) => familyOf(a) === family)],
    clusterCIDR: clusterCIDRFor(kp.clusterCIDR, family),
    masqueradeAll: kp.masqueradeAll,
    localhostNodePorts: family === 4 && kp.localhostNodePorts && npa.containsIPv4Loopback,
    nodePortAddresses: npa,
    masqueradeMark: "0x4000",
  };
}

export const nodeZone = (cfg: ProxierConfig): string => cfg.nodeLabels[LABEL_ZONE] ?? "";
