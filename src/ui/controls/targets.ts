// Where traffic can come from and go to, from the cluster's summary: every client, pod and node as a
// source; every node IP:NodePort, load-balancer IP:port, ClusterIP:port and DNS name as a target.
import type { ClusterSummary } from "../../protocol/messages";

export interface Choice {
  value: string;
  label: string;
  group: string;
}

export function trafficSources(c: ClusterSummary | null): Choice[] {
  if (!c) return [];
  return [
    ...c.clients.map((x) => ({ value: `client:${x.name}`, label: x.name, group: "Outside" })),
    ...c.pods.map((p) => ({
      value: `pod:${p.name}`,
      label: p.name.replace(/^default\//, ""),
      group: "Pods",
    })),
    ...c.nodes.map((n) => ({ value: `node:${n.name}`, label: n.name, group: "Nodes" })),
  ];
}

export function trafficTargets(c: ClusterSummary | null): Choice[] {
  if (!c) return [];
  const out: Choice[] = [];
  const seen = new Set<string>();
  const add = (value: string, label: string, group: string) => {
    if (seen.has(value)) return;
    seen.add(value);
    out.push({ value, label, group });
  };
  for (const s of c.services) {
    const short = s.name.replace(/^default\//, "");
    for (const p of s.ports)
      if (p.nodePort)
        for (const n of c.nodes) add(`${n.ip}:${p.nodePort}`, `${short} NodePort on ${n.name}`, "NodePort");
    for (const ip of s.loadBalancerIPs)
      for (const p of s.ports) add(`${ip}:${p.port}`, `${short} load balancer`, "LoadBalancer");
    if (s.clusterIP && s.clusterIP !== "None")
      for (const p of s.ports) add(`${s.clusterIP}:${p.port}`, `${short} ClusterIP`, "ClusterIP");
    const [ns, name] = s.name.split("/") as [string, string];
    for (const p of s.ports) add(`${name}.${ns}:${p.port}`, `${short} by DNS name`, "DNS");
  }
  return out;
}

/** A sensible first target: the first NodePort on a node that runs a pod, else the first suggestion. */
export function defaultTarget(c: ClusterSummary | null): string {
  const all = trafficTargets(c);
  if (!c) return "";
  const busy = new Set(c.pods.map((p) => p.node));
  const nodePort = all.find(
    (t) => t.group === "NodePort" && c.nodes.some((n) => busy.has(n.name) && t.value.startsWith(`${n.ip}:`)),
  );
  return (nodePort ?? all[0])?.value ?? "";
}
