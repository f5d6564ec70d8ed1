// The rules syncProxyRules (pkg/proxy/iptables/proxier.go) writes for one service port, one writer per
// entry point in its order: the shared chains' rules for the ClusterIP, external IPs, load-balancer
// ingress IPs, NodePorts and the health check node port; then the port's own chains: the masquerade
// rule of the internal traffic chain, the external chain (KUBE-EXT-), the firewall chain (KUBE-FW-),
// the policy chains (KUBE-SVC-, KUBE-SVL-) and one chain per endpoint (KUBE-SEP-).
import { inCIDR } from "../../model/ip";
import {
  endpointChain,
  KUBE_EXTERNAL_SERVICES,
  KUBE_MARK_MASQ,
  KUBE_NODEPORTS,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
} from "./chainNames";
import type { EndpointInfo } from "./endpoints";
import type { ProxierConfig } from "./proxierConfig";
import { type Args, comment, type RuleTag, type Table, type Writer } from "./ruleWriter";
import { portExternallyAccessible, type ServicePortInfo } from "./servicePort";
import type { CategorizedEndpoints } from "./topology";

/** proxier.probability(n): 1/n with ten decimals, as Go's "%0.10f" prints it. */
const probability = (n: number): string => (1 / n).toFixed(10);

/** The endpoint chain of each KUBE-SEP chain name, for explanations. */
export type EndpointChains = Map<string, { endpoint: EndpointInfo; servicePort: ServicePortInfo }>;

/** The per-service-port part of syncProxyRules, in its order. */
export function writeServicePort(
  w: Writer,
  cfg: ProxierConfig,
  sp: ServicePortInfo,
  cat: CategorizedEndpoints,
  endpointChains: EndpointChains,
): void {
  const port = new ServicePortRules(w, cfg, sp, cat);
  port.clusterIP();
  port.externalIPs();
  port.loadBalancerIPs();
  port.nodePorts();
  port.healthCheckNodePort();
  port.internalTrafficChain();
  port.externalTrafficChain();
  port.firewallChain();
  port.policyChains();
  port.endpointChains(endpointChains);
}

/** Where traffic with no endpoint to go to ends, in the filter table. */
interface Filter {
  tag: RuleTag;
  target: "REJECT" | "DROP";
  comment: string;
}

/** The locals syncProxyRules works out for a service port before it writes any rule, and its writers. */
class ServicePortRules {
  private readonly name: string;
  private readonly proto: string;
  /** `-m tcp -p tcp`. */
  private readonly match: string[];
  private readonly port: string;
  private readonly hasEndpoints: boolean;
  private readonly hasInternalEndpoints: boolean;
  private readonly hasExternalEndpoints: boolean;
  private readonly internalChain: string;
  private readonly externalPolicyChain: string;
  private readonly usesExtChain: boolean;
  private readonly usesFWChain: boolean;
  private readonly loadBalancerChain: string;
  private readonly internalFilter: Filter | null = null;
  private readonly externalFilter: Filter | null = null;

  constructor(
    private readonly w: Writer,
    private readonly cfg: ProxierConfig,
    private readonly sp: ServicePortInfo,
    private readonly cat: CategorizedEndpoints,
  ) {
    this.name = sp.name;
    this.proto = sp.protocol.toLowerCase();
    this.match = ["-m", this.proto, "-p", this.proto];
    this.port = String(sp.port);
    const noLocal = cat.localEndpoints.length === 0;
    this.hasEndpoints = cat.hasAnyEndpoints;
    this.hasInternalEndpoints = this.hasEndpoints && !(sp.internalPolicyLocal && noLocal);
    this.hasExternalEndpoints = this.hasEndpoints && !(sp.externalPolicyLocal && noLocal);
    this.internalChain = sp.internalPolicyLocal ? sp.localPolicyChain : sp.clusterPolicyChain;
    this.externalPolicyChain = sp.externalPolicyLocal ? sp.localPolicyChain : sp.clusterPolicyChain;
    // The EXT chain exists even without external endpoints, for the short-circuit rules.
    this.usesExtChain = this.hasEndpoints && portExternallyAccessible(sp);
    this.usesFWChain =
      this.hasEndpoints && sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
    this.loadBalancerChain = this.usesFWChain ? sp.firewallChain : sp.externalChain;
    if (!this.hasEndpoints) {
      this.internalFilter = {
        tag: "noEndpoints",
        target: "REJECT",
        comment: `${this.name} has no endpoints`,
      };
      this.externalFilter = this.internalFilter;
    } else {
      const noLocalEndpoints = `${this.name} has no local endpoints`;
      if (!this.hasInternalEndpoints)
        this.internalFilter = { tag: "noLocalInternal", target: "DROP", comment: noLocalEndpoints };
      if (!this.hasExternalEndpoints)
        this.externalFilter = { tag: "noLocalExternal", target: "DROP", comment: noLocalEndpoints };
    }
  }

  private rule(table: Table, chain: string, tag: RuleTag, args: Args): void {
    this.w.rule(table, chain, tag, args, this.name);
  }

  /** A filter rule that ends the traffic `args` match. */
  private filter(chain: string, f: Filter, args: Args): void {
    this.rule("filter", chain, f.tag, [comment(f.comment), ...args, ["-j", f.target]]);
  }

  /** Capture the ClusterIP: to the internal traffic chain, or REJECT/DROP in filter KUBE-SERVICES. */
  clusterIP(): void {
    const dst = ["-d", this.sp.clusterIP, "--dport", this.port];
    if (this.hasInternalEndpoints)
      this.rule("nat", KUBE_SERVICES, "clusterIP", [
        comment(`${this.name} cluster IP`),
        this.match,
        dst,
        ["-j", this.internalChain],
      ]);
    else if (this.internalFilter) this.filter(KUBE_SERVICES, this.internalFilter, [this.match, dst]);
  }

  /** Capture external IPs: to the external chain; REJECT/DROP in KUBE-EXTERNAL-SERVICES. */
  externalIPs(): void {
    for (const ip of this.sp.externalIPs) {
      const dst = ["-d", ip, "--dport", this.port];
      if (this.hasEndpoints)
        this.rule("nat", KUBE_SERVICES, "externalIP", [
          comment(`${this.name} external IP`),
          this.match,
          dst,
          ["-j", this.sp.externalChain],
        ]);
      if (this.externalFilter) this.filter(KUBE_EXTERNAL_SERVICES, this.externalFilter, [this.match, dst]);
    }
  }

  /** Capture load-balancer ingress IPs: to the firewall or external chain; DROP what the firewall refuses. */
  loadBalancerIPs(): void {
    for (const ip of this.sp.loadBalancerVIPs) {
      const dst = ["-d", ip, "--dport", this.port];
      if (this.hasEndpoints)
        this.rule("nat", KUBE_SERVICES, "loadBalancerIP", [
          comment(`${this.name} loadbalancer IP`),
          this.match,
          dst,
          ["-j", this.loadBalancerChain],
        ]);
      if (this.usesFWChain)
        this.rule("filter", KUBE_PROXY_FIREWALL, "firewallDrop", [
          comment(`${this.name} traffic not accepted by ${this.sp.firewallChain}`),
          this.match,
          dst,
          ["-j", "DROP"],
        ]);
    }
    const f = this.externalFilter;
    if (f)
      for (const ip of this.sp.loadBalancerVIPs)
        this.filter(KUBE_EXTERNAL_SERVICES, f, [this.match, ["-d", ip, "--dport", this.port]]);
  }

  /** Capture NodePorts (loadBalancerSourceRanges do not apply to them). */
  nodePorts(): void {
    if (this.sp.nodePort === 0) return;
    const dport = ["--dport", String(this.sp.nodePort)];
    const toExt = ["-j", this.sp.externalChain];
    if (this.hasEndpoints) {
      if (this.cfg.localhostNodePorts)
        // Same jump, counted separately (nfacct localhost_nps_accepted_pkts, Kubernetes 1.33+).
        this.rule("nat", KUBE_NODEPORTS, "nodePort", [
          comment(this.name),
          this.match,
          ["-d", "127.0.0.0/8"],
          dport,
          ["-m", "nfacct", "--nfacct-name", "localhost_nps_accepted_pkts"],
          toExt,
        ]);
      this.rule("nat", KUBE_NODEPORTS, "nodePort", [comment(this.name), this.match, dport, toExt]);
    }
    if (this.externalFilter)
      this.filter(KUBE_EXTERNAL_SERVICES, this.externalFilter, [
        ["-m", "addrtype", "--dst-type", "LOCAL"],
        this.match,
        dport,
      ]);
  }

  /** Capture the health check node port: always accepted, whether or not this node has local endpoints. */
  healthCheckNodePort(): void {
    if (this.sp.healthCheckNodePort === 0) return;
    this.rule("filter", KUBE_NODEPORTS, "healthCheck", [
      comment(`${this.name} health check node port`),
      ["-m", "tcp", "-p", "tcp"],
      ["--dport", String(this.sp.healthCheckNodePort)],
      ["-j", "ACCEPT"],
    ]);
  }

  /** Internal traffic: masquerade off-cluster sources (everything, with masqueradeAll). */
  internalTrafficChain(): void {
    if (!this.hasInternalEndpoints) return;
    const args = [
      comment(`${this.name} cluster IP`),
      this.match,
      ["-d", this.sp.clusterIP, "--dport", this.port],
    ];
    const toMasq = ["-j", KUBE_MARK_MASQ];
    if (this.cfg.masqueradeAll) this.rule("nat", this.internalChain, "masqClusterIP", [...args, toMasq]);
    else if (this.cfg.clusterCIDR)
      this.rule("nat", this.internalChain, "masqClusterIP", [
        ...args,
        ["!", "-s", this.cfg.clusterCIDR],
        toMasq,
      ]);
  }

  /** External traffic (KUBE-EXT-): masquerade it, or with a Local policy let pods and the node itself through. */
  externalTrafficChain(): void {
    if (!this.usesExtChain) return;
    const { name, sp, cfg } = this;
    const ext = sp.externalChain;
    this.w.chain("nat", ext);
    if (!sp.externalPolicyLocal) {
      this.rule("nat", ext, "masqExternal", [
        comment(`masquerade traffic for ${name} external destinations`),
        ["-j", KUBE_MARK_MASQ],
      ]);
    } else {
      if (cfg.clusterCIDR)
        this.rule("nat", ext, "podShortCircuit", [
          comment(`pod traffic for ${name} external destinations`),
          ["-s", cfg.clusterCIDR],
          ["-j", sp.clusterPolicyChain],
        ]);
      const fromNode = ["-m", "addrtype", "--src-type", "LOCAL"];
      this.rule("nat", ext, "masqLocal", [
        comment(`masquerade LOCAL traffic for ${name} external destinations`),
        fromNode,
        ["-j", KUBE_MARK_MASQ],
      ]);
      this.rule("nat", ext, "routeLocal", [
        comment(`route LOCAL traffic for ${name} external destinations`),
        fromNode,
        ["-j", sp.clusterPolicyChain],
      ]);
    }
    if (this.hasExternalEndpoints)
      this.rule("nat", ext, "externalPolicy", [["-j", this.externalPolicyChain]]);
  }

  /** The loadBalancerSourceRanges firewall (KUBE-FW-): allowed sources go on to the external chain. */
  firewallChain(): void {
    if (!this.usesFWChain) return;
    const { name, sp, cfg } = this;
    const fw = sp.firewallChain;
    this.w.chain("nat", fw);
    const lbComment = comment(`${name} loadbalancer IP`);
    const toExt = ["-j", sp.externalChain];
    for (const cidr of sp.loadBalancerSourceRanges)
      this.rule("nat", fw, "firewallAllow", [lbComment, ["-s", cidr], toExt]);
    // A VIP bound locally loops node-originated requests back with the VIP as source.
    const nodeIP = cfg.nodeIP;
    if (nodeIP && sp.loadBalancerSourceRanges.some((cidr) => inCIDR(cidr, nodeIP)))
      for (const ip of sp.loadBalancerVIPs)
        this.rule("nat", fw, "firewallAllow", [lbComment, ["-s", ip], toExt]);
    this.rule("nat", fw, "firewallEnd", [
      comment(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`),
    ]);
  }

  /** The Cluster policy chain (KUBE-SVC-) and the Local one (KUBE-SVL-), when their endpoints exist. */
  policyChains(): void {
    const { clusterEndpoints, localEndpoints } = this.cat;
    if (clusterEndpoints.length > 0)
      this.serviceToEndpointRules(this.sp.clusterPolicyChain, clusterEndpoints);
    if (localEndpoints.length > 0) this.serviceToEndpointRules(this.sp.localPolicyChain, localEndpoints);
  }

  /** writeServiceToEndpointRules: affinity checks first, then each endpoint with probability 1/(n-i). */
  private serviceToEndpointRules(chain: string, endpoints: EndpointInfo[]): void {
    const { name, proto, sp } = this;
    this.w.chain("nat", chain);
    if (sp.stickyMaxAgeSeconds !== null)
      for (const ep of endpoints) {
        const sep = endpointChain(name, proto, ep.str);
        this.rule("nat", chain, "affinity", [
          comment(`${name} -> ${ep.str}`),
          ["-m", "recent", "--name", sep, "--rcheck", "--seconds", String(sp.stickyMaxAgeSeconds), "--reap"],
          ["-j", sep],
        ]);
      }
    const n = endpoints.length;
    endpoints.forEach((ep, i) => {
      const random =
        i < n - 1 ? [["-m", "statistic", "--mode", "random", "--probability", probability(n - i)]] : [];
      this.rule("nat", chain, "loadBalance", [
        comment(`${name} -> ${ep.str}`),
        ...random,
        ["-j", endpointChain(name, proto, ep.str)],
      ]);
    });
  }

  /** One KUBE-SEP chain per endpoint this node may reach: hairpin masquerade, then DNAT. */
  endpointChains(endpointChains: EndpointChains): void {
    const { name, proto, sp } = this;
    for (const ep of this.cat.allReachableEndpoints) {
      const sep = endpointChain(name, proto, ep.str);
      endpointChains.set(sep, { endpoint: ep, servicePort: sp });
      this.rule("nat", sep, "hairpin", [comment(name), ["-s", ep.ip], ["-j", KUBE_MARK_MASQ]]);
      const affinity = sp.stickyMaxAgeSeconds !== null ? [["-m", "recent", "--name", sep, "--set"]] : [];
      this.rule("nat", sep, "dnat", [
        comment(name),
        ...affinity,
        this.match,
        ["-j", "DNAT", "--to-destination", ep.str],
      ]);
    }
  }
}
