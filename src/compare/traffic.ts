// Where a comparison's traffic can come from and go to, for one Service, from the cluster's summary;
// and the traffic that shows a setting best when nobody chose any.
import type { ClusterSummary, PodSummary, ServiceSummary } from "../protocol/messages";
import { shortName } from "../scene/ids";
import { inSystemNamespace, parseNsName } from "../protocol/nsName";
import type { CompareProblem, CompareSetting } from "./types";
import { placeId } from "../protocol/placeId";

type SourceKind = "client" | "pod" | "node";
type TargetKind = "nodePort" | "loadBalancer" | "clusterIP" | "dns";

export interface SourceChoice {
  value: string;
  kind: SourceKind;
  name: string;
}

export interface TargetChoice {
  value: string;
  kind: TargetKind;
  /** The node a NodePort target is on. */
  node: string | null;
}

export const isExternal = (svc: ServiceSummary): boolean =>
  svc.type === "NodePort" || svc.type === "LoadBalancer";

/** Whether the Service's selector picks the pod (a Service without a selector picks none). */
export function selects(svc: ServiceSummary, pod: PodSummary): boolean {
  const sel = svc.selector;
  if (!sel || Object.keys(sel).length === 0) return false;
  if (parseNsName(pod.name).namespace !== parseNsName(svc.name).namespace) return false;
  return Object.entries(sel).every(([k, v]) => pod.labels[k] === v);
}

export function sourceChoices(c: ClusterSummary): SourceChoice[] {
  return [
    ...c.clients.map((x) => ({ value: placeId("client", x.name), kind: "client" as const, name: x.name })),
    ...c.pods.map((p) => ({ value: placeId("pod", p.name), kind: "pod" as const, name: shortName(p.name) })),
    ...c.nodes.map((n) => ({ value: placeId("node", n.name), kind: "node" as const, name: n.name })),
  ];
}

/** The Service's addresses: each node's NodePort, its load balancer, its ClusterIP and its DNS name. */
export function targetChoices(c: ClusterSummary, svc: ServiceSummary): TargetChoice[] {
  const out: TargetChoice[] = [];
  for (const ip of svc.loadBalancerIPs)
    for (const p of svc.ports) out.push({ value: `${ip}:${p.port}`, kind: "loadBalancer", node: null });
  for (const p of svc.ports)
    if (p.nodePort)
      for (const n of c.nodes) out.push({ value: `${n.ip}:${p.nodePort}`, kind: "nodePort", node: n.name });
  if (svc.clusterIP && svc.clusterIP !== "None")
    for (const p of svc.ports)
      out.push({ value: `${svc.clusterIP}:${p.port}`, kind: "clusterIP", node: null });
  const { namespace: ns, name } = parseNsName(svc.name);
  for (const p of svc.ports) out.push({ value: `${name}.${ns}:${p.port}`, kind: "dns", node: null });
  const seen = new Set<string>();
  return out.filter((t) => !seen.has(t.value) && !!seen.add(t.value));
}

/**
 * The traffic that shows a setting: an outside client to the Service's load balancer, or to the NodePort
 * of a node that runs one of its pods (Local keeps that working, so both sides deliver and the extra hop
 * and the client's address are what differ); else, for the in-cluster settings, a pod that is not behind
 * the Service (or a node) to the ClusterIP.
 */
export function defaultTraffic(
  setting: CompareSetting,
  c: ClusterSummary,
  svc: ServiceSummary,
): { from: string; to: string } | { problem: CompareProblem } {
  const targets = targetChoices(c, svc);
  const client = c.clients[0];
  if (isExternal(svc) && client) {
    const busy = new Set(c.pods.filter((p) => selects(svc, p) && p.ready).map((p) => p.node));
    const to =
      targets.find((t) => t.kind === "loadBalancer") ??
      targets.find((t) => t.kind === "nodePort" && t.node !== null && busy.has(t.node)) ??
      targets.find((t) => t.kind === "nodePort");
    if (to) return { from: placeId("client", client.name), to: to.value };
  }
  if (setting === "externalTrafficPolicy") return { problem: isExternal(svc) ? "noClient" : "notExternal" };
  const to = targets.find((t) => t.kind === "clusterIP") ?? targets.find((t) => t.kind === "dns");
  const pod = c.pods.find((p) => p.ready && !selects(svc, p) && !inSystemNamespace(p.name));
  const from = pod ? placeId("pod", pod.name) : c.nodes[0] ? placeId("node", c.nodes[0].name) : null;
  if (!to || !from) return { problem: "noService" };
  return { from, to: to.value };
}
