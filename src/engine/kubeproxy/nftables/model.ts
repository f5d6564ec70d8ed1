// The nftables rule model: what kube-proxy (nftables mode) puts in its table on one node for one IP
// family. Rules are kept as their parts (matches, then one statement), so nftList.ts prints them and
// walk.ts judges packets by the same parts; tags and service ports only feed explanations.
import type { RuleTag } from "../ruleWriter";

export type Direction = "saddr" | "daddr";

/** A rule's conditions, as kube-proxy writes them. */
export type Match =
  /** `ct state new`: every packet the walk judges opens a connection. */
  | { kind: "ctNew" }
  /** `ip daddr 172.30.0.41`, `ip saddr != 10.0.0.0/8`, `ip saddr != { 203.0.113.0/25, 1.2.3.4 }`. */
  | { kind: "address"; dir: Direction; negated: boolean; values: string[]; braces: boolean }
  /** `ip daddr @cluster-ips`, `ip saddr @affinity-...`. */
  | { kind: "inSet"; dir: Direction; set: string }
  /** `fib saddr type local`: an address of this node. */
  | { kind: "fibLocal"; dir: Direction };

/** What a map element or a verdict statement does with the packet. */
export type Verdict = { kind: "jump" | "goto"; chain: string } | { kind: "return" | "drop" | "reject" };

/** A rule's statement: a verdict, a verdict-map lookup, the endpoint choice, a DNAT, or bookkeeping. */
export type Statement =
  | Verdict
  /** `ip daddr . meta l4proto . th dport vmap @map` ("address") or `meta l4proto . th dport vmap @map` ("port"). */
  | { kind: "vmap"; key: "address" | "port"; map: string }
  /** `numgen random mod N vmap { 0 : goto endpoint-..., ... }`. */
  | { kind: "numgen"; chains: string[] }
  /** `meta l4proto tcp dnat to 10.180.0.1:80`. */
  | { kind: "dnat"; protocol: string; to: string }
  /** `update @affinity-... { ip saddr }`: remembers the client for ClientIP affinity. */
  | { kind: "affinityUpdate"; set: string }
  /** Marks and masquerading (the walk reads `jump mark-for-masquerade` instead). */
  | { kind: "text"; text: string };

export interface NftRule {
  matches: Match[];
  statement: Statement;
  comment?: string;
  tag: RuleTag;
  /** ServicePortName.String() of the service port the rule belongs to. */
  svc?: string;
}

export interface NftChain {
  name: string;
  /** Base chains only: `type filter hook prerouting priority -110`. */
  base?: { type: "filter" | "nat"; hook: string; priority: number };
  comment?: string;
  rules: NftRule[];
}

export interface NftElement {
  /** The key's parts: `172.30.0.41 . tcp . 80`. */
  key: string[];
  /** Maps only: the verdict. */
  value?: Verdict;
  comment?: string;
  tag: RuleTag;
  svc?: string;
}

export interface NftSet {
  name: string;
  /** "ipv4_addr", "inet_proto . inet_service : verdict", ... (a map's type has the " : verdict"). */
  type: string;
  isMap: boolean;
  flags?: string;
  timeoutSeconds?: number;
  comment?: string;
  elements: NftElement[];
}

export interface NftTable {
  family: "ip" | "ip6";
  comment: string;
  /** Sets and maps, in the order kube-proxy adds them. */
  sets: Map<string, NftSet>;
  /** Chains, in the order kube-proxy adds them; rules in write order. */
  chains: Map<string, NftChain>;
}

export class TableWriter {
  readonly table: NftTable;

  constructor(family: "ip" | "ip6") {
    this.table = { family, comment: "rules for kube-proxy", sets: new Map(), chains: new Map() };
  }

  chain(name: string, extra: Omit<NftChain, "name" | "rules"> = {}): NftChain {
    let c = this.table.chains.get(name);
    if (!c) this.table.chains.set(name, (c = { name, ...extra, rules: [] }));
    return c;
  }

  rule(
    chain: string,
    tag: RuleTag,
    matches: Match[],
    statement: Statement,
    opts: { comment?: string; svc?: string } = {},
  ): void {
    const rule: NftRule = { matches, statement, tag };
    if (opts.comment !== undefined) rule.comment = opts.comment;
    if (opts.svc !== undefined) rule.svc = opts.svc;
    this.chain(chain).rules.push(rule);
  }

  set(name: string, type: string, opts: Omit<NftSet, "name" | "type" | "isMap" | "elements"> = {}): NftSet {
    let s = this.table.sets.get(name);
    if (!s)
      this.table.sets.set(
        name,
        (s = { name, type, isMap: type.endsWith(": verdict"), ...opts, elements: [] }),
      );
    return s;
  }

  element(set: string, element: NftElement): void {
    this.table.sets.get(set)!.elements.push(element);
  }
}
