// Reads the spec of a `kubehops.dev/v1alpha1 ClusterConfig` over the defaults, checking each value.
import {
  type ClusterConfig,
  defaultClusterConfig,
  LATENCY_KEYS,
  LOAD_BALANCER_MODES,
  type LoadBalancerMode,
  MAX_HEALTH_CHECK_THRESHOLD,
  type ProxyMode,
  SHORTEST_HEALTH_CHECK_INTERVAL,
  THRESHOLD_KEYS,
  TIMING_KEYS,
} from "./clusterConfig";
import { LONGEST_DURATION, parseDuration } from "./duration";
import type { FieldError } from "./diagnostics";
import { invalid, notSupported, tooMany } from "./field";
import { cidrSize, isIP, parseCIDR, parseIP } from "./ip";

const hostCIDR = (ip: string) => `${ip}/${parseIP(ip)!.family === 4 ? 32 : 128}`;
import { isDNS1123Label, isDNS1123Subdomain } from "./validation/names";

const MODES: ProxyMode[] = ["iptables", "nftables", "ipvs"];
/** A teaching network's routing table; every trace to an external IP looks through it. */
export const MAX_ROUTES = 1_000;

export function readClusterConfig(spec: Record<string, unknown>): {
  config: ClusterConfig;
  errors: FieldError[];
} {
  const config = defaultClusterConfig();
  const errors: FieldError[] = [];
  const cidr = (path: string, v: unknown, minHosts = 4n): string | undefined => {
    if (typeof v !== "string") return undefined;
    const c = parseCIDR(v);
    if (!c) errors.push(invalid(path, v, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
    else if (cidrSize(c) < minHosts) errors.push(invalid(path, v, "is too small to hold addresses"));
    else return v;
    return undefined;
  };
  // Like the --service-cluster-ip-range and --cluster-cidr flags: one CIDR, or one per family, comma-separated.
  const cidrList = (path: string, v: unknown, minHosts: bigint): string | undefined => {
    if (typeof v !== "string") return undefined;
    const parts = v.split(",").map((p) => p.trim());
    if (parts.length > 2) {
      errors.push(invalid(path, v, "at most two CIDRs, one IPv4 and one IPv6"));
      return undefined;
    }
    const ok = parts.map((p) => cidr(path, p, minHosts));
    if (ok.some((p) => p === undefined)) return undefined;
    if (parts.length === 2 && parseCIDR(parts[0]!)!.family === parseCIDR(parts[1]!)!.family) {
      errors.push(invalid(path, v, "two CIDRs must be of different IP families"));
      return undefined;
    }
    return parts.join(",");
  };
  config.podCIDR = cidrList("spec.podCIDR", spec.podCIDR, 256n) ?? config.podCIDR;
  config.serviceCIDR = cidrList("spec.serviceCIDR", spec.serviceCIDR, 16n) ?? config.serviceCIDR;
  config.loadBalancerIPPool =
    cidr("spec.loadBalancerIPPool", spec.loadBalancerIPPool) ?? config.loadBalancerIPPool;
  if (typeof spec.loadBalancerMode === "string") {
    if (!LOAD_BALANCER_MODES.includes(spec.loadBalancerMode as LoadBalancerMode))
      errors.push(notSupported("spec.loadBalancerMode", spec.loadBalancerMode, LOAD_BALANCER_MODES));
    else config.loadBalancerMode = spec.loadBalancerMode as LoadBalancerMode;
  }
  // kube-proxy's clusterCIDR follows the pod CIDR unless set; "" switches the local-traffic detector off.
  config.kubeProxy.clusterCIDR = config.podCIDR;
  if (typeof spec.nodePortRange === "string") {
    const m = /^(\d+)-(\d+)$/.exec(spec.nodePortRange.trim());
    const lo = m ? Number(m[1]) : NaN;
    const hi = m ? Number(m[2]) : NaN;
    if (!m || lo < 1 || hi > 65535 || hi < lo)
      errors.push(invalid("spec.nodePortRange", spec.nodePortRange, "must be a port range like 30000-32767"));
    else config.nodePortRange = { base: lo, size: hi - lo + 1 };
  }
  if (typeof spec.clusterDomain === "string") {
    if (isDNS1123Subdomain(spec.clusterDomain).length)
      errors.push(
        invalid("spec.clusterDomain", spec.clusterDomain, "must be a DNS domain such as cluster.local"),
      );
    else config.clusterDomain = spec.clusterDomain;
  }
  const kp = (spec.kubeProxy ?? {}) as Record<string, unknown>;
  if (typeof kp.mode === "string") {
    if (!MODES.includes(kp.mode as ProxyMode))
      errors.push(notSupported("spec.kubeProxy.mode", kp.mode, MODES));
    else config.kubeProxy.mode = kp.mode as ProxyMode;
  }
  if (kp.clusterCIDR === "") config.kubeProxy.clusterCIDR = "";
  else
    config.kubeProxy.clusterCIDR =
      cidrList("spec.kubeProxy.clusterCIDR", kp.clusterCIDR, 1n) ?? config.kubeProxy.clusterCIDR;
  if (typeof kp.masqueradeAll === "boolean") config.kubeProxy.masqueradeAll = kp.masqueradeAll;
  if (typeof kp.localhostNodePorts === "boolean") config.kubeProxy.localhostNodePorts = kp.localhostNodePorts;
  if (Array.isArray(kp.nodePortAddresses)) {
    const ok: string[] = [];
    (kp.nodePortAddresses as string[]).forEach((v, i) => {
      // kube-proxy also takes the word "primary" (the node's primary IPs).
      if (v === "primary" || cidr(`spec.kubeProxy.nodePortAddresses[${i}]`, v, 1n)) ok.push(v);
    });
    config.kubeProxy.nodePortAddresses = ok;
  }
  if (Array.isArray(spec.clients)) {
    const seen = new Set<string>();
    config.clients = [];
    (spec.clients as { name?: string; ip?: string }[]).forEach((c, i) => {
      const p = `spec.clients[${i}]`;
      if (!c.name || isDNS1123Label(c.name).length)
        errors.push(invalid(`${p}.name`, c.name ?? "", "a client needs a lowercase name such as laptop"));
      else if (seen.has(c.name)) errors.push(invalid(`${p}.name`, c.name, "another client has this name"));
      else if (!c.ip || !isIP(c.ip))
        errors.push(invalid(`${p}.ip`, c.ip ?? "", "must be a valid IP address"));
      else {
        seen.add(c.name);
        config.clients.push({ name: c.name, ip: c.ip });
      }
    });
  }
  if (Array.isArray(spec.routes) && spec.routes.length > MAX_ROUTES)
    errors.push(tooMany("spec.routes", spec.routes.length, MAX_ROUTES));
  else if (Array.isArray(spec.routes))
    (spec.routes as { destination?: string; via?: string }[]).forEach((r, i) => {
      const p = `spec.routes[${i}]`;
      // A bare address is a route for that address alone.
      const dst =
        typeof r.destination === "string" && isIP(r.destination) ? hostCIDR(r.destination) : r.destination;
      const ok = cidr(`${p}.destination`, dst ?? "", 1n);
      if (!r.via)
        errors.push(invalid(`${p}.via`, r.via ?? "", "a route needs a node's name or address to go via"));
      else if (ok) config.routes.push({ destination: ok, via: r.via });
    });
  readDurations(spec.latency, "spec.latency", LATENCY_KEYS, config.latency, errors);
  readDurations(spec.timing, "spec.timing", TIMING_KEYS, config.timing, errors, THRESHOLD_KEYS);
  return { config, errors };
}

/** A map of durations ("2ms", "50s") by known keys, and optionally of whole-number thresholds. */
function readDurations(
  v: unknown,
  path: string,
  keys: readonly string[],
  into: Record<string, number>,
  errors: FieldError[],
  counts: readonly string[] = [],
): void {
  if (v === undefined || v === null) return;
  if (typeof v !== "object" || Array.isArray(v)) {
    errors.push(invalid(path, v, "must be a mapping, e.g. {nodeNode: 1ms}"));
    return;
  }
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    const p = `${path}.${k}`;
    if (counts.includes(k)) {
      if (typeof val === "number" && Number.isInteger(val) && val >= 1 && val <= MAX_HEALTH_CHECK_THRESHOLD)
        into[k] = val;
      else errors.push(invalid(p, val, `must be a whole number from 1 to ${MAX_HEALTH_CHECK_THRESHOLD}`));
    } else if (keys.includes(k)) {
      const d = parseDuration(val);
      if (d === null) errors.push(invalid(p, val, "must be a duration such as 500us, 2ms, 50s or 5m"));
      else if (d > LONGEST_DURATION) errors.push(invalid(p, val, "must be at most 24h"));
      else if (k === "healthCheckInterval" && d < SHORTEST_HEALTH_CHECK_INTERVAL)
        errors.push(
          invalid(
            p,
            val,
            "must be at least 1s: load balancers probe every interval, and 0 would stop the clock",
          ),
        );
      else into[k] = d;
    } else errors.push(notSupported(p, k, [...keys, ...counts]));
  }
}
