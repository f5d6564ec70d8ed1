// Prints a node's kube-proxy table the way `nft list table ip kube-proxy` (or ip6) shows it: the table's
// comment, its sets and maps, then its chains with their rules, each in the order kube-proxy adds them
// (nft lists objects by handle, i.e. creation order). Approximations: elements are listed one per line
// in the order kube-proxy adds them (nft prints a hash set's elements in the kernel's order, wrapped),
// and rules keep kube-proxy's own syntax (nft normalizes a few, e.g. `mark set mark or 0x4000` lists
// as `meta mark set meta mark | 0x00004000`).
import type { Match, NftChain, NftElement, NftRule, NftSet, NftTable, Statement, Verdict } from "./model";

/** nft's symbolic priorities: dstnat is -100, filter 0, srcnat 100. */
function priority(p: number): string {
  const named: [string, number][] = [
    ["dstnat", -100],
    ["filter", 0],
    ["srcnat", 100],
  ];
  for (const [name, base] of named) {
    if (p === base) return name;
    if (Math.abs(p - base) <= 10) return `${name} ${p > base ? "+" : "-"} ${Math.abs(p - base)}`;
  }
  return String(p);
}

const verdictText = (v: Verdict): string =>
  v.kind === "jump" || v.kind === "goto" ? `${v.kind} ${v.chain}` : v.kind;

function matchText(m: Match, ipX: string): string {
  switch (m.kind) {
    case "ctNew":
      return "ct state new";
    case "address": {
      const values = m.braces ? `{ ${m.values.join(", ")} }` : m.values[0]!;
      return `${ipX} ${m.dir} ${m.negated ? "!= " : ""}${values}`;
    }
    case "inSet":
      return `${ipX} ${m.dir} @${m.set}`;
    case "fibLocal":
      return `fib ${m.dir} type local`;
  }
}

function statementText(s: Statement, ipX: string): string {
  switch (s.kind) {
    case "vmap":
      return `${s.key === "address" ? `${ipX} daddr . ` : ""}meta l4proto . th dport vmap @${s.map}`;
    case "numgen":
      return `numgen random mod ${s.chains.length} vmap { ${s.chains.map((c, i) => `${i} : goto ${c}`).join(", ")} }`;
    case "dnat":
      return `meta l4proto ${s.protocol} dnat to ${s.to}`;
    case "affinityUpdate":
      return `update @${s.set} { ${ipX} saddr }`;
    case "text":
      return s.text;
    default:
      return verdictText(s);
  }
}

/** One rule as kube-proxy writes it (and `nft list` shows it, see above). */
export function ruleText(r: NftRule, family: "ip" | "ip6"): string {
  const parts = r.matches.map((m) => matchText(m, family));
  parts.push(statementText(r.statement, family));
  if (r.comment !== undefined) parts.push(`comment "${r.comment}"`);
  return parts.join(" ");
}

/** One element as nft prints it: `172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain`. */
export function elementText(e: NftElement): string {
  const comment = e.comment !== undefined ? ` comment "${e.comment}"` : "";
  return `${e.key.join(" . ")}${comment}${e.value ? ` : ${verdictText(e.value)}` : ""}`;
}

/** A set or map's body lines (without its braces). */
export function setLines(s: NftSet): string[] {
  const out = [`type ${s.type}`];
  if (s.flags) out.push(`flags ${s.flags}`);
  if (s.timeoutSeconds !== undefined) out.push(`timeout ${s.timeoutSeconds}s`);
  if (s.comment !== undefined) out.push(`comment "${s.comment}"`);
  if (s.elements.length > 0) {
    const items = s.elements.map(elementText);
    out.push(`elements = { ${items.join(",\n\t\t\t     ")} }`);
  }
  return out;
}

/** A chain's body lines (without its braces). */
export function chainLines(c: NftChain, family: "ip" | "ip6"): string[] {
  const out: string[] = [];
  if (c.base)
    out.push(`type ${c.base.type} hook ${c.base.hook} priority ${priority(c.base.priority)}; policy accept;`);
  if (c.comment !== undefined) out.push(`comment "${c.comment}"`);
  for (const r of c.rules) out.push(ruleText(r, family));
  return out;
}

export function nftListTable(t: NftTable): string {
  const out = [`table ${t.family} kube-proxy {`, `\tcomment "${t.comment}"`];
  for (const s of t.sets.values()) {
    out.push(`\t${s.isMap ? "map" : "set"} ${s.name} {`, ...setLines(s).map((l) => `\t\t${l}`), "\t}");
  }
  for (const c of t.chains.values()) {
    out.push(`\tchain ${c.name} {`, ...chainLines(c, t.family).map((l) => `\t\t${l}`), "\t}");
  }
  out.push("}");
  return out.join("\n") + "\n";
}
