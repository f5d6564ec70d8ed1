// Reads a rule's iptables arguments back into matches, the way the Go fake iptables does
// (pkg/util/iptables/testing/parse.go), so packets are judged by exactly the text iptablesSave prints.
import { cidrContains, parseCIDR, parseIP } from "../../model/ip";

interface AddressMatch {
  value: string;
  negated: boolean;
}

interface ParsedRule {
  comment?: string;
  protocol?: AddressMatch;
  source?: AddressMatch;
  destination?: AddressMatch;
  sourceType?: AddressMatch;
  destinationType?: AddressMatch;
  destinationPort?: AddressMatch;
  /**
   * --probability of `-m statistic --mode random` as a fraction. kube-proxy only writes 1/k
   * (printed with ten decimals), which is recovered exactly so that n endpoints get 1/n each.
   */
  probability?: { num: number; den: number };
  /** Matches depending on earlier packets (recent --rcheck, mark, conntrack state): never a NEW packet's. */
  checksState: boolean;
  /** --seconds of a `-m recent --rcheck` affinity check. */
  affinitySeconds?: number;
  jump?: string;
  dnatDestination?: string;
}

const cache = new WeakMap<string[], ParsedRule>();

type AddressField =
  "protocol" | "source" | "destination" | "sourceType" | "destinationType" | "destinationPort";

/** Options whose value is matched against the packet, `!` before them negating the match. */
const ADDRESS_MATCHES = new Map<string, AddressField>([
  ["-p", "protocol"],
  ["-s", "source"],
  ["-d", "destination"],
  ["--src-type", "sourceType"],
  ["--dst-type", "destinationType"],
  ["--dport", "destinationPort"],
]);

/** Options that take a value but do not affect matching a NEW packet. */
const IGNORED_WITH_VALUE = new Set(["-m", "--mode", "--name", "--nfacct-name", "--or-mark", "--xor-mark"]);

// A plain loop without closures: every node's rule set is parsed again, rule by rule.
export function parseRule(args: string[]): ParsedRule {
  const hit = cache.get(args);
  if (hit) return hit;
  const r: ParsedRule = { checksState: false };
  let negate = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "!") {
      negate = true;
      continue;
    }
    const match = ADDRESS_MATCHES.get(a);
    if (match) r[match] = { value: args[++i] ?? "", negated: negate };
    else if (IGNORED_WITH_VALUE.has(a)) i++;
    else
      switch (a) {
        case "--comment":
          r.comment = (args[++i] ?? "").replace(/^"|"$/g, "");
          break;
        case "--probability":
          r.probability = parseProbability(args[++i] ?? "");
          break;
        case "--rcheck":
          r.checksState = true;
          break;
        case "--seconds":
          r.affinitySeconds = Number(args[++i] ?? "");
          break;
        case "--mark":
        case "--ctstate":
          i++;
          r.checksState = true;
          break;
        case "-j":
          r.jump = args[++i] ?? "";
          break;
        case "--to-destination":
          r.dnatDestination = args[++i] ?? "";
      }
    negate = false;
  }
  cache.set(args, r);
  return r;
}

export interface Packet {
  src: string;
  dst: string;
  /** Lower case: tcp, udp, sctp, icmp. */
  protocol: string;
  dport: number;
}

function addressMatches(m: AddressMatch, ip: string): boolean {
  const a = parseIP(ip);
  let matches = false;
  if (a) {
    if (m.value.includes("/")) {
      const c = parseCIDR(m.value);
      matches = c !== null && cidrContains(c, a);
    } else {
      const b = parseIP(m.value);
      matches = b !== null && b.family === a.family && b.value === a.value;
    }
  }
  return m.negated ? !matches : matches;
}

const typeMatches = (m: AddressMatch, isLocal: boolean): boolean =>
  ((m.value === "LOCAL") === isLocal) !== m.negated;

/** Whether the rule matches a NEW packet (a --probability rule matches with that probability). */
export function ruleMatches(r: ParsedRule, p: Packet, localIPs: Set<string>): boolean {
  if (r.source && !addressMatches(r.source, p.src)) return false;
  if (r.sourceType && !typeMatches(r.sourceType, localIPs.has(p.src))) return false;
  if (r.protocol && (r.protocol.value === p.protocol) === r.protocol.negated) return false;
  if (r.destination && !addressMatches(r.destination, p.dst)) return false;
  if (r.destinationType && !typeMatches(r.destinationType, localIPs.has(p.dst))) return false;
  if (r.destinationPort && (r.destinationPort.value === String(p.dport)) === r.destinationPort.negated)
    return false;
  return !r.checksState;
}

function parseProbability(text: string): { num: number; den: number } {
  const p = Number(text);
  const k = Math.round(1 / p);
  if (k > 0 && (1 / k).toFixed(10) === text) return { num: 1, den: k };
  return { num: Math.round(p * 1e10), den: 1e10 };
}
