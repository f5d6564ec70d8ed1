// The ClusterIP allocator for one service CIDR, as ipallocator.Allocator (ipallocator.go, the
// IPAddress-backed allocator the MetaAllocator uses since MultiCIDRServiceAllocator went GA in 1.33)
// hands out addresses: never the network address, never the IPv4 broadcast address; a lower
// "static" band of min(max(16, size/16), 256) addresses (KEP-3070) that dynamic allocation only
// uses when the upper band is full. Randomness is replaced by stableOffset (see stableStart.ts).
import { cidrContains, formatIP, parseCIDR, type CIDR } from "../ip";
import { goFamily, parseIPSloppy } from "../validation/ip";
import { stableOffset } from "./stableStart";

export type AllocResult<T> = { ok: true; value: T } | { ok: false; error: string };

// Error texts of ipallocator/interfaces.go.
const IP_ERR_ALLOCATED = "provided IP is already allocated";
const IP_ERR_MISMATCHED_NETWORK = "the provided network does not match the current range";
export const ERR_FULL = "range is full";

/** calculateRangeOffset (ipallocator/bitmap.go): the size of the static band. */
export function ipRangeOffset(cidrSize: bigint): bigint {
  if (cidrSize <= 16n) return 0n;
  const offset = cidrSize / 16n;
  if (offset < 16n) return 16n;
  if (offset > 256n) return 256n;
  return offset;
}

export class ClusterIPAllocator {
  readonly cidr: CIDR;
  readonly family: "IPv4" | "IPv6";
  private readonly first: bigint;
  private readonly last: bigint;
  private readonly offset: bigint;
  /** Allocated address -> the Service ("ns/name") holding it. */
  private readonly used = new Map<bigint, string>();

  constructor(cidr: string) {
    const c = parseCIDR(cidr);
    if (!c) throw new Error(`invalid service CIDR ${JSON.stringify(cidr)}`);
    this.cidr = c;
    this.family = c.family === 4 ? "IPv4" : "IPv6";
    const bits = c.family === 4 ? 32 : 128;
    const rangeSize = 1n << BigInt(bits - c.prefix);
    this.first = c.base + 1n;
    this.last = c.base + rangeSize - (c.family === 4 ? 2n : 1n);
    this.offset = ipRangeOffset(rangeSize);
  }

  /** servicecidr.PrefixContainsIP: in the prefix, not the network address, not the IPv4 broadcast. */
  private inRange(v: bigint): boolean {
    return v >= this.first && v <= this.last;
  }

  private toValue(ip: string): bigint | null {
    const p = parseIPSloppy(ip);
    if (!p || (goFamily(p) === 4 ? "IPv4" : "IPv6") !== this.family) return null;
    const v = this.cidr.family === 4 ? p.value & 0xffffffffn : p.value;
    return cidrContains(this.cidr, { family: this.cidr.family, value: v }) ? v : null;
  }

  /** MetaAllocator.AllocateService with a requested address. */
  allocate(ip: string, owner: string): AllocResult<string> {
    const v = this.toValue(ip);
    if (v === null || !this.inRange(v)) return { ok: false, error: IP_ERR_MISMATCHED_NETWORK };
    if (this.used.has(v)) return { ok: false, error: IP_ERR_ALLOCATED };
    this.used.set(v, owner);
    return { ok: true, value: this.format(v) };
  }

  /** AllocateNextService: the upper (dynamic) band first, then the lower (static) band. */
  allocateNext(owner: string): AllocResult<string> {
    const upper = this.probe(this.first + this.offset, this.last, owner);
    const v =
      upper ?? (this.offset > 0n ? this.probe(this.first, this.first + this.offset - 1n, owner) : null);
    if (v === null) return { ok: false, error: ERR_FULL };
    this.used.set(v, owner);
    return { ok: true, value: this.format(v) };
  }

  private probe(lo: bigint, hi: bigint, owner: string): bigint | null {
    if (hi < lo) return null;
    const size = hi - lo + 1n;
    let taken = 0n;
    for (const v of this.used.keys()) if (v >= lo && v <= hi) taken++;
    if (taken >= size) return null;
    let v = lo + stableOffset(owner, size);
    while (this.used.has(v)) v = v === hi ? lo : v + 1n;
    return v;
  }

  /** Release: a no-op for an address not held, or held by another Service. */
  release(ip: string, owner?: string): void {
    const v = this.toValue(ip);
    if (v === null) return;
    if (owner === undefined || this.used.get(v) === owner) this.used.delete(v);
  }

  has(ip: string): boolean {
    const v = this.toValue(ip);
    return v !== null && this.used.has(v);
  }

  holder(ip: string): string | undefined {
    const v = this.toValue(ip);
    return v === null ? undefined : this.used.get(v);
  }

  private format(v: bigint): string {
    return formatIP({ family: this.cidr.family, value: v });
  }
}
