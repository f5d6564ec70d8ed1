// IP and CIDR checks for API fields, worded as apimachinery/pkg/util/validation/ip.go and
// pkg/apis/core/validation (ValidateNonSpecialIP) word them.
//
// Existing ("legacy") fields are parsed as k8s.io/utils/net ParseIPSloppy / ParseCIDRSloppy parse
// them: leading zeros in IPv4 octets and in the prefix length are accepted. The stricter checks sit
// behind the StrictIPCIDRValidation gate, which is still alpha and off by default (1.33 through 1.35).
import type { FieldError } from "../diagnostics";
import { parseIP, type IP } from "../ip";
import { invalid } from "../field";

/**
 * ParseIPSloppy (k8s.io/utils/net): Go's net.ParseIP, retried after stripping leading zeros from a
 * dotted-quad IPv4 part (the whole string, or the tail of an IPv6 address). IPv6 groups get no such
 * leniency: netip takes at most four hex digits a group. Null when not an IP at all.
 */
export function parseIPSloppy(s: unknown): IP | null {
  if (typeof s !== "string") return null;
  const colon = s.lastIndexOf(":");
  const tail = s.slice(colon + 1);
  if (!/^\d+(\.\d+){3}$/.test(tail)) return parseIP(s);
  const unzeroed = tail
    .split(".")
    .map((o) => o.replace(/^0+(?=\d)/, ""))
    .join(".");
  return parseIP(s.slice(0, colon + 1) + unzeroed);
}

/** net.IP.To4(): an IPv4 address, or an IPv4-mapped IPv6 one (::ffff:a.b.c.d); else null. */
function to4(ip: IP): bigint | null {
  if (ip.family === 4) return ip.value;
  return ip.value >> 32n === 0xffffn ? ip.value & 0xffffffffn : null;
}

/** Go's net.IP family: an IPv4-mapped IPv6 address counts as IPv4 (To4() != nil). */
export const goFamily = (ip: IP): 4 | 6 => (to4(ip) === null ? 6 : 4);

const IP_EXAMPLE = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
const CIDR_EXAMPLE = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

/** IsValidIPForLegacyField with strict validation off (the default). */
export function validateIP(path: string, value: string): FieldError[] {
  return parseIPSloppy(value) ? [] : [invalid(path, value, IP_EXAMPLE)];
}

export function validateIPv4Address(path: string, value: string): FieldError[] {
  const ip = parseIPSloppy(value);
  return ip && to4(ip) !== null ? [] : [invalid(path, value, "must be a valid IPv4 address")];
}

export function validateIPv6Address(path: string, value: string): FieldError[] {
  const ip = parseIPSloppy(value);
  return ip && to4(ip) === null ? [] : [invalid(path, value, "must be a valid IPv6 address")];
}

interface SloppyCIDR {
  /** 4 when the address part parses as IPv4 (Go's ParseCIDR tries IPv4 first). */
  family: 4 | 6;
  ip: IP;
  prefix: number;
}

/** ParseCIDRSloppy: leading zeros allowed in the IPv4 octets and in the prefix length. */
export function parseCIDRSloppy(s: string): SloppyCIDR | null {
  if (typeof s !== "string") return null;
  const slash = s.indexOf("/");
  if (slash < 0) return null;
  const addr = s.slice(0, slash);
  const mask = s.slice(slash + 1);
  const ip = parseIPSloppy(addr);
  if (!ip || !/^\d+$/.test(mask)) return null;
  const prefix = Number(mask);
  if (prefix > (ip.family === 4 ? 32 : 128)) return null;
  return { family: ip.family, ip, prefix };
}

/** IsValidCIDRForLegacyField with strict validation off (the default). */
export function validateCIDR(path: string, value: string): FieldError[] {
  return parseCIDRSloppy(value) ? [] : [invalid(path, value, CIDR_EXAMPLE)];
}

/**
 * ValidateNonSpecialIP (core validation.go): Endpoints, EndpointSlices and external IPs may not be
 * unspecified, loopback or link-local. The texts name both IPv4 and IPv6 ranges (newest wording).
 */
export function validateNonSpecialIP(path: string, value: string): FieldError[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [invalid(path, value, "must be a valid IP address")];
  const errs: FieldError[] = [];
  const v4 = to4(ip);
  const v6 = ip.value;
  const unspecified = v4 !== null ? v4 === 0n : v6 === 0n;
  const loopback = v4 !== null ? v4 >> 24n === 127n : v6 === 1n;
  const linkLocal = v4 !== null ? v4 >> 16n === 0xa9fen : v6 >> 118n === 0x3fan; // 169.254/16, fe80::/10
  // Go: IPv4 224.0.0.0/24; IPv6 ip[0]==0xff && ip[1]&0x0f==0x02 (ff02::/16 and its flag variants).
  const llMulticast =
    v4 !== null ? v4 >> 8n === 0xe00000n : v6 >> 120n === 0xffn && ((v6 >> 112n) & 0x0fn) === 2n;
  if (unspecified) errs.push(invalid(path, value, `may not be unspecified (${value})`));
  if (loopback) errs.push(invalid(path, value, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  if (linkLocal)
    errs.push(invalid(path, value, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  if (llMulticast)
    errs.push(invalid(path, value, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  return errs;
}

/** Whether a list holds exactly IPv4 and IPv6 members of both families (netutils.IsDualStack*). */
export function familiesOf(ips: readonly IP[]): { v4: boolean; v6: boolean } {
  let v4 = false;
  let v6 = false;
  for (const ip of ips) {
    if (to4(ip) !== null) v4 = true;
    else v6 = true;
  }
  return { v4, v6 };
}
