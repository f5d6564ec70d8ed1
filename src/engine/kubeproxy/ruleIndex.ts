// The rules of a chain a packet could match, found without reading them all: kube-proxy's big chains
// branch on the destination (KUBE-SERVICES: one rule per ClusterIP, external or load-balancer IP and
// port; KUBE-NODEPORTS and KUBE-EXTERNAL-SERVICES: one per port), so a chain is indexed by what its
// rules require of a packet. A rule is filed under "destination IP, protocol and port" or "protocol and
// port" only when it cannot match a packet without them and has no effect unless it matches; every
// other rule is read for every packet. The rules returned are in chain order, so a walk over them
// gives exactly what a walk over the whole chain gives.
import { parseIP } from "../../model/ip";
import type { Packet } from "./ruleMatch";
import { parseRule } from "./ruleMatch";
import type { Rule } from "./ruleWriter";

interface ChainIndex {
  /** The chain's length when indexed: a chain written to afterwards is indexed again. */
  size: number;
  byDestination: Map<string, number[]>;
  byPort: Map<string, number[]>;
  /** Rules every packet must be checked against. */
  always: number[];
}

const indexes = new WeakMap<Rule[], ChainIndex>();

const portKey = (protocol: string, port: string) => `${protocol} ${port}`;
const destinationKey = (family: number, value: bigint, port: string) => `${family}:${value} ${port}`;

function indexChain(rules: Rule[]): ChainIndex {
  const index: ChainIndex = { size: rules.length, byDestination: new Map(), byPort: new Map(), always: [] };
  const file = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  rules.forEach((rule, i) => {
    const r = parseRule(rule.args);
    const protocol = r.protocol?.negated === false ? r.protocol.value : undefined;
    const port = r.destinationPort?.negated === false ? r.destinationPort.value : undefined;
    // --seconds is read from every rule walked, matched or not (ruleWalk.ts).
    if (r.affinitySeconds !== undefined || protocol === undefined || port === undefined) {
      index.always.push(i);
      return;
    }
    const ip = r.destination?.negated === false ? parseIP(r.destination.value) : null;
    if (ip) file(index.byDestination, destinationKey(ip.family, ip.value, portKey(protocol, port)), i);
    else file(index.byPort, portKey(protocol, port), i);
  });
  return index;
}

/** The rules of `rules` that `packet` could match, in chain order; the others cannot match it. */
export function candidateRules(rules: Rule[], packet: Packet): Rule[] {
  let index = indexes.get(rules);
  if (!index || index.size !== rules.length) indexes.set(rules, (index = indexChain(rules)));
  const port = portKey(packet.protocol, String(packet.dport));
  const dst = parseIP(packet.dst);
  const byDestination = dst
    ? index.byDestination.get(destinationKey(dst.family, dst.value, port))
    : undefined;
  return merge(index.always, byDestination ?? [], index.byPort.get(port) ?? []).map((i) => rules[i]!);
}

/** Three ascending lists of rule numbers as one ascending list. */
function merge(a: number[], b: number[], c: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length || k < c.length) {
    const x = a[i] ?? Infinity;
    const y = b[j] ?? Infinity;
    const z = c[k] ?? Infinity;
    if (x <= y && x <= z) out.push(a[i++]!);
    else if (y <= z) out.push(b[j++]!);
    else out.push(c[k++]!);
  }
  return out;
}
