// IPv4 and IPv6 addresses and CIDRs as bigints, parsed as strictly as Go's netip (which the API server
// uses for new validation): no leading zeros in IPv4 octets, no zones.

export interface IP {
  family: 4 | 6;
  value: bigint;
}

export interface CIDR {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIPv4(s: string): IP | null {
  const m = V4.exec(s);
  if (!m) return null;
  let v = 0n;
  for (let i = 1; i <= 4; i++) {
    const part = m[i]!;
    if (part.length > 1 && part.startsWith("0")) return null;
    const n = Number(part);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return { family: 4, value: v };
}

/**
 * IPv4 as Go's netutils.ParseIPSloppy (the pre-1.17 net.ParseIP) reads it: leading zeros are
 * allowed and read as decimal ("010.001.0.1" is 10.1.0.1). kube-proxy parses Service and
 * EndpointSlice addresses this way, since objects stored before stricter validation may have them.
 */
function parseIPv4Sloppy(s: string): IP | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (!m) return null;
  let v = 0n;
  for (let i = 1; i <= 4; i++) {
    const n = Number(m[i]!);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return { family: 4, value: v };
}

function parseIPv6(s: string): IP | null {
  if (!s.includes(":") || s.includes("%")) return null;
  let head = s;
  let tailV4: IP | null = null;
  const lastColon = s.lastIndexOf(":");
  if (s.slice(lastColon + 1).includes(".")) {
    tailV4 = parseIPv4(s.slice(lastColon + 1));
    if (!tailV4) return null;
    head = s.slice(0, lastColon + 1) + "0:0";
  }
  const dbl = head.split("::");
  if (dbl.length > 2) return null;
  const parse = (p: string) => (p === "" ? [] : p.split(":"));
  const left = parse(dbl[0]!);
  const right = dbl.length === 2 ? parse(dbl[1]!) : [];
  const missing = 8 - left.length - right.length;
  if (dbl.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...left, ...Array<string>(dbl.length === 2 ? missing : 0).fill("0"), ...right];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4) v = (v & ~0xffffffffn) | tailV4.value;
  return { family: 6, value: v };
}

export const parseIP = (s: string): IP | null =>
  typeof s !== "string" ? null : s.includes(":") ? parseIPv6(s) : parseIPv4(s);

export const isIP = (s: string): boolean => parseIP(s) !== null;

export function formatIP(ip: IP): string {
  if (ip.family === 4) {
    const v = ip.value;
    return [24n, 16n, 8n, 0n].map((sh) => String((v >> sh) & 255n)).join(".");
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip.value >> BigInt(i * 16)) & 0xffffn));
  // RFC 5952: compress the longest run (length >= 2) of zero groups, the first one on ties.
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}

/** netutils.ParseIPSloppy: parseIP, but IPv4 octets may have leading zeros. */
export const parseIPSloppy = (s: string): IP | null =>
  typeof s !== "string" ? null : s.includes(":") ? parseIPv6(s) : parseIPv4Sloppy(s);

const bits = (family: 4 | 6) => (family === 4 ? 32 : 128);

export function parseCIDR(s: string): CIDR | null {
  if (typeof s !== "string") return null;
  const slash = s.indexOf("/");
  if (slash < 0) return null;
  const ip = parseIP(s.slice(0, slash));
  const p = s.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(p) || (p.length > 1 && p.startsWith("0"))) return null;
  const prefix = Number(p);
  if (prefix > bits(ip.family)) return null;
  return { family: ip.family, base: ip.value & mask(ip.family, prefix), prefix };
}

/** netutils.ParseCIDRSloppy: parseCIDR, but leading zeros in IPv4 octets and the prefix are allowed. */
export function parseCIDRSloppy(s: string): CIDR | null {
  if (typeof s !== "string") return null;
  const slash = s.indexOf("/");
  if (slash < 0) return null;
  const ip = parseIPSloppy(s.slice(0, slash));
  const p = s.slice(slash + 1);
  if (!ip || !/^\d+$/.test(p)) return null;
  const prefix = Number(p);
  if (prefix > bits(ip.family)) return null;
  return { family: ip.family, base: ip.value & mask(ip.family, prefix), prefix };
}

function mask(family: 4 | 6, prefix: number): bigint {
  const b = BigInt(bits(family));
  const all = (1n << b) - 1n;
  return all ^ ((1n << (b - BigInt(prefix))) - 1n);
}

export function cidrContains(c: CIDR, ip: IP): boolean {
  return c.family === ip.family && (ip.value & mask(c.family, c.prefix)) === c.base;
}

export function inCIDR(cidr: string, ip: string): boolean {
  const c = parseCIDR(cidr);
  const a = parseIP(ip);
  return !!c && !!a && cidrContains(c, a);
}

export const cidrSize = (c: CIDR): bigint => 1n << BigInt(bits(c.family) - c.prefix);

/** The n-th address of a CIDR (0 is the network address). */
export const nthIP = (c: CIDR, n: bigint | number): string =>
  formatIP({ family: c.family, value: c.base + BigInt(n) });

export const formatCIDR = (c: CIDR): string => `${formatIP({ family: c.family, value: c.base })}/${c.prefix}`;

/** The i-th subnet of size /newPrefix inside c. */
export function subnet(c: CIDR, newPrefix: number, i: number): CIDR {
  const step = 1n << BigInt(bits(c.family) - newPrefix);
  return { family: c.family, base: c.base + step * BigInt(i), prefix: newPrefix };
}
