// The rule model: the iptables rules kube-proxy (iptables mode) writes on one node for one IP
// family, built step by step as syncProxyRules does (pkg/proxy/iptables/proxier.go). Every rule is
// kept as its iptables arguments; iptablesSave() prints them and explain() matches packets
// against them, so the two cannot diverge. Tags and service names only feed explanations. Here: the
// node's own chains and rules; each service port's rules are servicePortRules.ts's.
import type { Cluster } from "../../model/cluster";
import { cidrContains, parseIP } from "../../model/ip";
import type { CIDR } from "../../model/ip";
import {
  KUBE_EXTERNAL_SERVICES,
  KUBE_FIREWALL,
  KUBE_FORWARD,
  KUBE_MARK_MASQ,
  KUBE_NODEPORTS,
  KUBE_POSTROUTING,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
} from "./chainNames";
import type { Family, ProxierConfig } from "./proxierConfig";
import { proxierConfig } from "./proxierConfig";
import { comment, type Rule, type Table, Writer } from "./ruleWriter";
import { type EndpointChains, writeServicePort } from "./servicePortRules";
import { type ServicePortState, servicePortStates } from "./servicePortStates";

export type { ServicePortState } from "./servicePortStates";

export interface RuleSet {
  config: ProxierConfig;
  /** User chains of each table, in the order kube-proxy declares them; rules in write order. */
  tables: Record<Table, Map<string, Rule[]>>;
  /** Rules in built-in chains (PREROUTING, INPUT, ...) that hook kube-proxy's chains in. */
  hooks: Record<Table, Rule[]>;
  /** Each KUBE-SEP chain's endpoint and service port. */
  endpointChains: EndpointChains;
  servicePorts: ServicePortState[];
}

/** iptablesJumpChains and iptablesKubeletJumpChains, each EnsureRule(Prepend)ed: the last listed ends up first. */
function hookRules(cfg: ProxierConfig): Record<Table, Rule[]> {
  const newOnly = ["-m", "conntrack", "--ctstate", "NEW"];
  const jumps: [Table, string, string, string, string[]][] = [
    ["filter", KUBE_EXTERNAL_SERVICES, "INPUT", "kubernetes externally-visible service portals", newOnly],
    ["filter", KUBE_EXTERNAL_SERVICES, "FORWARD", "kubernetes externally-visible service portals", newOnly],
    ["filter", KUBE_NODEPORTS, "INPUT", "kubernetes health check service ports", []],
    ["filter", KUBE_SERVICES, "FORWARD", "kubernetes service portals", newOnly],
    ["filter", KUBE_SERVICES, "OUTPUT", "kubernetes service portals", newOnly],
    ["filter", KUBE_FORWARD, "FORWARD", "kubernetes forwarding rules", []],
    ["filter", KUBE_PROXY_FIREWALL, "INPUT", "kubernetes load balancer firewall", newOnly],
    ["filter", KUBE_PROXY_FIREWALL, "OUTPUT", "kubernetes load balancer firewall", newOnly],
    ["filter", KUBE_PROXY_FIREWALL, "FORWARD", "kubernetes load balancer firewall", newOnly],
    ["nat", KUBE_SERVICES, "OUTPUT", "kubernetes service portals", []],
    ["nat", KUBE_SERVICES, "PREROUTING", "kubernetes service portals", []],
    ["nat", KUBE_POSTROUTING, "POSTROUTING", "kubernetes postrouting rules", []],
  ];
  const out: Record<Table, Rule[]> = { filter: [], nat: [] };
  const add = (table: Table, src: string, dst: string, args: string[]) =>
    out[table].unshift({ chain: src, args: [...args, "-j", dst], tag: "infra" });
  for (const [table, dst, src, text, extra] of jumps) add(table, src, dst, [...extra, ...comment(text)]);
  if (cfg.localhostNodePorts) {
    add("filter", "INPUT", KUBE_FIREWALL, []);
    add("filter", "OUTPUT", KUBE_FIREWALL, []);
  }
  // Prepending reverses the list; present the rules grouped by built-in chain.
  const order = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"];
  for (const t of ["filter", "nat"] as const)
    out[t].sort((a, b) => order.indexOf(a.chain) - order.indexOf(b.chain));
  return out;
}

export function buildRuleSet(cluster: Cluster, nodeName: string, family: Family): RuleSet {
  const cfg = proxierConfig(cluster, nodeName, family);
  const w = new Writer();
  const mark = cfg.masqueradeMark;

  for (const c of [KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL])
    w.chain("filter", c);
  for (const c of [KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ]) w.chain("nat", c);

  w.rule("nat", KUBE_POSTROUTING, "infra", [
    ["-m", "mark", "!", "--mark", `${mark}/${mark}`],
    ["-j", "RETURN"],
  ]);
  w.rule("nat", KUBE_POSTROUTING, "infra", [["-j", "MARK", "--xor-mark", mark]]);
  w.rule("nat", KUBE_POSTROUTING, "infra", [
    comment("kubernetes service traffic requiring SNAT"),
    ["-j", "MASQUERADE", "--random-fully"],
  ]);
  w.rule("nat", KUBE_MARK_MASQ, "infra", [["-j", "MARK", "--or-mark", mark]]);

  if (cfg.localhostNodePorts) {
    // Mitigates the route_localnet hole (issue 90259); kubelet writes the same rule.
    w.rule("filter", KUBE_FIREWALL, "infra", [
      comment("block incoming localnet connections"),
      ["-d", "127.0.0.0/8"],
      ["!", "-s", "127.0.0.0/8"],
      ["-m", "conntrack", "!", "--ctstate", "RELATED,ESTABLISHED,DNAT"],
      ["-j", "DROP"],
    ]);
  }

  const endpointChains: EndpointChains = new Map();
  const servicePorts = servicePortStates(cluster, cfg, family);
  for (const { info, categorized } of servicePorts)
    writeServicePort(w, cfg, info, categorized, endpointChains);

  // The tail call to KUBE-NODEPORTS, after every service rule.
  const npComment = comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain");
  if (cfg.nodePortAddresses.matchAll) {
    const local = [["-m", "addrtype", "--dst-type", "LOCAL"]];
    if (family === 6) local.push(["!", "-d", "::1/128"]);
    else if (!cfg.localhostNodePorts) local.push(["!", "-d", "127.0.0.0/8"]);
    w.rule("nat", KUBE_SERVICES, "nodePortsJump", [npComment, ...local, ["-j", KUBE_NODEPORTS]]);
  } else {
    for (const ip of cfg.interfaceIPs) {
      if (!cfg.nodePortAddresses.cidrs.some((c) => cidrHas(c, ip))) continue;
      const loopback = ip === "127.0.0.1" || ip === "::1";
      if (loopback && (family === 6 || !cfg.localhostNodePorts)) continue;
      w.rule("nat", KUBE_SERVICES, "nodePortsJump", [npComment, ["-d", ip], ["-j", KUBE_NODEPORTS]]);
    }
  }

  w.rule("filter", KUBE_FORWARD, "infra", [
    ["-m", "conntrack", "--ctstate", "INVALID"],
    ["-m", "nfacct", "--nfacct-name", "ct_state_invalid_dropped_pkts"],
    ["-j", "DROP"],
  ]);
  w.rule("filter", KUBE_FORWARD, "infra", [
    comment("kubernetes forwarding rules"),
    ["-m", "mark", "--mark", `${mark}/${mark}`],
    ["-j", "ACCEPT"],
  ]);
  w.rule("filter", KUBE_FORWARD, "infra", [
    comment("kubernetes forwarding conntrack rule"),
    ["-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED"],
    ["-j", "ACCEPT"],
  ]);

  return { config: cfg, tables: w.tables, hooks: hookRules(cfg), endpointChains, servicePorts };
}

const cidrHas = (c: CIDR, ip: string): boolean => {
  const p = parseIP(ip);
  return !!p && cidrContains(c, p);
};
