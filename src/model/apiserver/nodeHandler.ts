// Nodes as kubelet registers them and the node IPAM controller completes them: an InternalIP when the
// manifest gives none (192.168.1.2 and up, as in the source notes), a subnet of each of the cluster's pod
// CIDRs, one per family in a dual-stack cluster (pkg/controller/nodeipam: the first free one, in creation
// order; a /24 for IPv4 and a /64 for IPv6, kube-controller-manager's --node-cidr-mask-size-ipv4/-ipv6
// defaults), and a Ready condition.
import type { ClusterConfig } from "../clusterConfig";
import { formatCIDR, parseCIDR, subnet } from "../ip";
import type { Node } from "../k8s";
import { validateNode } from "./validators";
import type { KindHandler } from "./kindHandlers";

const NODE_NETWORK_BASE = "192.168.1.";

export function nodeHandler(config: ClusterConfig, reservedIPs: ReadonlySet<string>): KindHandler<Node> {
  const ranges = config.podCIDR.split(",").map((c) => {
    const cidr = parseCIDR(c.trim())!;
    const maskSize = Math.max(cidr.family === 4 ? 24 : 64, cidr.prefix);
    return { cidr, maskSize, subnets: 2 ** (maskSize - cidr.prefix) };
  });
  const usedCIDRs = new Set<string>();
  const usedIPs = new Set<string>(reservedIPs);
  const nextSubnet = ({ cidr, maskSize, subnets }: (typeof ranges)[number]) => {
    for (let i = 0; i < subnets; i++) {
      const c = formatCIDR(subnet(cidr, maskSize, i));
      if (!usedCIDRs.has(c)) return c;
    }
    return undefined;
  };
  return {
    namespaced: false,
    setDefaults(n) {
      n.spec ??= {};
      n.status ??= {};
      if (!n.spec.podCIDR && n.spec.podCIDRs?.length) n.spec.podCIDR = n.spec.podCIDRs[0];
      if (!n.status.conditions?.some((c) => c.type === "Ready"))
        n.status.conditions = [
          ...(n.status.conditions ?? []),
          { type: "Ready", status: "True", reason: "KubeletReady" },
        ];
    },
    allocate(n) {
      const addrs = (n.status.addresses ??= []);
      if (!addrs.some((a) => a.type === "InternalIP")) {
        let i = 2;
        while (usedIPs.has(`${NODE_NETWORK_BASE}${i}`) && i < 254) i++;
        addrs.unshift({ type: "InternalIP", address: `${NODE_NETWORK_BASE}${i}` });
      }
      if (!addrs.some((a) => a.type === "Hostname"))
        addrs.push({ type: "Hostname", address: n.metadata.name });
      for (const a of addrs) if (a.type === "InternalIP" || a.type === "ExternalIP") usedIPs.add(a.address);
      if (!n.spec.podCIDR) {
        const cidrs = ranges.map(nextSubnet).filter((c): c is string => c !== undefined);
        if (cidrs.length) {
          n.spec.podCIDR = cidrs[0];
          n.spec.podCIDRs = cidrs;
        }
      }
      for (const c of n.spec.podCIDRs ?? (n.spec.podCIDR ? [n.spec.podCIDR] : [])) usedCIDRs.add(c);
      return [];
    },
    release(n) {
      for (const c of n.spec.podCIDRs ?? (n.spec.podCIDR ? [n.spec.podCIDR] : [])) usedCIDRs.delete(c);
      for (const a of n.status.addresses ?? []) usedIPs.delete(a.address);
    },
    validate: (n) => validateNode(n),
  };
}
