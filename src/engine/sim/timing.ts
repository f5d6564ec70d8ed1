// How long things take, in ticks (1 tick = 1 µs). Link latencies are chosen so an extra hop shows;
// the cluster's timings are Kubernetes' defaults (current releases), cited where they come from.
import type { ClusterConfig } from "../../model/clusterConfig";
import { TICKS_PER_MS, TICKS_PER_SECOND } from "./types";

export interface Timing {
  /** One way, per kind of link. */
  latency: { external: number; loadBalancer: number; nodeNode: number; nodePod: number; local: number };
  /** A pod's time to answer a request. */
  podProcessing: number;
  /** How long a client waits for an answer before it gives up. */
  clientTimeout: number;
  /** kube-controller-manager --node-monitor-grace-period (50s since 1.32). */
  nodeMonitorGracePeriod: number;
  /** The default tolerationSeconds of node.kubernetes.io/not-ready and unreachable (DefaultTolerationSeconds admission). */
  podEvictionTimeout: number;
  /** kube-proxy's --iptables-min-sync-period (1s): how soon rules follow an endpoint change. */
  proxySyncDelay: number;
  /** From a pod's creation to its readiness (image present, container start, readiness probe). */
  podStartup: number;
  /** terminationGracePeriodSeconds' default (30s). */
  terminationGracePeriod: number;
  /** kubelet's first status after it comes back. */
  nodeRecovery: number;
  /** Cloud load balancer health checks. */
  healthCheck: { interval: number; unhealthyThreshold: number; healthyThreshold: number };
}

const ms = TICKS_PER_MS;
const s = TICKS_PER_SECOND;

const DEFAULT_TIMING: Timing = {
  latency: { external: 2 * ms, loadBalancer: 1 * ms, nodeNode: 1 * ms, nodePod: ms / 10, local: ms / 20 },
  podProcessing: 1 * ms,
  clientTimeout: 5 * s,
  nodeMonitorGracePeriod: 50 * s,
  podEvictionTimeout: 300 * s,
  proxySyncDelay: 1 * s,
  podStartup: 2 * s,
  terminationGracePeriod: 30 * s,
  nodeRecovery: 1 * s,
  healthCheck: { interval: 5 * s, unhealthyThreshold: 2, healthyThreshold: 2 },
};

/** The defaults with a ClusterConfig's overrides (spec.latency, spec.timing) laid over them. */
export function timingFor(config: ClusterConfig): Timing {
  const t = config.timing;
  const d = DEFAULT_TIMING;
  return {
    latency: { ...d.latency, ...config.latency },
    podProcessing: t.podProcessing ?? d.podProcessing,
    clientTimeout: t.clientTimeout ?? d.clientTimeout,
    nodeMonitorGracePeriod: t.nodeMonitorGracePeriod ?? d.nodeMonitorGracePeriod,
    podEvictionTimeout: t.podEvictionTimeout ?? d.podEvictionTimeout,
    proxySyncDelay: t.proxySyncDelay ?? d.proxySyncDelay,
    podStartup: t.podStartup ?? d.podStartup,
    terminationGracePeriod: t.terminationGracePeriod ?? d.terminationGracePeriod,
    nodeRecovery: t.nodeRecovery ?? d.nodeRecovery,
    healthCheck: {
      interval: t.healthCheckInterval ?? d.healthCheck.interval,
      unhealthyThreshold: t.unhealthyThreshold ?? d.healthCheck.unhealthyThreshold,
      healthyThreshold: t.healthyThreshold ?? d.healthCheck.healthyThreshold,
    },
  };
}
