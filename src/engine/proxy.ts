// The kube-proxy decision the trace relies on (interim: a reduced version until the iptables port lands).
import type { Cluster } from "../model/cluster";
import { inCIDR } from "../model/ip";
import { LABEL_SERVICE_NAME } from "../model/k8s";
import type { Rng } from "./rng";

export interface Candidate {
  ip: string;
  port: number;
  pod: string | null;
  node: string | null;
  probability: number;
}

export interface Decision {
  action: "dnat" | "reject" | "drop" | "accept" | "pass";
  candidates: Candidate[];
  masquerade: boolean;
  rules: string[];
  reason: string;
  sessionAffinity: { timeoutSeconds: number } | null;
}

export interface ExplainQuery {
  node: string;
  src: string;
  dst: string;
  protocol?: "TCP" | "UDP" | "SCTP" | "ICMP";
}

export function explain(cluster: Cluster, q: ExplainQuery): Decision {
  const [ip, portStr] = [q.dst.slice(0, q.dst.lastIndexOf(":")), q.dst.slice(q.dst.lastIndexOf(":") + 1)];
  const port = Number(portStr);
  const node = cluster.nodes.find((n) => n.metadata.name === q.node);
  const local = (node?.status.addresses ?? []).some((a) => a.address === ip);
  const proto = q.protocol ?? "TCP";
  const pass: Decision = {
    action: "pass",
    candidates: [],
    masquerade: false,
    rules: ["KUBE-SERVICES"],
    reason: "no Service rule matches",
    sessionAffinity: null,
  };
  if (proto === "ICMP") return pass;
  for (const svc of cluster.services)
    for (const sp of svc.spec.ports ?? []) {
      if ((sp.protocol ?? "TCP") !== proto) continue;
      const viaCluster = svc.spec.clusterIP === ip && sp.port === port;
      const viaNodePort = local && sp.nodePort === port;
      if (!viaCluster && !viaNodePort) continue;
      const eps = cluster.endpointSlices
        .filter(
          (s) =>
            s.metadata.namespace === svc.metadata.namespace &&
            s.metadata.labels?.[LABEL_SERVICE_NAME] === svc.metadata.name,
        )
        .flatMap((s) => {
          const p = (s.ports ?? []).find((x) => (x.name ?? "") === (sp.name ?? ""));
          return p?.port
            ? s.endpoints.filter((e) => e.conditions?.ready !== false).map((e) => ({ e, port: p.port! }))
            : [];
        });
      const external =
        viaNodePort && !inCIDR(cluster.config.kubeProxy.clusterCIDR || "0.0.0.0/32", q.src) && !local;
      const localOnly =
        viaNodePort &&
        svc.spec.externalTrafficPolicy === "Local" &&
        !inCIDR(cluster.config.kubeProxy.clusterCIDR || "0.0.0.0/32", q.src);
      const chosen = localOnly ? eps.filter((x) => x.e.nodeName === q.node) : eps;
      if (!eps.length) return { ...pass, action: "reject", reason: "no endpoints: REJECT" };
      if (!chosen.length)
        return { ...pass, action: "drop", reason: "externalTrafficPolicy Local and no local endpoint: DROP" };
      return {
        action: "dnat",
        candidates: chosen
          .map((x) => ({
            ip: x.e.addresses[0]!,
            port: x.port,
            pod: x.e.targetRef?.name ? `${x.e.targetRef.namespace}/${x.e.targetRef.name}` : null,
            node: x.e.nodeName ?? null,
            probability: 1 / chosen.length,
          }))
          .sort((a, b) => `${a.ip}:${a.port}`.localeCompare(`${b.ip}:${b.port}`)),
        masquerade: viaNodePort ? !localOnly || external : false,
        rules: viaNodePort ? ["KUBE-SERVICES", "KUBE-NODEPORTS"] : ["KUBE-SERVICES"],
        reason: "DNAT to an endpoint",
        sessionAffinity: null,
      };
    }
  return pass;
}

/** Walks kube-proxy's probability rules: rule i of n matches with 1/(n-i). */
export function chooseEndpoint(d: Decision, rng: Rng): Candidate | undefined {
  const n = d.candidates.length;
  for (let i = 0; i < n - 1; i++) if (rng() < 1 / (n - i)) return d.candidates[i];
  return d.candidates[n - 1];
}
