// "IP:PORT" as traces and the CLI write it; IPv6 in brackets ("[fd00::1]:80"). ICMP has no port.
import { formatIP, isIP, parseIP } from "../../model/ip";

export interface Address {
  ip: string;
  port: number | null;
}

export function parseAddress(s: string, needPort: boolean): Address | null {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (v6) return checked(v6[1]!, v6[2], needPort);
  if (isIP(s)) return needPort ? null : { ip: canonical(s), port: null };
  const i = s.lastIndexOf(":");
  if (i < 0) return null;
  return checked(s.slice(0, i), s.slice(i + 1), needPort);
}

function checked(ip: string, port: string | undefined, needPort: boolean): Address | null {
  if (!isIP(ip)) return null;
  if (port === undefined) return needPort ? null : { ip: canonical(ip), port: null };
  const n = parsePort(port);
  return n === null ? null : { ip: canonical(ip), port: n };
}

/** A destination port as a packet carries it: 1 to 65535, or null. */
export function parsePort(s: string): number | null {
  return /^\d{1,5}$/.test(s) && Number(s) >= 1 && Number(s) <= 65535 ? Number(s) : null;
}

/**
 * An IPv6 address as the cluster writes its own (RFC 5952: lowercase, zeros compressed), so that
 * "2001:DB8:0::2" finds the node at 2001:db8::2; IPv4, and IPv6 with an embedded IPv4, as given.
 */
const canonical = (ip: string): string =>
  ip.includes(":") && !ip.includes(".") ? formatIP(parseIP(ip)!) : ip;

export function formatAddress(a: Address): string {
  const ip = a.ip.includes(":") ? `[${a.ip}]` : a.ip;
  return a.port === null ? a.ip : `${ip}:${a.port}`;
}

/**
 * An ICMP packet's destination as kube-proxy's rules are matched against it: they match ports only, so
 * a bare IP gets port 0, which no rule has ("10.96.0.1" -> "10.96.0.1:0", "fd00::1" -> "[fd00::1]:0").
 */
export function icmpDestination(dst: string): string {
  if (parseAddress(dst, true)) return dst;
  const a = parseAddress(dst, false);
  return a ? formatAddress({ ip: a.ip, port: 0 }) : dst;
}
