// A real cluster's listing carries no ClusterConfig, and its ranges are seldom the playground's defaults
// (EKS puts Services in 172.20.0.0/16, GKE in 34.118.224.0/20). Without the right ranges the API server
// would refuse every listed Service ("the provided network does not match the current range"), so the
// ranges are read back from the listing: first from the flags of the control plane's static pods
// (kube-apiserver's --service-cluster-ip-range and --service-node-port-range, the
// --cluster-cidr of kube-controller-manager or kube-proxy), else from the addresses and ports in use.
import { defaultClusterConfig } from "../clusterConfig";
import { type CIDR, cidrContains, cidrSize, formatCIDR, formatIP, type IP, parseCIDR, parseIP } from "../ip";
import type { KubeObject, Pod } from "../k8s";

/** A ClusterConfig spec (as a manifest would give it) and, for each key set, where it was read. */
export interface InferredConfig {
  spec: { serviceCIDR?: string; podCIDR?: string; nodePortRange?: string };
  from: { serviceCIDR?: string; podCIDR?: string; nodePortRange?: string };
}

const FLAGS = {
  serviceCIDR: "--service-cluster-ip-range",
  nodePortRange: "--service-node-port-range",
  podCIDR: "--cluster-cidr",
} as const;

/** The defaults as the flags would spell them: a flag that says the default changes nothing. */
const DEFAULTS = (() => {
  const d = defaultClusterConfig();
  const { base, size } = d.nodePortRange;
  return { serviceCIDR: d.serviceCIDR, podCIDR: d.podCIDR, nodePortRange: `${base}-${base + size - 1}` };
})();

export function inferConfig(objects: readonly KubeObject[]): InferredConfig {
  const defaults = defaultClusterConfig();
  const out: InferredConfig = { spec: {}, from: {} };
  const flags = controlPlaneFlags(objects);

  for (const key of ["serviceCIDR", "podCIDR", "nodePortRange"] as const) {
    const flag = flags.get(FLAGS[key]);
    if (flag && flag !== DEFAULTS[key]) {
      // The ClusterConfig holds one pod CIDR: the first of a dual-stack pair.
      out.spec[key] = key === "podCIDR" ? flag.split(",")[0]!.trim() : flag;
      out.from[key] = FLAGS[key];
    }
  }

  if (!out.spec.serviceCIDR) {
    const ips: string[] = [];
    for (const o of objects)
      if (o.kind === "Service") for (const ip of o.spec.clusterIPs ?? [o.spec.clusterIP ?? ""]) ips.push(ip);
    const cidr = rangeFor(ips, defaults.serviceCIDR.split(","), { 4: 24, 6: 112 });
    if (cidr) {
      out.spec.serviceCIDR = cidr;
      out.from.serviceCIDR = "Service clusterIPs";
    }
  }

  if (!out.spec.podCIDR) {
    const nodeRanges = objects.flatMap((o) => (o.kind === "Node" && o.spec.podCIDR ? [o.spec.podCIDR] : []));
    const podIPs = objects.flatMap((o) =>
      o.kind === "Pod" && !o.spec.hostNetwork && o.status.podIP ? [o.status.podIP] : [],
    );
    const fromNodes = nodeRanges.flatMap((r) => {
      const c = parseCIDR(r);
      return c
        ? [
            formatIP({ family: c.family, value: c.base }),
            formatIP({ family: c.family, value: c.base + cidrSize(c) - 1n }),
          ]
        : [];
    });
    const cidr = rangeFor(fromNodes.length ? fromNodes : podIPs, [defaults.podCIDR], { 4: 16, 6: 64 });
    if (cidr) {
      out.spec.podCIDR = cidr;
      out.from.podCIDR = fromNodes.length ? "Node podCIDRs" : "Pod IPs";
    }
  }

  if (!out.spec.nodePortRange) {
    // A loop, not Math.min(...ports): a hostile listing may hold more ports than a call takes arguments.
    // Only real port numbers count; validation reports the others at their Service.
    const base = defaults.nodePortRange.base;
    let lo = base;
    let hi = base + defaults.nodePortRange.size - 1;
    for (const o of objects)
      if (o.kind === "Service")
        for (const p of o.spec.ports ?? [])
          if (p.nodePort && p.nodePort >= 1 && p.nodePort <= 65535) {
            lo = Math.min(lo, p.nodePort);
            hi = Math.max(hi, p.nodePort);
          }
    if (lo !== base || hi !== base + defaults.nodePortRange.size - 1) {
      out.spec.nodePortRange = `${lo}-${hi}`;
      out.from.nodePortRange = "Service nodePorts";
    }
  }
  return out;
}

/** `--flag=value` of the kube-system pods' containers (the static control-plane pods, kube-proxy). */
function controlPlaneFlags(objects: readonly KubeObject[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (const o of objects) {
    if (o.kind !== "Pod" || o.metadata.namespace !== "kube-system") continue;
    for (const c of (o as Pod).spec.containers ?? []) {
      const { command, args } = c as { command?: unknown; args?: unknown };
      for (const a of [...strings(command), ...strings(args)]) {
        const m = /^(--[a-z-]+)=(.+)$/.exec(a);
        if (m && Object.values(FLAGS).includes(m[1] as (typeof FLAGS)[keyof typeof FLAGS]))
          flags.set(m[1]!, m[2]!.trim());
      }
    }
  }
  return flags;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/**
 * The range to use for these addresses: none when the defaults already hold them all, else the smallest
 * CIDR that covers them, widened to at least /widest[family] (room to add objects in the playground).
 */
function rangeFor(
  addresses: string[],
  defaults: string[],
  widest: Record<4 | 6, number>,
): string | undefined {
  const ips = addresses.map(parseIP).filter((ip): ip is IP => ip !== null);
  const ranges = defaults.map((d) => parseCIDR(d.trim())).filter((c): c is CIDR => c !== null);
  if (ips.every((ip) => ranges.some((c) => cidrContains(c, ip)))) return undefined;
  // One range per family, primary (most addresses) first, as --service-cluster-ip-range lists them.
  const byFamily = ([4, 6] as const)
    .map((family) => ips.filter((ip) => ip.family === family))
    .filter((list) => list.length)
    .sort((a, b) => b.length - a.length);
  return byFamily.map((list) => formatCIDR(covering(list, widest[list[0]!.family]))).join(",");
}

function covering(ips: IP[], widest: number): CIDR {
  const family = ips[0]!.family;
  const bits = family === 4 ? 32 : 128;
  let lo = ips[0]!.value;
  let hi = lo;
  for (const ip of ips) {
    if (ip.value < lo) lo = ip.value;
    if (ip.value > hi) hi = ip.value;
  }
  const differing = (lo ^ hi).toString(2).length - (lo === hi ? 1 : 0);
  const prefix = Math.min(bits - differing, widest);
  const mask = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
  return { family, base: lo & mask, prefix };
}
