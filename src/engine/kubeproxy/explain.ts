// explain(): what kube-proxy's rules on one node do with a NEW connection's first packet, whether
// it comes from a pod on that node, from the node itself, or from outside through the node.
// Derived only from the rule model (rules.ts) via the rule walk (ruleWalk.ts).
import type { Cluster } from "../../model/cluster";
import { parseIP } from "../../model/ip";
import { canonicalIP, familyOf } from "./proxierConfig";
import type { Family } from "./proxierConfig";
import type { HopCode, HopWhy, MasqReason } from "../trace/why";
import type { EndpointInfo } from "./endpoints";
import type { ProxierConfig } from "./proxierConfig";
import type { RuleSet, ServicePortState } from "./rules";
import type { Tagged } from "./ruleWriter";
import { buildRuleSet } from "./rules";
import { walkRules } from "./ruleWalk";
import type { Packet } from "./ruleMatch";
import { refuse } from "../refusals";
import { fail, ok, type Result } from "../result";

export type ExplainProtocol = "TCP" | "UDP" | "SCTP" | "ICMP";

export interface ExplainQuery {
  node: string;
  src: string;
  /** "IP:PORT" or "[IPv6]:PORT". */
  dst: string;
  protocol?: ExplainProtocol;
}

export interface Candidate {
  ip: string;
  port: number;
  /** "ns/name" of the endpoint's targetRef Pod. */
  pod: string | null;
  node: string | null;
  /** Overall probability of this endpoint (1/n each for n endpoints). */
  probability: number;
}

type DecisionAction = "dnat" | "reject" | "drop" | "accept" | "pass";

export interface Decision {
  action: DecisionAction;
  /** Endpoints in rule order. */
  candidates: Candidate[];
  /**
   * Whether KUBE-MARK-MASQ is hit on any path, as proxier_test.go's tracer reports it. A hairpin
   * mark (the client is one of the endpoints) only applies on that endpoint's path: see
   * masqueradeByCandidate.
   */
  masquerade: boolean;
  /** Per candidate, whether the packet is masqueraded when that endpoint is chosen. */
  masqueradeByCandidate: boolean[];
  /**
   * The chains walked, in order, as kube-proxy names them: nat chains from KUBE-SERVICES on,
   * every KUBE-SEP chain the random rules may jump to, and for a filter verdict the filter chain
   * that gave it. KUBE-MARK-MASQ is left out (it shows as `masquerade`). In nftables mode the chains
   * of the kube-proxy table, base chains included (nftables/walk.ts).
   */
  rules: string[];
  reason: string;
  /**
   * The reason as data, from the tags of the rules that matched: the hop code, the Service port, the
   * number of endpoints, whether only local ones were used, why the source is masqueraded (on every
   * path: a hairpin, which concerns one endpoint only, is left to the caller) and affinity.
   */
  why: HopWhy;
  /** ClientIP session affinity of the service port that DNATed the packet, if any. */
  sessionAffinity: { timeoutSeconds: number } | null;
}

/** Splits "IP:PORT" or "[IPv6]:PORT"; null for anything else. */
export function parseHostPort(s: string): { ip: string; port: number } | null {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(s) ?? /^([^:[\]]+):(\d+)$/.exec(s);
  const port = m ? Number(m[2]) : NaN;
  if (!m || !parseIP(m[1]!) || !Number.isInteger(port) || port < 0 || port > 65535) return null;
  return { ip: canonicalIP(m[1]!), port };
}

/**
 * Explains with a prebuilt rule set (e.g. cached per node and family by a simulation). The caller has
 * checked the addresses (explain() does, a trace's walk makes them), so a bad one here is a bug: it throws.
 */
export function explainWithRules(rs: RuleSet, q: Omit<ExplainQuery, "node">): Decision {
  const { query, packet } = checkedQuery(q);
  return decide(rs, walkRules(rs, packet), query, IPTABLES_CHAINS);
}

/**
 * A query whose addresses the caller has checked, canonical, and the packet the rules judge; a bad one
 * is a bug: it throws.
 */
export function checkedQuery(q: Omit<ExplainQuery, "node">): { query: Query; packet: Packet } {
  const hostPort = parseHostPort(q.dst);
  if (!hostPort) throw new Error(refuse.explainDestinationNotHostPort(q.dst).message);
  if (!parseIP(q.src)) throw new Error(refuse.explainSourceNotIP(q.src).message);
  const src = canonicalIP(q.src);
  const protocol = q.protocol ?? "TCP";
  return {
    query: { src, dst: hostPort.ip, port: hostPort.port, protocol },
    packet: { src, dst: hostPort.ip, protocol: protocol.toLowerCase(), dport: hostPort.port },
  };
}

/** The entry point: an unknown node, a malformed destination or source, or two IP families are refused. */
export function explain(cluster: Cluster, q: ExplainQuery): Result<Decision> {
  return explainer(cluster)(q);
}

/**
 * A node's rule set is large (tens of thousands of rules for thousands of Services), so an explainer
 * keeps the last few it built: one node's, for both families. Ask node by node to build each once.
 */
const RULE_SETS_KEPT = 2;

/**
 * explain() for many queries against one cluster: a node's rules are built on its first query and kept
 * while the queries stay on that node (RULE_SETS_KEPT). The cluster must not change while the explainer
 * is used (a changed cluster needs a new explainer).
 */
export function explainer(cluster: Cluster): (q: ExplainQuery) => Result<Decision> {
  return explainerWith(cluster, buildRuleSet, explainWithRules);
}

/** explainer() for a proxy mode: how it builds a node's rules, and how it explains with them. */
export function explainerWith<R>(
  cluster: Cluster,
  build: (cluster: Cluster, node: string, family: Family) => R,
  explainWith: (rules: R, q: Omit<ExplainQuery, "node">) => Decision,
): (q: ExplainQuery) => Result<Decision> {
  const ruleSets = new Map<string, R>();
  return (q) => {
    const hostPort = parseHostPort(q.dst);
    if (!hostPort) return fail(refuse.explainDestinationNotHostPort(q.dst));
    const family = familyOf(hostPort.ip) as Family;
    if (familyOf(q.src) !== null && familyOf(q.src) !== family)
      return fail(refuse.explainFamilyMismatch(q.src, q.dst));
    if (!cluster.nodes.some((n) => n.metadata.name === q.node)) return fail(refuse.unknownNode(q.node));
    if (!parseIP(q.src)) return fail(refuse.explainSourceNotIP(q.src));
    const key = `${family} ${q.node}`;
    let rs = ruleSets.get(key);
    if (rs) ruleSets.delete(key);
    else rs = build(cluster, q.node, family);
    // Most recently used last; the least recently used goes first.
    ruleSets.set(key, rs);
    if (ruleSets.size > RULE_SETS_KEPT) ruleSets.delete(ruleSets.keys().next().value!);
    return ok(explainWith(rs, q));
  };
}

export interface Query {
  src: string;
  dst: string;
  port: number;
  protocol: ExplainProtocol;
}

/** What decide() reads of a node's rules, in either proxy mode. */
export interface DecisionRules {
  config: ProxierConfig;
  servicePorts: ServicePortState[];
  /** The endpoint each endpoint chain (KUBE-SEP-, endpoint-) DNATs to. */
  endpointChains: Map<string, { endpoint: EndpointInfo }>;
}

/** What decide() reads of a walk through either mode's rules. */
export interface Walked {
  chains: string[];
  matched: Tagged[];
  candidates: { chain: string; destination: string; probability: number; masquerade: boolean }[];
  verdict: { target: "ACCEPT" | "DROP" | "REJECT"; rule: Tagged } | null;
  masquerade: boolean;
  affinitySeconds: number | null;
}

/** Which chains of a mode are Local policy chains and external chains. */
export interface ChainKinds {
  localPolicy: (chain: string) => boolean;
  external: (chain: string) => boolean;
}

const IPTABLES_CHAINS: ChainKinds = {
  localPolicy: (c) => c.startsWith("KUBE-SVL-"),
  external: (c) => c.startsWith("KUBE-EXT-"),
};

/** The Decision a walk amounts to, in the same words for both proxy modes. */
export function decide(rs: DecisionRules, walk: Walked, q: Query, kinds: ChainKinds): Decision {
  const candidates: Candidate[] = walk.candidates.map((c) => {
    const sep = rs.endpointChains.get(c.chain);
    const m = /^\[?(.*?)\]?:(\d+)$/.exec(c.destination)!;
    return {
      ip: sep?.endpoint.ip ?? m[1]!,
      port: sep?.endpoint.port ?? Number(m[2]),
      pod: sep?.endpoint.pod ?? null,
      node: sep?.endpoint.nodeName ?? null,
      probability: c.probability,
    };
  });
  const masqueradeByCandidate = walk.candidates.map((c) => c.masquerade);
  const masquerade = candidates.length > 0 ? masqueradeByCandidate.some((m) => m) : walk.masquerade;
  const action: DecisionAction =
    candidates.length > 0
      ? "dnat"
      : walk.verdict?.target === "REJECT"
        ? "reject"
        : walk.verdict?.target === "DROP"
          ? "drop"
          : walk.verdict?.target === "ACCEPT"
            ? "accept"
            : "pass";
  const rules = [...walk.chains];
  return {
    action,
    candidates,
    masquerade,
    masqueradeByCandidate,
    rules,
    reason: reasonFor(rs, walk, q, action, candidates, kinds),
    why: whyFor(rs, walk, q, action, candidates.length, kinds),
    sessionAffinity:
      action === "dnat" && walk.affinitySeconds !== null ? { timeoutSeconds: walk.affinitySeconds } : null,
  };
}

const ENTRY_TAGS = new Set(["clusterIP", "externalIP", "loadBalancerIP", "nodePort"]);

function entryDescription(rule: Tagged, q: Query): string {
  const where = `${q.dst}:${q.port}`;
  switch (rule.tag) {
    case "clusterIP":
      return `${where} is the ClusterIP of ${rule.svc}`;
    case "externalIP":
      return `${where} is an external IP of ${rule.svc}`;
    case "loadBalancerIP":
      return `${where} is a load-balancer IP of ${rule.svc}`;
    default:
      return `port ${q.port} on this node is the NodePort of ${rule.svc}`;
  }
}

const ENTRY_CODES: Record<string, HopCode> = {
  clusterIP: "dnat-cluster-ip",
  externalIP: "dnat-external-ip",
  loadBalancerIP: "dnat-lb-ip",
  nodePort: "dnat-node-port",
};

const VERDICT_CODES: Record<Exclude<DecisionAction, "dnat">, (rule: Tagged | undefined) => HopCode> = {
  reject: (r) => (r?.tag === "clusterIPPortReject" ? "reject-cluster-ip-port" : "reject-no-endpoints"),
  drop: (r) =>
    r?.tag === "firewallDrop"
      ? "drop-firewall"
      : r?.tag === "noLocalInternal"
        ? "drop-itp-local"
        : r?.tag === "unallocatedDrop"
          ? "drop-unallocated-cluster-ip"
          : "drop-etp-local",
  accept: () => "accept-health-check",
  pass: () => "route-no-rule",
};

/** The same story as reasonFor, as data (read from the matched rules' tags, never from the words). */
function whyFor(
  rs: DecisionRules,
  walk: Walked,
  q: Query,
  action: DecisionAction,
  endpoints: number,
  kinds: ChainKinds,
): HopWhy {
  if (action === "dnat") {
    const entry = walk.matched.find((r) => ENTRY_TAGS.has(r.tag));
    const tags = new Set(walk.matched.map((r) => r.tag));
    const why: HopWhy = { code: (entry && ENTRY_CODES[entry.tag]) ?? "dnat-cluster-ip", endpoints };
    const service = entry?.svc ?? walk.matched.find((r) => r.svc !== undefined)?.svc;
    if (service !== undefined) why.service = service;
    const shortCircuit = tags.has("podShortCircuit") || tags.has("routeLocal");
    if (!shortCircuit && walk.chains.some(kinds.localPolicy)) why.local = true;
    const masq: MasqReason | null = tags.has("masqExternal")
      ? "external"
      : tags.has("masqLocal")
        ? "node"
        : tags.has("masqClusterIP")
          ? rs.config.masqueradeAll
            ? "masquerade-all"
            : "outside-cidr"
          : null;
    if (masq) why.masq = masq;
    if (walk.affinitySeconds !== null) why.affinity = true;
    return why;
  }
  const rule = walk.verdict?.rule;
  const why: HopWhy = { code: VERDICT_CODES[action](rule) };
  if (rule?.svc !== undefined) why.service = rule.svc;
  else if (action === "pass" || rule?.tag === "clusterIPPortReject") {
    const svcAt = servicePortAt(rs, q.dst);
    if (svcAt) why.service = `${svcAt.info.namespace}/${svcAt.info.serviceName}`;
  }
  return why;
}

const servicePortsByAddress = new WeakMap<DecisionRules, Map<string, ServicePortState>>();

/** The first service port (in rule order) with `ip` as its ClusterIP, an external or a load-balancer IP. */
function servicePortAt(rs: DecisionRules, ip: string): ServicePortState | undefined {
  let byAddress = servicePortsByAddress.get(rs);
  if (!byAddress) {
    byAddress = new Map();
    for (const sp of rs.servicePorts)
      for (const address of [sp.info.clusterIP, ...sp.info.externalIPs, ...sp.info.loadBalancerVIPs])
        if (!byAddress.has(address)) byAddress.set(address, sp);
    servicePortsByAddress.set(rs, byAddress);
  }
  return byAddress.get(ip);
}

function reasonFor(
  rs: DecisionRules,
  walk: Walked,
  q: Query,
  action: DecisionAction,
  cands: Candidate[],
  kinds: ChainKinds,
): string {
  const node = rs.config.nodeName;
  const tags = new Set(walk.matched.map((r) => r.tag));
  if (action === "dnat") {
    const entry = walk.matched.find((r) => ENTRY_TAGS.has(r.tag));
    const parts: string[] = [
      entry ? entryDescription(entry, q) : `${q.dst}:${q.port} matched a service rule`,
    ];
    if (tags.has("podShortCircuit")) {
      parts.push(
        "the source is a pod, so externalTrafficPolicy Local is short-circuited to all cluster endpoints",
      );
    } else if (tags.has("routeLocal")) {
      parts.push(
        "the source is this node, so externalTrafficPolicy Local is short-circuited to all cluster endpoints",
      );
    } else if (walk.chains.some(kinds.localPolicy)) {
      const external = walk.chains.some(kinds.external);
      parts.push(
        `${external ? "externalTrafficPolicy" : "internalTrafficPolicy"} Local: only endpoints on ${node} are used`,
      );
    }
    if (tags.has("firewallAllow")) parts.push(`source ${q.src} is allowed by loadBalancerSourceRanges`);
    parts.push(
      cands.length === 1
        ? `DNAT to its only usable endpoint ${fmt(cands[0]!)}`
        : `DNAT to one of ${cands.length} endpoints, each with probability 1/${cands.length}`,
    );
    const why: string[] = [];
    if (tags.has("masqExternal")) why.push("externalTrafficPolicy Cluster masquerades external traffic");
    if (tags.has("masqLocal")) why.push("traffic from the node itself is masqueraded");
    if (walk.matched.some((r) => r.tag === "masqClusterIP")) {
      why.push(
        rs.config.masqueradeAll
          ? "masqueradeAll is set"
          : `the source is outside the cluster CIDR ${rs.config.clusterCIDR ?? ""}`,
      );
    }
    const hairpin = walk.matched.some((r) => r.tag === "hairpin");
    if (why.length > 0) parts.push(`masquerade: ${why.join("; ")}`);
    else if (hairpin) parts.push("masquerade only if the pod reaches itself (hairpin)");
    else parts.push("the source IP is kept");
    if (walk.affinitySeconds !== null)
      parts.push(`ClientIP session affinity pins a client for ${walk.affinitySeconds}s`);
    return parts.join("; ");
  }
  const v = walk.verdict?.rule;
  if (v?.tag === "clusterIPPortReject") {
    const svcAt = servicePortAt(rs, q.dst);
    const of = svcAt ? ` of ${svcAt.info.namespace}/${svcAt.info.serviceName}` : "";
    return `${q.dst} is the ClusterIP${of}, but no Service has ${q.protocol} port ${q.port} there: nftables mode's cluster-ips-check REJECTs (the client gets "connection refused" at once)`;
  }
  if (v?.tag === "unallocatedDrop") {
    return `${q.dst} is in the service CIDR, but no Service has it as its ClusterIP: nftables mode's cluster-ips-check DROPs (the client times out)`;
  }
  if (action === "reject" && v) {
    return `${v.svc} has no endpoints: REJECT (the client gets "connection refused" at once)`;
  }
  if (action === "drop" && v) {
    if (v.tag === "firewallDrop") {
      return `source ${q.src} is not in the loadBalancerSourceRanges of ${v.svc}: DROP (the client times out)`;
    }
    if (v.tag === "noLocalInternal") {
      return `internalTrafficPolicy Local and no local endpoint of ${v.svc} on ${node}: DROP (the client times out)`;
    }
    return `externalTrafficPolicy Local and no local endpoint of ${v.svc} on ${node}: DROP (the client times out)`;
  }
  if (action === "accept" && v) {
    return `port ${q.port} is the healthCheckNodePort of ${v.svc}: ACCEPT (kube-proxy's health check server answers)`;
  }
  if (q.protocol === "ICMP") {
    return `kube-proxy only matches ${"TCP/UDP/SCTP"} ports: ICMP passes through untouched (a ClusterIP is virtual, so nothing answers a ping to it)`;
  }
  const svcAt = servicePortAt(rs, q.dst);
  if (svcAt) {
    return `no ${q.protocol} port ${q.port} of ${svcAt.info.namespace}/${svcAt.info.serviceName} at ${q.dst}: no kube-proxy rule matches, the packet passes through unchanged`;
  }
  return `no kube-proxy rule matches ${q.protocol} to ${q.dst}:${q.port}: the packet passes through unchanged`;
}

const fmt = (c: Candidate): string =>
  `${c.ip.includes(":") ? `[${c.ip}]` : c.ip}:${c.port}${c.pod ? ` (${c.pod})` : ""}`;
