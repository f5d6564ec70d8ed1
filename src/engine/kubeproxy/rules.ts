// The rule model: the iptables rules kube-proxy (iptables mode) writes on one node for one IP
// family, built step by step as syncProxyRules does (pkg/proxy/iptables/proxier.go). Every rule is
// kept as its iptables arguments; iptablesSave() prints them and explain() matches packets
// against them, so the two cannot diverge. Tags and service names only feed explanations.
import type { Cluster } from "../../model/cluster";
import { cidrContains, parseCIDR, parseIP } from "../../model/ip";
import type { CIDR } from "../../model/ip";
import type { EndpointInfo } from "./endpoints";
import { endpointsByServicePort, servicePortKey } from "./endpoints";
import { endpointChain } from "./chainNames";
import type { Family, ProxierConfig } from "./proxierConfig";
import { nodeZone, proxierConfig } from "./proxierConfig";
import type { CategorizedEndpoints } from "./topology";
import { categorizeEndpoints } from "./topology";
import type { ServicePortInfo } from "./servicePort";
import { portExternallyAccessible, servicePortsFor } from "./servicePort";

export type Table = "filter" | "nat";

/** What a rule is for, in kube-proxy's words; used only to explain a decision. */
export type RuleTag =
  | "clusterIP"
  | "externalIP"
  | "loadBalancerIP"
  | "nodePort"
  | "nodePortsJump"
  | "masqClusterIP"
  | "masqExternal"
  | "podShortCircuit"
  | "masqLocal"
  | "routeLocal"
  | "externalPolicy"
  | "firewallAllow"
  | "firewallEnd"
  | "affinity"
  | "loadBalance"
  | "hairpin"
  | "dnat"
  | "noEndpoints"
  | "noLocalInternal"
  | "noLocalExternal"
  | "firewallDrop"
  | "healthCheck"
  | "infra";

export interface Rule {
  chain: string;
  /** The arguments after `-A CHAIN`, exactly as kube-proxy writes them (comments keep their quotes). */
  args: string[];
  tag: RuleTag;
  /** ServicePortName.String() of the service port this rule belongs to. */
  svc?: string;
}

export interface ServicePortState {
  info: ServicePortInfo;
  endpoints: EndpointInfo[];
  categorized: CategorizedEndpoints;
}

export interface RuleSet {
  config: ProxierConfig;
  /** User chains of each table, in the order kube-proxy declares them; rules in write order. */
  tables: Record<Table, Map<string, Rule[]>>;
  /** Rules in built-in chains (PREROUTING, INPUT, ...) that hook kube-proxy's chains in. */
  hooks: Record<Table, Rule[]>;
  /** Each KUBE-SEP chain's endpoint and service port. */
  endpointChains: Map<string, { endpoint: EndpointInfo; servicePort: ServicePortInfo }>;
  servicePorts: ServicePortState[];
}

export const KUBE_SERVICES = "KUBE-SERVICES";
export const KUBE_EXTERNAL_SERVICES = "KUBE-EXTERNAL-SERVICES";
export const KUBE_NODEPORTS = "KUBE-NODEPORTS";
export const KUBE_POSTROUTING = "KUBE-POSTROUTING";
export const KUBE_MARK_MASQ = "KUBE-MARK-MASQ";
export const KUBE_FORWARD = "KUBE-FORWARD";
export const KUBE_PROXY_FIREWALL = "KUBE-PROXY-FIREWALL";
export const KUBE_FIREWALL = "KUBE-FIREWALL";

/** proxier.probability(n): 1/n with ten decimals, as Go's "%0.10f" prints it. */
export const probability = (n: number): string => (1 / n).toFixed(10);

/** `-m comment --comment X`, quoted as kube-proxy quotes comments that contain spaces. */
const comment = (text: string): string[] => [
  "-m",
  "comment",
  "--comment",
  text.includes(" ") ? `"${text}"` : text,
];

class Writer {
  readonly tables: Record<Table, Map<string, Rule[]>> = { filter: new Map(), nat: new Map() };
  chain(table: Table, name: string): void {
    if (!this.tables[table].has(name)) this.tables[table].set(name, []);
  }
  rule(table: Table, chain: string, tag: RuleTag, args: string[], svc?: string): void {
    this.chain(table, chain);
    this.tables[table].get(chain)!.push(svc === undefined ? { chain, args, tag } : { chain, args, tag, svc });
  }
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

  w.rule("nat", KUBE_POSTROUTING, "infra", ["-m", "mark", "!", "--mark", `${mark}/${mark}`, "-j", "RETURN"]);
  w.rule("nat", KUBE_POSTROUTING, "infra", ["-j", "MARK", "--xor-mark", mark]);
  w.rule("nat", KUBE_POSTROUTING, "infra", [
    ...comment("kubernetes service traffic requiring SNAT"),
    "-j",
    "MASQUERADE",
    "--random-fully",
  ]);
  w.rule("nat", KUBE_MARK_MASQ, "infra", ["-j", "MARK", "--or-mark", mark]);

  if (cfg.localhostNodePorts) {
    // Mitigates the route_localnet hole (issue 90259); kubelet writes the same rule.
    w.rule("filter", KUBE_FIREWALL, "infra", [
      ...comment("block incoming localnet connections"),
      "-d",
      "127.0.0.0/8",
      "!",
      "-s",
      "127.0.0.0/8",
      "-m",
      "conntrack",
      "!",
      "--ctstate",
      "RELATED,ESTABLISHED,DNAT",
      "-j",
      "DROP",
    ]);
  }

  const endpointsMap = endpointsByServicePort(cluster.endpointSlices, family, nodeName);
  const ports = cluster.services
    .flatMap((s) => servicePortsFor(s, family))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.protocol < b.protocol ? -1 : 1));
  const endpointChains = new Map<string, { endpoint: EndpointInfo; servicePort: ServicePortInfo }>();
  const servicePorts: ServicePortState[] = [];
  const zone = nodeZone(cfg);

  for (const sp of ports) {
    const endpoints = endpointsMap.get(servicePortKey(sp.name, sp.protocol)) ?? [];
    const cat = categorizeEndpoints(endpoints, sp, cfg.nodeName, zone);
    servicePorts.push({ info: sp, endpoints, categorized: cat });
    writeServicePort(w, cfg, sp, cat, endpointChains);
  }

  // The tail call to KUBE-NODEPORTS, after every service rule.
  const npComment = comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain");
  if (cfg.nodePortAddresses.matchAll) {
    const dst = ["-m", "addrtype", "--dst-type", "LOCAL"];
    if (family === 6) dst.push("!", "-d", "::1/128");
    else if (!cfg.localhostNodePorts) dst.push("!", "-d", "127.0.0.0/8");
    w.rule("nat", KUBE_SERVICES, "nodePortsJump", [...npComment, ...dst, "-j", KUBE_NODEPORTS]);
  } else {
    for (const ip of cfg.interfaceIPs) {
      if (!cfg.nodePortAddresses.cidrs.some((c) => cidrHas(c, ip))) continue;
      const loopback = ip === "127.0.0.1" || ip === "::1";
      if (loopback && (family === 6 || !cfg.localhostNodePorts)) continue;
      w.rule("nat", KUBE_SERVICES, "nodePortsJump", [...npComment, "-d", ip, "-j", KUBE_NODEPORTS]);
    }
  }

  w.rule("filter", KUBE_FORWARD, "infra", [
    "-m",
    "conntrack",
    "--ctstate",
    "INVALID",
    "-m",
    "nfacct",
    "--nfacct-name",
    "ct_state_invalid_dropped_pkts",
    "-j",
    "DROP",
  ]);
  w.rule("filter", KUBE_FORWARD, "infra", [
    ...comment("kubernetes forwarding rules"),
    "-m",
    "mark",
    "--mark",
    `${mark}/${mark}`,
    "-j",
    "ACCEPT",
  ]);
  w.rule("filter", KUBE_FORWARD, "infra", [
    ...comment("kubernetes forwarding conntrack rule"),
    "-m",
    "conntrack",
    "--ctstate",
    "RELATED,ESTABLISHED",
    "-j",
    "ACCEPT",
  ]);

  return { config: cfg, tables: w.tables, hooks: hookRules(cfg), endpointChains, servicePorts };
}

const cidrHas = (c: CIDR, ip: string): boolean => {
  const p = parseIP(ip);
  return !!p && cidrContains(c, p);
};

/** The per-service-port part of syncProxyRules. */
function writeServicePort(
  w: Writer,
  cfg: ProxierConfig,
  sp: ServicePortInfo,
  cat: CategorizedEndpoints,
  endpointChains: Map<string, { endpoint: EndpointInfo; servicePort: ServicePortInfo }>,
): void {
  const proto = sp.protocol.toLowerCase();
  const name = sp.name;
  const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints: hasEndpoints } = cat;
  const matchProto = ["-m", proto, "-p", proto];

  const clusterChain = sp.clusterPolicyChain;
  const usesClusterChain = clusterEndpoints.length > 0;
  const localChain = sp.localPolicyChain;
  const usesLocalChain = localEndpoints.length > 0;

  const internalChain = sp.internalPolicyLocal ? localChain : clusterChain;
  const hasInternalEndpoints = hasEndpoints && !(sp.internalPolicyLocal && localEndpoints.length === 0);
  const externalPolicyChain = sp.externalPolicyLocal ? localChain : clusterChain;
  const hasExternalEndpoints = hasEndpoints && !(sp.externalPolicyLocal && localEndpoints.length === 0);
  const extChain = sp.externalChain;
  // The EXT chain exists even without external endpoints, for the short-circuit rules.
  const usesExtChain = hasEndpoints && portExternallyAccessible(sp);
  const fwChain = sp.firewallChain;
  const usesFWChain =
    hasEndpoints && sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
  const lbChain = usesFWChain ? fwChain : extChain;

  let internalFilter: [RuleTag, string, string] | null = null;
  let externalFilter: [RuleTag, string, string] | null = null;
  if (!hasEndpoints) {
    internalFilter = ["noEndpoints", "REJECT", `${name} has no endpoints`];
    externalFilter = internalFilter;
  } else {
    if (!hasInternalEndpoints) internalFilter = ["noLocalInternal", "DROP", `${name} has no local endpoints`];
    if (!hasExternalEndpoints) externalFilter = ["noLocalExternal", "DROP", `${name} has no local endpoints`];
  }

  const port = String(sp.port);
  // ClusterIP.
  if (hasInternalEndpoints) {
    w.rule(
      "nat",
      KUBE_SERVICES,
      "clusterIP",
      [
        ...comment(`${name} cluster IP`),
        ...matchProto,
        "-d",
        sp.clusterIP,
        "--dport",
        port,
        "-j",
        internalChain,
      ],
      name,
    );
  } else if (internalFilter) {
    const [tag, target, text] = internalFilter;
    w.rule(
      "filter",
      KUBE_SERVICES,
      tag,
      [...comment(text), ...matchProto, "-d", sp.clusterIP, "--dport", port, "-j", target],
      name,
    );
  }

  // External IPs.
  for (const ip of sp.externalIPs) {
    if (hasEndpoints) {
      w.rule(
        "nat",
        KUBE_SERVICES,
        "externalIP",
        [...comment(`${name} external IP`), ...matchProto, "-d", ip, "--dport", port, "-j", extChain],
        name,
      );
    }
    if (externalFilter) {
      const [tag, target, text] = externalFilter;
      w.rule(
        "filter",
        KUBE_EXTERNAL_SERVICES,
        tag,
        [...comment(text), ...matchProto, "-d", ip, "--dport", port, "-j", target],
        name,
      );
    }
  }

  // Load-balancer ingress IPs.
  for (const ip of sp.loadBalancerVIPs) {
    if (hasEndpoints) {
      w.rule(
        "nat",
        KUBE_SERVICES,
        "loadBalancerIP",
        [...comment(`${name} loadbalancer IP`), ...matchProto, "-d", ip, "--dport", port, "-j", lbChain],
        name,
      );
    }
    if (usesFWChain) {
      w.rule(
        "filter",
        KUBE_PROXY_FIREWALL,
        "firewallDrop",
        [
          ...comment(`${name} traffic not accepted by ${fwChain}`),
          ...matchProto,
          "-d",
          ip,
          "--dport",
          port,
          "-j",
          "DROP",
        ],
        name,
      );
    }
  }
  if (externalFilter) {
    const [tag, target, text] = externalFilter;
    for (const ip of sp.loadBalancerVIPs) {
      w.rule(
        "filter",
        KUBE_EXTERNAL_SERVICES,
        tag,
        [...comment(text), ...matchProto, "-d", ip, "--dport", port, "-j", target],
        name,
      );
    }
  }

  // NodePorts. (They are not subject to loadBalancerSourceRanges.)
  if (sp.nodePort !== 0) {
    const np = String(sp.nodePort);
    if (hasEndpoints) {
      if (cfg.localhostNodePorts) {
        // Same jump, counted separately (nfacct localhost_nps_accepted_pkts, Kubernetes 1.33+).
        w.rule(
          "nat",
          KUBE_NODEPORTS,
          "nodePort",
          [
            ...comment(name),
            ...matchProto,
            "-d",
            "127.0.0.0/8",
            "--dport",
            np,
            "-m",
            "nfacct",
            "--nfacct-name",
            "localhost_nps_accepted_pkts",
            "-j",
            extChain,
          ],
          name,
        );
      }
      w.rule(
        "nat",
        KUBE_NODEPORTS,
        "nodePort",
        [...comment(name), ...matchProto, "--dport", np, "-j", extChain],
        name,
      );
    }
    if (externalFilter) {
      const [tag, target, text] = externalFilter;
      w.rule(
        "filter",
        KUBE_EXTERNAL_SERVICES,
        tag,
        [
          ...comment(text),
          "-m",
          "addrtype",
          "--dst-type",
          "LOCAL",
          ...matchProto,
          "--dport",
          np,
          "-j",
          target,
        ],
        name,
      );
    }
  }

  // Health check node port: always accepted, whether or not this node has local endpoints.
  if (sp.healthCheckNodePort !== 0) {
    w.rule(
      "filter",
      KUBE_NODEPORTS,
      "healthCheck",
      [
        ...comment(`${name} health check node port`),
        "-m",
        "tcp",
        "-p",
        "tcp",
        "--dport",
        String(sp.healthCheckNodePort),
        "-j",
        "ACCEPT",
      ],
      name,
    );
  }

  // Internal traffic: masquerade off-cluster sources (or everything with masqueradeAll).
  if (hasInternalEndpoints) {
    const base = [...comment(`${name} cluster IP`), ...matchProto, "-d", sp.clusterIP, "--dport", port];
    if (cfg.masqueradeAll) {
      w.rule("nat", internalChain, "masqClusterIP", [...base, "-j", KUBE_MARK_MASQ], name);
    } else if (cfg.clusterCIDR) {
      w.rule(
        "nat",
        internalChain,
        "masqClusterIP",
        [...base, "!", "-s", cfg.clusterCIDR, "-j", KUBE_MARK_MASQ],
        name,
      );
    }
  }

  // External traffic.
  if (usesExtChain) {
    w.chain("nat", extChain);
    if (!sp.externalPolicyLocal) {
      w.rule(
        "nat",
        extChain,
        "masqExternal",
        [...comment(`masquerade traffic for ${name} external destinations`), "-j", KUBE_MARK_MASQ],
        name,
      );
    } else {
      if (cfg.clusterCIDR) {
        w.rule(
          "nat",
          extChain,
          "podShortCircuit",
          [
            ...comment(`pod traffic for ${name} external destinations`),
            "-s",
            cfg.clusterCIDR,
            "-j",
            clusterChain,
          ],
          name,
        );
      }
      w.rule(
        "nat",
        extChain,
        "masqLocal",
        [
          ...comment(`masquerade LOCAL traffic for ${name} external destinations`),
          "-m",
          "addrtype",
          "--src-type",
          "LOCAL",
          "-j",
          KUBE_MARK_MASQ,
        ],
        name,
      );
      w.rule(
        "nat",
        extChain,
        "routeLocal",
        [
          ...comment(`route LOCAL traffic for ${name} external destinations`),
          "-m",
          "addrtype",
          "--src-type",
          "LOCAL",
          "-j",
          clusterChain,
        ],
        name,
      );
    }
    if (hasExternalEndpoints) w.rule("nat", extChain, "externalPolicy", ["-j", externalPolicyChain], name);
  }

  // loadBalancerSourceRanges firewall.
  if (usesFWChain) {
    w.chain("nat", fwChain);
    const base = comment(`${name} loadbalancer IP`);
    let allowFromNode = false;
    for (const cidr of sp.loadBalancerSourceRanges) {
      w.rule("nat", fwChain, "firewallAllow", [...base, "-s", cidr, "-j", extChain], name);
      if (cfg.nodeIP && inCidrText(cidr, cfg.nodeIP)) allowFromNode = true;
    }
    // A VIP bound locally loops node-originated requests back with the VIP as source.
    if (allowFromNode) {
      for (const ip of sp.loadBalancerVIPs) {
        w.rule("nat", fwChain, "firewallAllow", [...base, "-s", ip, "-j", extChain], name);
      }
    }
    w.rule(
      "nat",
      fwChain,
      "firewallEnd",
      comment(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`),
      name,
    );
  }

  if (usesClusterChain) writeServiceToEndpointRules(w, sp, clusterChain, clusterEndpoints);
  if (usesLocalChain) writeServiceToEndpointRules(w, sp, localChain, localEndpoints);

  for (const ep of allReachableEndpoints) {
    const sep = endpointChain(name, proto, ep.str);
    endpointChains.set(sep, { endpoint: ep, servicePort: sp });
    w.rule("nat", sep, "hairpin", [...comment(name), "-s", ep.ip, "-j", KUBE_MARK_MASQ], name);
    const affinity = sp.stickyMaxAgeSeconds !== null ? ["-m", "recent", "--name", sep, "--set"] : [];
    w.rule(
      "nat",
      sep,
      "dnat",
      [...comment(name), ...affinity, ...matchProto, "-j", "DNAT", "--to-destination", ep.str],
      name,
    );
  }
}

function writeServiceToEndpointRules(
  w: Writer,
  sp: ServicePortInfo,
  chain: string,
  endpoints: EndpointInfo[],
): void {
  const proto = sp.protocol.toLowerCase();
  w.chain("nat", chain);
  if (sp.stickyMaxAgeSeconds !== null) {
    for (const ep of endpoints) {
      const sep = endpointChain(sp.name, proto, ep.str);
      w.rule(
        "nat",
        chain,
        "affinity",
        [
          ...comment(`${sp.name} -> ${ep.str}`),
          "-m",
          "recent",
          "--name",
          sep,
          "--rcheck",
          "--seconds",
          String(sp.stickyMaxAgeSeconds),
          "--reap",
          "-j",
          sep,
        ],
        sp.name,
      );
    }
  }
  const n = endpoints.length;
  endpoints.forEach((ep, i) => {
    const sep = endpointChain(sp.name, proto, ep.str);
    const stat =
      i < n - 1 ? ["-m", "statistic", "--mode", "random", "--probability", probability(n - i)] : [];
    w.rule("nat", chain, "loadBalance", [...comment(`${sp.name} -> ${ep.str}`), ...stat, "-j", sep], sp.name);
  });
}

function inCidrText(cidr: string, ip: string): boolean {
  const c = parseCIDR(cidr);
  return c !== null && cidrHas(c, ip);
}
