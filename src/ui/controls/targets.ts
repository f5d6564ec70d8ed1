// Where traffic can come from and go to, from the cluster's summary: every client, pod and node as a
// source; every node IP:NodePort, load-balancer IP:port, ClusterIP:port and DNS name as a target.
import type { T } from "../../i18n/core";
import type { MessageKey } from "../../i18n/en";
import { inSystemNamespace, parseNsName } from "../../protocol/nsName";
import type { ClusterSummary } from "../../protocol/messages";
import { placeId } from "../../protocol/placeId";

export type ChoiceGroup = "outside" | "pods" | "nodes" | "NodePort" | "LoadBalancer" | "ClusterIP" | "DNS";

export interface Choice {
  value: string;
  label: string;
  group: ChoiceGroup;
}

/** The heading of each group of choices. */
export const GROUP_WORDS: Record<ChoiceGroup, MessageKey> = {
  outside: "traffic.group.outside",
  pods: "traffic.group.pods",
  nodes: "traffic.group.nodes",
  NodePort: "traffic.group.nodePort",
  LoadBalancer: "traffic.group.loadBalancer",
  ClusterIP: "traffic.group.clusterIP",
  DNS: "traffic.group.dns",
};

/** Sources are named by their own names, in any language. */
export function trafficSources(c: ClusterSummary | null): Choice[] {
  if (!c) return [];
  return [
    ...c.clients.map((x) => ({ value: placeId("client", x.name), label: x.name, group: "outside" as const })),
    ...c.pods
      .filter((p) => !inSystemNamespace(p.name))
      .map((p) => ({
        value: placeId("pod", p.name),
        label: p.name.replace(/^default\//, ""),
        group: "pods" as const,
      })),
    ...c.nodes.map((n) => ({ value: placeId("node", n.name), label: n.name, group: "nodes" as const })),
  ];
}

interface Target {
  value: string;
  group: Exclude<ChoiceGroup, "outside" | "pods" | "nodes">;
  service: string;
  node?: string;
}

function targetsOf(c: ClusterSummary): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  const add = (t: Target) => {
    if (seen.has(t.value)) return;
    seen.add(t.value);
    out.push(t);
  };
  for (const s of c.services) {
    if (inSystemNamespace(s.name)) continue;
    const service = s.name.replace(/^default\//, "");
    for (const p of s.ports)
      if (p.nodePort)
        for (const n of c.nodes)
          add({ value: `${n.ip}:${p.nodePort}`, group: "NodePort", service, node: n.name });
    for (const ip of s.loadBalancerIPs)
      for (const p of s.ports) add({ value: `${ip}:${p.port}`, group: "LoadBalancer", service });
    if (s.clusterIP && s.clusterIP !== "None")
      for (const p of s.ports) add({ value: `${s.clusterIP}:${p.port}`, group: "ClusterIP", service });
    const { namespace: ns, name } = parseNsName(s.name);
    for (const p of s.ports) add({ value: `${name}.${ns}:${p.port}`, group: "DNS", service });
  }
  return out;
}

const TARGET_WORDS: Record<Target["group"], MessageKey> = {
  NodePort: "traffic.target.nodePort",
  LoadBalancer: "traffic.target.loadBalancer",
  ClusterIP: "traffic.target.clusterIP",
  DNS: "traffic.target.dns",
};

export function trafficTargets(c: ClusterSummary | null, t: T): Choice[] {
  if (!c) return [];
  return targetsOf(c).map((x) => ({
    value: x.value,
    group: x.group,
    label: t(TARGET_WORDS[x.group], { service: x.service, node: x.node ?? "" }),
  }));
}

/** A sensible first target: the first NodePort on a node that runs a pod, else the first suggestion. */
export function defaultTarget(c: ClusterSummary | null): string {
  if (!c) return "";
  const all = targetsOf(c);
  const busy = new Set(c.pods.filter((p) => !inSystemNamespace(p.name)).map((p) => p.node));
  const nodePort = all.find(
    (t) => t.group === "NodePort" && c.nodes.some((n) => busy.has(n.name) && t.value.startsWith(`${n.ip}:`)),
  );
  return (nodePort ?? all[0])?.value ?? "";
}
