// The playground-only kind `kubehops.dev/v1alpha1 ClusterConfig`: the settings a real cluster keeps in
// kubeadm's ClusterConfiguration, kube-proxy's KubeProxyConfiguration and the cloud provider.
// Defaults follow the source notes (nodes from 192.168.1.2, pods in 10.244.0.0/16, services in
// 10.96.0.0/12, a laptop at 192.168.1.10) and kubeadm/kube-proxy's own defaults.

export type ProxyMode = "iptables" | "nftables" | "ipvs";

/**
 * How the cloud's load balancers deliver to the nodes:
 * - NodePort: to a node's NodePort, the destination rewritten to nodeIP:nodePort (AWS in instance mode,
 *   DigitalOcean; the way the source notes teach it);
 * - VIP: with the Service's load-balancer IP still the destination (GCE, Azure, MetalLB);
 * - Proxy: the load balancer ends the client's connection and opens its own to a NodePort, from its
 *   own address; the status then says `ipMode: Proxy`, and kube-proxy writes no rule for the address
 *   (KEP-1860), so traffic to it from inside the cluster goes out to the load balancer too.
 */
export type LoadBalancerMode = "NodePort" | "VIP" | "Proxy";
export const LOAD_BALANCER_MODES: readonly LoadBalancerMode[] = ["NodePort", "VIP", "Proxy"];

export interface KubeProxyConfig {
  mode: ProxyMode;
  /** kube-proxy's --cluster-cidr: the local-traffic detector. "" means none is configured. */
  clusterCIDR: string;
  masqueradeAll: boolean;
  /** --iptables-localhost-nodeports (default true, IPv4 only). */
  localhostNodePorts: boolean;
  /** --nodeport-addresses; empty means every address of the node. */
  nodePortAddresses: string[];
}

interface ExternalClient {
  name: string;
  ip: string;
}

/**
 * A route of the network outside the cluster: packets for `destination` (a CIDR) go to the node `via`
 * (its name or an address of it). How a Service's externalIPs reach the cluster: the administrator's
 * static route, or an announcement (BGP, MetalLB's L2 mode) doing the same.
 */
export interface NetworkRoute {
  destination: string;
  via: string;
}

/** One-way link latencies the simulation uses, by kind of link. */
export const LATENCY_KEYS = ["external", "loadBalancer", "nodeNode", "nodePod", "local"] as const;
/** The cluster's timings the simulation uses (durations), and the load balancers' health check thresholds. */
export const TIMING_KEYS = [
  "podProcessing",
  "clientTimeout",
  "nodeMonitorGracePeriod",
  "podEvictionTimeout",
  "proxySyncDelay",
  "podStartup",
  "terminationGracePeriod",
  "nodeRecovery",
  "healthCheckInterval",
] as const;
export const THRESHOLD_KEYS = ["healthyThreshold", "unhealthyThreshold"] as const;
/**
 * Bounds beyond "a duration from 0 to 24h": load balancers probe every healthCheckInterval for as long as
 * the simulation runs, so the interval must let the clock move (cloud load balancers probe at most once
 * a second); the thresholds count probes, 1 to 10 as GCE and AWS take them.
 */
export const SHORTEST_HEALTH_CHECK_INTERVAL = 1_000_000;
export const MAX_HEALTH_CHECK_THRESHOLD = 10;

type LatencyKey = (typeof LATENCY_KEYS)[number];
type TimingKey = (typeof TIMING_KEYS)[number];
type ThresholdKey = (typeof THRESHOLD_KEYS)[number];

export interface ClusterConfig {
  podCIDR: string;
  serviceCIDR: string;
  nodePortRange: { base: number; size: number };
  clusterDomain: string;
  loadBalancerIPPool: string;
  loadBalancerMode: LoadBalancerMode;
  kubeProxy: KubeProxyConfig;
  clients: ExternalClient[];
  routes: NetworkRoute[];
  /** Overrides of the simulation's defaults, in microseconds (durations) or counts (thresholds). */
  latency: Partial<Record<LatencyKey, number>>;
  timing: Partial<Record<TimingKey | ThresholdKey, number>>;
}

const DEFAULT_NODE_PORT_RANGE = { base: 30000, size: 2768 };

export function defaultClusterConfig(): ClusterConfig {
  return {
    podCIDR: "10.244.0.0/16",
    serviceCIDR: "10.96.0.0/12",
    nodePortRange: { ...DEFAULT_NODE_PORT_RANGE },
    clusterDomain: "cluster.local",
    loadBalancerIPPool: "203.0.113.0/24",
    loadBalancerMode: "NodePort",
    kubeProxy: {
      mode: "iptables",
      clusterCIDR: "10.244.0.0/16",
      masqueradeAll: false,
      localhostNodePorts: true,
      nodePortAddresses: [],
    },
    clients: [{ name: "laptop", ip: "192.168.1.10" }],
    routes: [],
    latency: {},
    timing: {},
  };
}

export function formatPortRange(r: { base: number; size: number }): string {
  return `${r.base}-${r.base + r.size - 1}`;
}
