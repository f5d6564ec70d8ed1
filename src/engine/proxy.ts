// The kube-proxy decision the trace relies on: iptables mode (src/engine/kubeproxy).
import type { Cluster } from "../model/cluster";
import { explain as explainIptables, type ExplainQuery } from "./kubeproxy";
import { parseAddress } from "./trace/address";

export { chooseEndpoint } from "./kubeproxy";
export type { Candidate, Decision, ExplainQuery } from "./kubeproxy";

/** explain(), also for ICMP, which has no port (kube-proxy's rules never match it anyway). */
export function explain(cluster: Cluster, q: ExplainQuery) {
  const dst =
    q.protocol === "ICMP" && parseAddress(q.dst, true) === null
      ? `${q.dst.includes(":") ? `[${q.dst}]` : q.dst}:0`
      : q.dst;
  return explainIptables(cluster, { ...q, dst });
}
