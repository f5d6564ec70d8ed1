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

export function parseRule(args: string[]): ParsedRule {
  const hit = cache.get(args);
  if (hit) return hit;
  const r: ParsedRule = { checksState: false };
  let negate = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = () => args[++i] ?? "";
    const val = (): AddressMatch => {
      const m = { value: next(), negated: negate };
      negate = false;
      return m;
    };
    switch (a) {
      case "!":
        negate = true;
        continue;
      case "-m":
        next();
        break;
      case "--comment":
        r.comment = next().replace(/^"|"$/g, "");
        break;
      case "-p":
        r.protocol = val();
        break;
      case "-s":
        r.source = val();
        break;
      case "-d":
        r.destination = val();
        break;
      case "--src-type":
        r.sourceType = val();
        break;
      case "--dst-type":
        r.destinationType = val();
        break;
      case "--dport":
        r.destinationPort = val();
        break;
      case "--probability":
        r.probability = parseProbability(next());
        break;
      case "--rcheck":
        r.checksState = true;
        break;
      case "--seconds":
        r.affinitySeconds = Number(next());
        break;
      case "--mark":
      case "--ctstate":
        next();
        r.checksState = true;
        break;
      case "-j":
        r.jump = next();
        break;
      case "--to-destination":
        r.dnatDestination = next();
        break;
      default:
        // Options that take a value but do not affect matching a NEW packet.
        if (["--mode", "--name", "--nfacct-name", "--or-mark", "--xor-mark"].includes(a)) next();
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
