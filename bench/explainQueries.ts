// Explain queries for bench/explain.ts, one JSON object a line as `explain --queries` reads them: what
// people ask of a large cluster. Pods calling ClusterIPs, outside clients on NodePorts and load-balancer
// IPs, and misses (a wrong port or protocol, an address no Service has, ICMP, a load balancer's health
// check, a line that is not a query).
// Seeded: the same cluster and seed give the same lines.
import { createRng, randomInt, type Rng } from "../src/engine/rng";
import type { Cluster } from "../src/model/cluster";

interface Query {
  node: string;
  src: string;
  dst: string;
  protocol?: string;
}

/** Out of 100 queries; the rest are misses. */
const MIX = { clusterIP: 45, nodePort: 20, loadBalancer: 15 };

export function explainQueries(cluster: Cluster, count: number, seed: number): string {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[randomInt(rng, 0, xs.length - 1)]!;
  const nodes = cluster.nodes.map((n) => ({
    name: n.metadata.name,
    ip: n.status.addresses?.find((a) => a.type === "InternalIP")?.address ?? "",
  }));
  const pods = cluster.pods.filter((p) => p.spec.nodeName && p.status.podIP && !p.spec.hostNetwork);
  const clients = cluster.config.clients.map((c) => c.ip);
  const withClusterIP = cluster.services.filter((s) => s.spec.clusterIP && s.spec.clusterIP !== "None");
  const withNodePorts = cluster.services.filter((s) => s.spec.ports?.some((p) => p.nodePort));
  const withLB = cluster.services.filter((s) => s.status.loadBalancer?.ingress?.some((i) => i.ip));
  const healthChecked = cluster.services.filter((s) => s.spec.healthCheckNodePort);
  const port = (s: (typeof cluster.services)[number]) => pick(s.spec.ports ?? [{ port: 80 }]);

  const fromPod = (): Query => {
    const p = pick(pods);
    const s = pick(withClusterIP);
    return { node: p.spec.nodeName!, src: p.status.podIP!, dst: `${s.spec.clusterIP}:${port(s).port}` };
  };
  const toNodePort = (): Query => {
    const n = pick(nodes);
    const p = pick(pick(withNodePorts).spec.ports!.filter((x) => x.nodePort));
    return { node: n.name, src: pick(clients), dst: `${n.ip}:${p.nodePort}` };
  };
  const toLoadBalancer = (): Query => {
    const s = pick(withLB);
    return {
      node: pick(nodes).name,
      src: pick(clients),
      dst: `${pick(s.status.loadBalancer!.ingress!).ip}:${port(s).port}`,
    };
  };
  const misses: (() => Query | string)[] = [
    () => ({ ...fromPod(), dst: `${pick(withClusterIP).spec.clusterIP}:${randomInt(rng, 1000, 1999)}` }),
    () => ({ ...fromPod(), protocol: "UDP" }),
    () => ({ ...fromPod(), dst: `10.${randomInt(rng, 100, 200)}.${randomInt(rng, 0, 255)}.7:443` }),
    () => ({ ...fromPod(), protocol: "icmp", dst: pick(withClusterIP).spec.clusterIP! }),
    () => ({ ...toNodePort(), dst: `${pick(nodes).ip}:${randomInt(rng, 22, 29)}` }),
    () => ({ ...toLoadBalancer(), dst: `203.0.113.${randomInt(rng, 1, 254)}:8443` }),
    () => ({ ...toNodePort(), dst: `${pick(nodes).ip}:${pick(healthChecked).spec.healthCheckNodePort}` }),
    () => ({ ...fromPod(), node: "node-missing" }),
    () => "not a query",
  ];

  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const q = choose(rng, [
      [MIX.clusterIP, fromPod],
      [MIX.nodePort, toNodePort],
      [MIX.loadBalancer, toLoadBalancer],
      [100 - MIX.clusterIP - MIX.nodePort - MIX.loadBalancer, () => pick(misses)()],
    ]);
    lines.push(typeof q === "string" ? q : JSON.stringify(q));
  }
  return `${lines.join("\n")}\n`;
}

function choose<T>(rng: Rng, weighted: [number, () => T][]): T {
  let x = rng() * weighted.reduce((a, [w]) => a + w, 0);
  for (const [w, f] of weighted) {
    if (x < w) return f();
    x -= w;
  }
  return weighted[weighted.length - 1]![1]();
}
