// A Service's own rules in iptables mode: the rules tagged with one of its ports in the shared chains
// (KUBE-SERVICES, KUBE-NODEPORTS, ...), then every chain of its own they jump to (KUBE-SVC/SVL/EXT/FW/SEP),
// followed transitively, each line as iptables-save prints it.
import type { RuleSet } from "./rules";

/** One chain (or, in nftables mode, set or map) of a Service's rules, as the inspector shows it. */
export interface ServiceChain {
  table: string;
  chain: string;
  lines: string[];
}

/** Whether a rule's ServicePortName ("ns/name:port" or "ns/name") belongs to the Service. */
export const ofService = (svc: string | undefined, service: string): boolean =>
  svc !== undefined && (svc === service || svc.startsWith(`${service}:`));

/**
 * The Service's rules: those tagged with one of its ports in the shared chains, then every chain they
 * jump to that is its own (KUBE-SVC/SVL/EXT/FW/SEP), followed transitively.
 */
export function iptablesServiceChains(rs: RuleSet, service: string): ServiceChain[] {
  const out: ServiceChain[] = [];
  const own = new Set<string>();
  for (const table of ["nat", "filter"] as const) {
    for (const [chain, rules] of rs.tables[table]) {
      const lines = rules.filter((r) => ofService(r.svc, service));
      if (lines.length === 0) continue;
      if (rules.every((r) => ofService(r.svc, service))) own.add(`${table}/${chain}`);
      else out.push({ table, chain, lines: lines.map((r) => `-A ${chain} ${r.args.join(" ")}`) });
    }
  }
  // Own chains in the order the jumps reach them.
  const order: ServiceChain[] = [];
  const seen = new Set<string>();
  const visit = (table: "nat" | "filter", chain: string) => {
    const key = `${table}/${chain}`;
    if (seen.has(key) || !own.has(key)) return;
    seen.add(key);
    const rules = rs.tables[table].get(chain) ?? [];
    order.push({ table, chain, lines: rules.map((r) => `-A ${chain} ${r.args.join(" ")}`) });
    for (const r of rules) {
      const j = r.args.indexOf("-j");
      if (j >= 0 && r.args[j + 1]) visit(table, r.args[j + 1]!);
    }
  };
  for (const c of out)
    for (const line of c.lines) {
      const m = / -j (\S+)/.exec(line);
      if (m) visit(c.table as "nat" | "filter", m[1]!);
    }
  for (const key of own) {
    const [table, chain] = key.split("/") as ["nat" | "filter", string];
    visit(table, chain);
  }
  return [...out, ...order];
}
