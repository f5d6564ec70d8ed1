// setupNFTables (pkg/proxy/nftables/proxier.go): the table, its base chains, the chains they jump to,
// the masquerading chains, and the sets and maps every node has, with their fixed rules. The base
// chains follow the layout proxier_test.go's baseRules expects in current Kubernetes (1.34+): the
// firewall check before DNAT (priority -110), the endpoint and ClusterIP checks after it (priority 0).
import { cidrContains, formatCIDR, parseCIDR, parseIP } from "../../../model/ip";
import type { ProxierConfig } from "../proxierConfig";
import type { Match, TableWriter } from "./model";
import {
  CLUSTER_IPS,
  CLUSTER_IPS_CHECK,
  FILTER_FORWARD,
  FILTER_INPUT,
  FILTER_OUTPUT,
  FILTER_OUTPUT_PRE_DNAT,
  FILTER_PREROUTING_PRE_DNAT,
  FIREWALL_CHECK,
  FIREWALL_IPS,
  MARK_MASQ,
  MASQUERADING,
  NAT_OUTPUT,
  NAT_POSTROUTING,
  NAT_PREROUTING,
  NO_ENDPOINT_NODEPORTS,
  NO_ENDPOINT_SERVICES,
  NODEPORT_ENDPOINTS_CHECK,
  NODEPORT_IPS,
  REJECT_CHAIN,
  SERVICE_ENDPOINTS_CHECK,
  SERVICE_IPS,
  SERVICE_NODEPORTS,
  SERVICES,
} from "./names";

/** nftablesBaseChains: name, type, hook and priority (dstnat is -100, srcnat 100, filter 0). */
const BASE_CHAINS: [string, "filter" | "nat", string, number][] = [
  [FILTER_PREROUTING_PRE_DNAT, "filter", "prerouting", -110],
  [FILTER_OUTPUT_PRE_DNAT, "filter", "output", -110],
  [FILTER_FORWARD, "filter", "forward", 0],
  [FILTER_INPUT, "filter", "input", 0],
  [FILTER_OUTPUT, "filter", "output", 0],
  [NAT_PREROUTING, "nat", "prerouting", -100],
  [NAT_OUTPUT, "nat", "output", -100],
  [NAT_POSTROUTING, "nat", "postrouting", 100],
];

/** nftablesJumpChains: destination, source, and whether only new connections jump. */
const JUMP_CHAINS: [string, string, boolean][] = [
  [NODEPORT_ENDPOINTS_CHECK, FILTER_INPUT, true],
  [SERVICE_ENDPOINTS_CHECK, FILTER_INPUT, true],
  [SERVICE_ENDPOINTS_CHECK, FILTER_FORWARD, true],
  [SERVICE_ENDPOINTS_CHECK, FILTER_OUTPUT, true],
  [FIREWALL_CHECK, FILTER_PREROUTING_PRE_DNAT, true],
  [FIREWALL_CHECK, FILTER_OUTPUT_PRE_DNAT, true],
  [SERVICES, NAT_OUTPUT, false],
  [SERVICES, NAT_PREROUTING, false],
  [MASQUERADING, NAT_POSTROUTING, false],
  [CLUSTER_IPS_CHECK, FILTER_FORWARD, true],
  [CLUSTER_IPS_CHECK, FILTER_OUTPUT, true],
];

/** "ipv4_addr" or "ipv6_addr". */
export const addrType = (cfg: ProxierConfig): string => (cfg.family === 4 ? "ipv4_addr" : "ipv6_addr");

/** `ip daddr != 127.0.0.0/8` (or `ip6 daddr != ::1`): NodePorts are not for localhost in nftables mode. */
const noLocalhost = (cfg: ProxierConfig): Match => ({
  kind: "address",
  dir: "daddr",
  negated: true,
  values: [cfg.family === 4 ? "127.0.0.0/8" : "::1"],
  braces: false,
});

/** The service CIDRs of this family (kube-proxy learns them from the ServiceCIDR objects). */
function serviceCIDRs(serviceCIDR: string, cfg: ProxierConfig): string[] {
  const out: string[] = [];
  for (const part of serviceCIDR.split(",")) {
    const c = parseCIDR(part.trim());
    if (c && c.family === cfg.family) out.push(formatCIDR(c));
  }
  return out;
}

/** The node IPs that accept NodePorts when --nodeport-addresses is given (GetNodeIPs, loopback skipped). */
function nodePortIPs(cfg: ProxierConfig): string[] {
  return cfg.interfaceIPs.filter((ip) => {
    const p = parseIP(ip)!;
    return ip !== "127.0.0.1" && ip !== "::1" && cfg.nodePortAddresses.cidrs.some((c) => cidrContains(c, p));
  });
}

export function setupNFTables(w: TableWriter, cfg: ProxierConfig, serviceCIDR: string): void {
  const addr = addrType(cfg);
  const ctNew: Match[] = [{ kind: "ctNew" }];
  for (const [name, type, hook, priority] of BASE_CHAINS) w.chain(name, { base: { type, hook, priority } });
  for (const [dst, src, newOnly] of JUMP_CHAINS) {
    w.chain(dst);
    w.rule(src, "infra", newOnly ? ctNew : [], { kind: "jump", chain: dst });
  }
  for (const c of [SERVICES, CLUSTER_IPS_CHECK, MASQUERADING, MARK_MASQ]) w.chain(c);

  const mark = cfg.masqueradeMark;
  w.rule(MARK_MASQ, "infra", [], { kind: "text", text: `mark set mark or ${mark}` });
  w.rule(MASQUERADING, "infra", [], { kind: "text", text: `mark and ${mark} == 0 return` });
  w.rule(MASQUERADING, "infra", [], { kind: "text", text: `mark set mark xor ${mark}` });
  w.rule(MASQUERADING, "infra", [], { kind: "text", text: "masquerade fully-random" });

  // Traffic to a ClusterIP port no Service has is rejected; to an unallocated ClusterIP, dropped.
  w.set(CLUSTER_IPS, addr, { comment: "Active ClusterIPs" });
  w.rule(
    CLUSTER_IPS_CHECK,
    "clusterIPPortReject",
    [{ kind: "inSet", dir: "daddr", set: CLUSTER_IPS }],
    { kind: "reject" },
    { comment: "Reject traffic to invalid ports of ClusterIPs" },
  );
  const cidrs = serviceCIDRs(serviceCIDR, cfg);
  if (cidrs.length > 0)
    w.rule(
      CLUSTER_IPS_CHECK,
      "unallocatedDrop",
      [{ kind: "address", dir: "daddr", negated: false, values: cidrs, braces: true }],
      { kind: "drop" },
      { comment: "Drop traffic to unallocated ClusterIPs" },
    );

  const matchAll = cfg.nodePortAddresses.matchAll;
  if (!matchAll) {
    w.set(NODEPORT_IPS, addr, { comment: "IPs that accept NodePort traffic" });
    for (const ip of nodePortIPs(cfg)) w.element(NODEPORT_IPS, { key: [ip], tag: "infra" });
  }

  w.set(NO_ENDPOINT_SERVICES, `${addr} . inet_proto . inet_service : verdict`, {
    comment: "vmap to drop or reject packets to services with no endpoints",
  });
  w.set(NO_ENDPOINT_NODEPORTS, "inet_proto . inet_service : verdict", {
    comment: "vmap to drop or reject packets to service nodeports with no endpoints",
  });
  w.chain(REJECT_CHAIN, { comment: "helper for @no-endpoint-services / @no-endpoint-nodeports" });
  w.rule(REJECT_CHAIN, "infra", [], { kind: "reject" });
  w.rule(SERVICE_ENDPOINTS_CHECK, "infra", [], { kind: "vmap", key: "address", map: NO_ENDPOINT_SERVICES });
  const nodePortDst: Match[] = matchAll
    ? [noLocalhost(cfg)]
    : [{ kind: "inSet", dir: "daddr", set: NODEPORT_IPS }];
  w.rule(NODEPORT_ENDPOINTS_CHECK, "infra", nodePortDst, {
    kind: "vmap",
    key: "port",
    map: NO_ENDPOINT_NODEPORTS,
  });

  w.set(FIREWALL_IPS, `${addr} . inet_proto . inet_service : verdict`, {
    comment: "destinations that are subject to LoadBalancerSourceRanges",
  });
  w.rule(FIREWALL_CHECK, "infra", [], { kind: "vmap", key: "address", map: FIREWALL_IPS });

  w.set(SERVICE_IPS, `${addr} . inet_proto . inet_service : verdict`, {
    comment: "ClusterIP, ExternalIP and LoadBalancer IP traffic",
  });
  w.set(SERVICE_NODEPORTS, "inet_proto . inet_service : verdict", { comment: "NodePort traffic" });
  w.rule(SERVICES, "infra", [], { kind: "vmap", key: "address", map: SERVICE_IPS });
  const nodePortMatch: Match[] = matchAll
    ? [{ kind: "fibLocal", dir: "daddr" }, noLocalhost(cfg)]
    : [{ kind: "inSet", dir: "daddr", set: NODEPORT_IPS }];
  w.rule(SERVICES, "nodePortsJump", nodePortMatch, { kind: "vmap", key: "port", map: SERVICE_NODEPORTS });
}
