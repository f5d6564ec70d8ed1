// The kube-proxy decision the trace relies on: iptables mode (src/engine/kubeproxy).
import type { Cluster } from "../model/cluster";
import type { Result } from "./result";
import { explainer as explainerIptables, type Decision, type ExplainQuery } from "./kubeproxy";
import { icmpDestination } from "./trace/address";

export { chooseEndpoint } from "./kubeproxy";
export type { Candidate, Decision, ExplainQuery } from "./kubeproxy";

/** explain(), also for ICMP, which has no port (kube-proxy's rules never match it anyway). */
export function explain(cluster: Cluster, q: ExplainQuery): Result<Decision> {
  return explainer(cluster)(q);
}

/** explain() for many queries against one cluster that does not change meanwhile (rules built once a node). */
export function explainer(cluster: Cluster): (q: ExplainQuery) => Result<Decision> {
  const decide = explainerIptables(cluster);
  return (q) => decide(q.protocol === "ICMP" ? { ...q, dst: icmpDestination(q.dst) } : q);
}
