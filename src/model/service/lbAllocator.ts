// A stand-in for the cloud's load-balancer controller: it is not the API server, so it never
// rejects a Service; it hands out the lowest free address of cfg.loadBalancerIPPool (as MetalLB
// does), honours spec.loadBalancerIP when that address is free, and leaves the Service pending
// (no ingress) when it cannot. The status it writes says how its load balancers deliver: ipMode Proxy
// for a cluster whose loadBalancerMode is Proxy, VIP otherwise (a NodePort-target balancer keeps the
// address reachable through kube-proxy's rules, as DigitalOcean's does).
import { formatIP, parseCIDR, type CIDR } from "../ip";
import { parseIPSloppy } from "../validation/ip";

export class LoadBalancerIPAllocator {
  private readonly pool: CIDR | null;
  /** Address (canonical text) -> the Service ("ns/name") holding it. */
  private readonly used = new Map<string, string>();

  constructor(
    pool: string,
    readonly ipMode: "VIP" | "Proxy" = "VIP",
  ) {
    this.pool = parseCIDR(pool);
  }

  private canonical(ip: string): string | null {
    const p = parseIPSloppy(ip);
    return p ? formatIP(p) : null;
  }

  /** Takes a given address for owner; false when it is not an IP or another Service holds it. */
  claim(ip: string, owner: string): boolean {
    const c = this.canonical(ip);
    if (c === null) return false;
    const holder = this.used.get(c);
    if (holder !== undefined && holder !== owner) return false;
    this.used.set(c, owner);
    return true;
  }

  /** The lowest free pool address (skipping an IPv4 pool's network and broadcast addresses). */
  allocateNext(owner: string): string | null {
    const c = this.pool;
    if (!c) return null;
    const bits = c.family === 4 ? 32 : 128;
    const size = 1n << BigInt(bits - c.prefix);
    const skipEnds = c.family === 4 && size > 2n;
    const lo = c.base + (skipEnds ? 1n : 0n);
    const hi = c.base + size - (skipEnds ? 2n : 1n);
    for (let v = lo; v <= hi && v - lo < 65536n; v++) {
      const ip = formatIP({ family: c.family, value: v });
      if (!this.used.has(ip)) {
        this.used.set(ip, owner);
        return ip;
      }
    }
    return null;
  }

  release(ip: string, owner?: string): void {
    const c = this.canonical(ip);
    if (c !== null && (owner === undefined || this.used.get(c) === owner)) this.used.delete(c);
  }

  holder(ip: string): string | undefined {
    const c = this.canonical(ip);
    return c === null ? undefined : this.used.get(c);
  }
}
