// explain(): what kube-proxy's rules on one node do with a NEW connection's first packet, whether
// it comes from a pod on that node, from the node itself, or from outside through the node.
// Derived only from the rule model (rules.ts) via the rule walk (ruleWalk.ts); decision.ts words it.
import type { Cluster } from "../../model/cluster";
import { parseIP } from "../../model/ip";
import { canonicalIP, familyOf } from "./proxierConfig";
import type { Family } from "./proxierConfig";
import type { HopWhy } from "../trace/why";
import { type ChainKinds, decide, type Query } from "./decision";
import type { RuleSet } from "./rules";
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

/** iptables mode's Local policy and external chains. */
const IPTABLES_CHAINS: ChainKinds = {
  localPolicy: (c) => c.startsWith("KUBE-SVL-"),
  external: (c) => c.startsWith("KUBE-EXT-"),
};

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
