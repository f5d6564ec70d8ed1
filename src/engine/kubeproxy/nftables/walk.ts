// Walks a NEW connection's first packet through a node's kube-proxy table, hook by hook, as the
// kernel runs the base chains (and as proxier_test.go's nftablesTracer in helpers_test.go reads the
// rules): the filter chain before DNAT (firewall-check), the nat chain (services), then, unless the
// packet was DNATed, the filter chains after DNAT: filter-input for an address of the node,
// filter-forward for one beyond it, filter-output (then filter-input) for what the node itself sends.
// Sets that remember earlier packets (affinity-) never hold a new client. `numgen random` forks the
// walk: each endpoint gets the overall probability of its path. `jump mark-for-masquerade` marks.
import { cidrContains, parseCIDR, parseIP } from "../../../model/ip";
import type { Packet } from "../ruleMatch";
import type { Tagged } from "../ruleWriter";
import type { Match, NftElement, NftSet, Verdict } from "./model";
import {
  FILTER_FORWARD,
  FILTER_INPUT,
  FILTER_OUTPUT,
  FILTER_OUTPUT_PRE_DNAT,
  FILTER_PREROUTING_PRE_DNAT,
  MARK_MASQ,
  NAT_OUTPUT,
  NAT_PREROUTING,
} from "./names";
import type { NftRuleSet } from "./ruleSet";

export interface NftWalk {
  /** Chains entered, in order (mark-for-masquerade left out: it shows as masquerade). */
  chains: string[];
  /** Every rule and map element that matched, in walk order. */
  matched: Tagged[];
  candidates: { chain: string; destination: string; probability: number; masquerade: boolean }[];
  verdict: { target: "DROP" | "REJECT"; rule: Tagged } | null;
  /** Marked for masquerade on the main (not forked) path. */
  masquerade: boolean;
  /** The timeout of the affinity sets checked on the way, if any. */
  affinitySeconds: number | null;
}

interface Fraction {
  num: number;
  den: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const times = (f: Fraction, num: number, den: number): Fraction => {
  const g = gcd(f.num * num, f.den * den);
  return { num: (f.num * num) / g, den: (f.den * den) / g };
};

function addressMatches(ip: string, value: string): boolean {
  const p = parseIP(ip);
  if (!p) return false;
  if (value.includes("/")) {
    const c = parseCIDR(value);
    return !!c && cidrContains(c, p);
  }
  const v = parseIP(value);
  return !!v && v.family === p.family && v.value === p.value;
}

const indexes = new WeakMap<NftSet, { size: number; byKey: Map<string, NftElement> }>();

/** A set's elements by key ("172.30.0.41 . tcp . 80"), the first kept: a lookup, not a scan. */
function elementsByKey(set: NftSet): Map<string, NftElement> {
  let index = indexes.get(set);
  if (!index || index.size !== set.elements.length) {
    const byKey = new Map<string, NftElement>();
    for (const e of set.elements) {
      const key = e.key.join(" . ");
      if (!byKey.has(key)) byKey.set(key, e);
    }
    indexes.set(set, (index = { size: set.elements.length, byKey }));
  }
  return index.byKey;
}

export function walkNftables(rs: NftRuleSet, packet: Packet): NftWalk {
  const { table, config } = rs;
  const result: NftWalk = {
    chains: [],
    matched: [],
    candidates: [],
    verdict: null,
    masquerade: false,
    affinitySeconds: null,
  };
  const local = config.localIPs;
  const dst = packet.dst;
  // The map element a vmap lookup took the packet from: it names the Service a shared chain acts for.
  let via: NftElement | null = null;

  const matches = (m: Match): boolean => {
    const ip = m.kind === "ctNew" ? "" : m.dir === "saddr" ? packet.src : dst;
    switch (m.kind) {
      case "ctNew":
        return true;
      case "address":
        return m.values.some((v) => addressMatches(ip, v)) !== m.negated;
      case "inSet": {
        const set = table.sets.get(m.set);
        if (set?.timeoutSeconds !== undefined) {
          result.affinitySeconds = set.timeoutSeconds;
          return false;
        }
        return !!set && elementsByKey(set).has(ip);
      }
      case "fibLocal":
        return local.has(ip);
    }
  };

  const lookup = (set: NftSet | undefined, key: string[]): NftElement | undefined =>
    set && elementsByKey(set).get(key.join(" . "));

  type Outcome = { done: boolean; masq: boolean };
  const run = (chain: string, mass: Fraction, masq: boolean): Outcome => {
    const c = table.chains.get(chain);
    if (!c) return { done: false, masq };
    result.chains.push(chain);
    for (const rule of c.rules) {
      if (!rule.matches.every(matches)) continue;
      const s = rule.statement;
      if (s.kind === "vmap") {
        const key =
          s.key === "address"
            ? [dst, packet.protocol, String(packet.dport)]
            : [packet.protocol, String(packet.dport)];
        const element = lookup(table.sets.get(s.map), key);
        if (!element?.value) continue;
        result.matched.push(rule, element);
        via = element;
        const out = verdict(element.value, element, mass, masq);
        if (out) return out;
        continue;
      }
      result.matched.push(rule);
      switch (s.kind) {
        case "numgen": {
          for (const next of s.chains) run(next, times(mass, 1, s.chains.length), masq);
          return { done: true, masq };
        }
        case "dnat":
          result.candidates.push({
            chain,
            destination: s.to,
            probability: mass.num / mass.den,
            masquerade: masq,
          });
          return { done: true, masq };
        case "affinityUpdate":
        case "text":
          continue;
        default: {
          if ((s.kind === "jump" || s.kind === "goto") && s.chain === MARK_MASQ) {
            masq = true;
            continue;
          }
          const out = verdict(s, rule, mass, masq);
          if (out) return out;
        }
      }
    }
    return { done: false, masq };

    // Applies a verdict; returns the chain's outcome when the chain ends here.
    function verdict(v: Verdict, from: Tagged, m: Fraction, mq: boolean): Outcome | null {
      switch (v.kind) {
        case "return":
          return { done: false, masq: mq };
        case "drop":
        case "reject":
          result.verdict ??= {
            target: v.kind === "drop" ? "DROP" : "REJECT",
            rule: from.tag === "infra" && via ? via : from,
          };
          return { done: true, masq: mq };
        default: {
          const sub = run(v.chain, m, mq);
          masq = sub.masq;
          if (sub.done || v.kind === "goto") return { done: sub.done, masq };
          return null;
        }
      }
    }
  };

  // The nat hook is always part of the story (as iptables mode's nat KUBE-SERVICES); a filter hook only
  // when it decided or matched a Service's element (a firewall-ips entry that let the packet through).
  const hook = (chain: string): boolean => {
    const nat = chain === NAT_PREROUTING || chain === NAT_OUTPUT;
    const chains = result.chains.length;
    const matched = result.matched.length;
    const out = run(chain, { num: 1, den: 1 }, false);
    if (nat) result.masquerade = out.masq;
    else if (!out.done && !result.matched.slice(matched).some((r) => r.svc !== undefined))
      result.chains.length = chains;
    return out.done;
  };

  const fromNode = local.has(packet.src);
  if (hook(fromNode ? FILTER_OUTPUT_PRE_DNAT : FILTER_PREROUTING_PRE_DNAT)) return result;
  hook(fromNode ? NAT_OUTPUT : NAT_PREROUTING);
  if (result.candidates.length === 0) {
    result.affinitySeconds = null;
    const toNode = local.has(dst);
    const filters = fromNode
      ? [FILTER_OUTPUT, ...(toNode ? [FILTER_INPUT] : [])]
      : [toNode ? FILTER_INPUT : FILTER_FORWARD];
    for (const chain of filters) if (hook(chain)) break;
  }
  return result;
}
