// The kube-proxy decision the trace and the simulation rely on, in the cluster's proxy mode
// (ClusterConfig spec.kubeProxy.mode): nftables mode's rules (src/engine/kubeproxy/nftables), or
// iptables mode's (src/engine/kubeproxy), which ipvs mode also uses for now.
import type { Cluster } from "../model/cluster";
import type { Result } from "./result";
import {
  explainer as explainerIptables,
  type Decision,
  type ExplainQuery,
  nftablesMode,
  nodeProxy,
} from "./kubeproxy";
import { nftExplainer } from "./kubeproxy/nftables";
import { icmpDestination } from "./trace/address";

export { chooseEndpoint } from "./kubeproxy";
export type { Candidate, Decision, ExplainQuery } from "./kubeproxy";

/** explain(), also for ICMP, which has no port (kube-proxy's rules never match it anyway). */
export function explain(cluster: Cluster, q: ExplainQuery): Result<Decision> {
  return explainer(cluster)(q);
}

/** explain() for many queries against one cluster that does not change meanwhile (rules built once a node). */
export function explainer(cluster: Cluster): (q: ExplainQuery) => Result<Decision> {
  const decide = nftablesMode(cluster) ? nftExplainer(cluster) : explainerIptables(cluster);
  return (q) => decide(q.protocol === "ICMP" ? { ...q, dst: icmpDestination(q.dst) } : q);
}

/** A node's rules for one family, built now, as a function explaining checked queries with them. */
export const nodeRules = (
  cluster: Cluster,
  node: string,
  family: 4 | 6,
): ((q: Omit<ExplainQuery, "node">) => Decision) => nodeProxy(cluster, node, family).explain;
