// The Decision a walk through kube-proxy's rules amounts to, in the same words for both proxy modes:
// the action, the endpoints with their chances, masquerade, the chains walked, and the reason (in an
// English sentence, and as data for the view), read from the tags of the rules that matched.
import type { HopCode, HopWhy, MasqReason } from "../trace/why";
import { type EndpointInfo, joinHostPort } from "./endpoints";
import type { Candidate, Decision, ExplainProtocol } from "./explain";
import type { ProxierConfig } from "./proxierConfig";
import type { Tagged } from "./ruleWriter";
import type { ServicePortState } from "./servicePortStates";

type DecisionAction = Decision["action"];

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
  const where = joinHostPort(q.dst, q.port);
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
      entry ? entryDescription(entry, q) : `${joinHostPort(q.dst, q.port)} matched a service rule`,
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
    if (q.protocol === "ICMP")
      return `${q.dst} is the ClusterIP${of}: nftables mode's cluster-ips-check REJECTs what no Service port matches, so a ping gets "port unreachable" at once`;
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
  return `no kube-proxy rule matches ${q.protocol} to ${joinHostPort(q.dst, q.port)}: the packet passes through unchanged`;
}

const fmt = (c: Candidate): string => `${joinHostPort(c.ip, c.port)}${c.pod ? ` (${c.pod})` : ""}`;
