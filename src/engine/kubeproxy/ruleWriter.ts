// Rules as kube-proxy writes them: each keeps its iptables arguments exactly, plus what it is for (a
// tag) and the service port it belongs to, which only explanations read.

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
  /** nftables mode's cluster-ips-check: a port no Service has on an active ClusterIP. */
  | "clusterIPPortReject"
  /** nftables mode's cluster-ips-check: an address of the service CIDR no Service has. */
  | "unallocatedDrop"
  | "infra";

/** What explanations read of a rule (or, in nftables mode, a map element) that matched. */
export interface Tagged {
  tag: RuleTag;
  /** ServicePortName.String() of the service port it belongs to. */
  svc?: string;
}

export interface Rule {
  chain: string;
  /** The arguments after `-A CHAIN`, exactly as kube-proxy writes them (comments keep their quotes). */
  args: string[];
  tag: RuleTag;
  /** ServicePortName.String() of the service port this rule belongs to. */
  svc?: string;
}

/** A rule's arguments in groups, as one reads them: a match module with its options, a flag and its value. */
export type Args = readonly (readonly string[])[];

/** `-m comment --comment X`, quoted as kube-proxy quotes comments that contain spaces. */
export function comment(text: string): string[] {
  const quoted = text.includes(" ") ? `"${text}"` : text;
  return ["-m", "comment", "--comment", quoted];
}

export class Writer {
  readonly tables: Record<Table, Map<string, Rule[]>> = { filter: new Map(), nat: new Map() };

  chain(table: Table, name: string): void {
    if (!this.tables[table].has(name)) this.tables[table].set(name, []);
  }

  rule(table: Table, chain: string, tag: RuleTag, args: Args, svc?: string): void {
    this.chain(table, chain);
    // A loop, not args.flat(): rule sets are rebuilt on every endpoint change, and flat() is slower.
    const flat: string[] = [];
    for (const group of args) for (const arg of group) flat.push(arg);
    this.tables[table]
      .get(chain)!
      .push(svc === undefined ? { chain, args: flat, tag } : { chain, args: flat, tag, svc });
  }
}
