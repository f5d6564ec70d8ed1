// Walks a NEW connection's first packet through a node's rule model, as proxier_test.go's
// iptablesTracer does: nat KUBE-SERVICES (reached from PREROUTING and OUTPUT alike) first; then,
// unless it was DNATed, the filter chains KUBE-SERVICES, KUBE-EXTERNAL-SERVICES, KUBE-NODEPORTS
// and KUBE-PROXY-FIREWALL, where the first ACCEPT/DROP/REJECT decides. Rules that look at earlier
// packets (recent --rcheck, marks, conntrack state) never match. A --probability rule forks the
// walk: each endpoint gets the overall probability of its path.
import {
  KUBE_EXTERNAL_SERVICES,
  KUBE_MARK_MASQ,
  KUBE_NODEPORTS,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
} from "./chainNames";
import type { RuleSet } from "./rules";
import type { Rule, Table } from "./ruleWriter";
import type { Packet } from "./ruleMatch";
import { parseRule, ruleMatches } from "./ruleMatch";
import { candidateRules } from "./ruleIndex";

interface RuleWalkCandidate {
  /** The KUBE-SEP chain whose DNAT rule matched. */
  chain: string;
  destination: string;
  probability: number;
  /** Whether the packet was marked for masquerade on the way to this endpoint. */
  masquerade: boolean;
}

export interface RuleWalk {
  /** Chains entered, in order (KUBE-MARK-MASQ left out: it shows as masquerade). */
  chains: string[];
  /** Every rule that matched, in walk order. */
  matched: Rule[];
  candidates: RuleWalkCandidate[];
  /** The filter verdict, when the packet was not DNATed and a filter rule decided. */
  verdict: { target: "ACCEPT" | "DROP" | "REJECT"; rule: Rule } | null;
  /** Marked for masquerade on the main (not forked) path. */
  masquerade: boolean;
  /** --seconds of the ClientIP affinity checks passed on the way, if any. */
  affinitySeconds: number | null;
}

const FILTER_CHAINS = [KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL];

export function walkRules(rs: RuleSet, packet: Packet): RuleWalk {
  const result: RuleWalk = {
    chains: [],
    matched: [],
    candidates: [],
    verdict: null,
    masquerade: false,
    affinitySeconds: null,
  };
  const local = rs.config.localIPs;

  // Returns whether the walk hit a terminal target, and the masquerade mark after the chain.
  const run = (
    table: Table,
    chain: string,
    mass: Fraction,
    masq: boolean,
  ): { done: boolean; masq: boolean } => {
    const rules = rs.tables[table].get(chain);
    if (!rules) return { done: false, masq };
    result.chains.push(chain);
    for (const rule of candidateRules(rules, packet)) {
      const r = parseRule(rule.args);
      if (r.affinitySeconds !== undefined) result.affinitySeconds = r.affinitySeconds;
      if (r.jump === undefined || !ruleMatches(r, packet, local)) continue;
      result.matched.push(rule);
      switch (r.jump) {
        case KUBE_MARK_MASQ:
          masq = true;
          continue;
        case "RETURN":
          return { done: false, masq };
        case "ACCEPT":
        case "DROP":
        case "REJECT":
          result.verdict ??= { target: r.jump, rule };
          return { done: true, masq };
        case "DNAT":
          result.candidates.push({
            chain,
            destination: r.dnatDestination ?? "",
            probability: mass.num / mass.den,
            masquerade: masq,
          });
          return { done: true, masq };
        default: {
          if (r.probability !== undefined) {
            const p = r.probability;
            run(table, r.jump, reduce(mass.num * p.num, mass.den * p.den), masq);
            mass = reduce(mass.num * (p.den - p.num), mass.den * p.den);
            continue;
          }
          const sub = run(table, r.jump, mass, masq);
          masq = sub.masq;
          if (sub.done) return { done: true, masq };
        }
      }
    }
    return { done: false, masq };
  };

  const nat = run("nat", KUBE_SERVICES, ONE, false);
  result.masquerade = nat.masq;
  if (result.candidates.length === 0) {
    for (const chain of FILTER_CHAINS) {
      const before = result.chains.length;
      const f = run("filter", chain, ONE, false);
      if (f.done) break;
      // Filter chains the packet only passed through are not part of its story.
      result.chains.length = before;
    }
  }
  if (result.candidates.length === 0) result.affinitySeconds = null;
  return result;
}

/** The share of new connections reaching a point in the walk, kept exact (1/3, not 0.3333333333). */
interface Fraction {
  num: number;
  den: number;
}

const ONE: Fraction = { num: 1, den: 1 };

function reduce(num: number, den: number): Fraction {
  let a = num;
  let b = den;
  while (b !== 0) [a, b] = [b, a % b];
  return a === 0 ? { num: 0, den: 1 } : { num: num / a, den: den / a };
}
