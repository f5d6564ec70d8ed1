// A Service's own part of the kube-proxy table in nftables mode: its elements in the shared sets and
// maps (cluster-ips, service-ips, service-nodeports, firewall-ips, no-endpoint-...), then the chains
// they send to (service-, local-, external-, firewall-, endpoint-), followed transitively, and its
// affinity- sets; each line as `nft list table` prints it.
import { ofService, type ServiceChain } from "../iptablesServiceChains";
import type { NftTable, Statement, Verdict } from "./model";
import { chainLines, elementText, setLines } from "./nftList";

/** The chains a statement or an element's verdict sends to. */
const targets = (s: Statement | Verdict): string[] =>
  s.kind === "jump" || s.kind === "goto" ? [s.chain] : s.kind === "numgen" ? s.chains : [];

export function nftServiceChains(table: NftTable, service: string): ServiceChain[] {
  const where = `${table.family} kube-proxy`;
  const out: ServiceChain[] = [];
  const reached: string[] = [];
  const ownSets: string[] = [];
  const visit = (chain: string) => {
    const c = table.chains.get(chain);
    // Only per-service-port chains (their names hold a "/") are the Service's own.
    if (!c || !chain.includes("/") || reached.includes(chain)) return;
    reached.push(chain);
    for (const r of c.rules) {
      for (const m of r.matches) if (m.kind === "inSet" && !ownSets.includes(m.set)) ownSets.push(m.set);
      targets(r.statement).forEach(visit);
    }
  };
  for (const set of table.sets.values()) {
    const mine = set.elements.filter((e) => ofService(e.svc, service));
    if (mine.length === 0) continue;
    out.push({
      table: where,
      chain: `${set.isMap ? "map" : "set"} ${set.name}`,
      lines: mine.map(elementText),
    });
    for (const e of mine) if (e.value) targets(e.value).forEach(visit);
  }
  for (const name of reached)
    out.push({
      table: where,
      chain: `chain ${name}`,
      lines: chainLines(table.chains.get(name)!, table.family),
    });
  for (const name of ownSets) {
    const set = table.sets.get(name);
    if (set) out.push({ table: where, chain: `set ${name}`, lines: setLines(set) });
  }
  return out;
}
