// The NodePort allocator, as portallocator.PortAllocator over a bitmap with an offset: a lower
// "static" band of min(max(16, size/32), 128) ports (KEP-3668) that dynamic allocation uses only
// when the upper band is full. Randomness is replaced by stableOffset (see stableStart.ts).
import { formatPortRange } from "../clusterConfig";
import { ERR_FULL, type AllocResult } from "./ipAllocator";
import { stableOffset } from "./stableStart";

// Error texts of portallocator/allocator.go.
const PORT_ERR_ALLOCATED = "provided port is already allocated";
const portNotInRange = (range: string) =>
  `provided port is not in the valid range. The range of valid ports is ${range}`;

/** calculateRangeOffset (portallocator/allocator.go). */
export function portRangeOffset(size: number): number {
  if (size <= 16) return 0;
  const offset = Math.floor(size / 32);
  if (offset < 16) return 16;
  if (offset > 128) return 128;
  return offset;
}

export class NodePortAllocator {
  readonly base: number;
  readonly size: number;
  private readonly offset: number;
  /** Allocated port -> the Service ("ns/name") holding it. */
  private readonly used = new Map<number, string>();

  constructor(range: { base: number; size: number }) {
    this.base = range.base;
    this.size = range.size;
    this.offset = portRangeOffset(range.size);
  }

  rangeString(): string {
    return formatPortRange({ base: this.base, size: this.size });
  }

  contains(port: number): boolean {
    return Number.isInteger(port) && port >= this.base && port < this.base + this.size;
  }

  allocate(port: number, owner: string): AllocResult<number> {
    if (!this.contains(port)) return { ok: false, error: portNotInRange(this.rangeString()) };
    if (this.used.has(port)) return { ok: false, error: PORT_ERR_ALLOCATED };
    this.used.set(port, owner);
    return { ok: true, value: port };
  }

  /** `key` picks the starting point; `owner` is recorded as the holder. */
  allocateNext(owner: string, key: string = owner): AllocResult<number> {
    const lo = this.base + this.offset;
    const hi = this.base + this.size - 1;
    const p = this.probe(lo, hi, key) ?? (this.offset > 0 ? this.probe(this.base, lo - 1, key) : null);
    if (p === null) return { ok: false, error: ERR_FULL };
    this.used.set(p, owner);
    return { ok: true, value: p };
  }

  private probe(lo: number, hi: number, key: string): number | null {
    if (hi < lo) return null;
    const size = hi - lo + 1;
    let taken = 0;
    for (const p of this.used.keys()) if (p >= lo && p <= hi) taken++;
    if (taken >= size) return null;
    let p = lo + Number(stableOffset(key, BigInt(size)));
    while (this.used.has(p)) p = p === hi ? lo : p + 1;
    return p;
  }

  /** Release: a no-op for a port out of range, not held, or held by another Service. */
  release(port: number, owner?: string): void {
    if (owner === undefined || this.used.get(port) === owner) this.used.delete(port);
  }

  has(port: number): boolean {
    return this.used.has(port);
  }

  holder(port: number): string | undefined {
    return this.used.get(port);
  }
}
