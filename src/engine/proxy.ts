// The kube-proxy decision the trace relies on: iptables mode (src/engine/kubeproxy).
import type { Cluster } from "../model/cluster";
import { explain as explainIptables, type ExplainQuery } from "./kubeproxy";
import { icmpDestination } from "./trace/address";

export { chooseEndpoint } from "./kubeproxy";
export type { Candidate, Decision, ExplainQuery } from "./kubeproxy";

/** explain(), also for ICMP, which has no port (kube-proxy's rules never match it anyway). */
export function explain(cluster: Cluster, q: ExplainQuery) {
  return explainIptables(cluster, q.protocol === "ICMP" ? { ...q, dst: icmpDestination(q.dst) } : q);
}
