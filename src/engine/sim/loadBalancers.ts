// The cloud load balancers of LoadBalancer Services: each probes every node on an interval and keeps
// a node in rotation until it fails `unhealthyThreshold` probes in a row (and back after
// `healthyThreshold` successes). With externalTrafficPolicy Cluster the probe is kube-proxy's healthz,
// which a live node passes; with Local it is the Service's healthCheckNodePort, which answers 200 only
// while the node has a ready local endpoint (pkg/proxy/healthcheck/service_health.go).
import type { Cluster } from "../../model/cluster";
import { nsName } from "../../model/cluster";
import type { Node, Service } from "../../model/k8s";
import { hasLocalReadyEndpoint } from "../kubeproxy/healthCheckNodePort";
import type { Timing } from "./timing";
import type { ClusterEvent } from "./types";

interface Backend {
  inRotation: boolean;
  /** Consecutive probes that disagree with inRotation. */
  streak: number;
}

export class LoadBalancers {
  private state = new Map<string, Map<string, Backend>>();

  constructor(private timing: Timing) {}

  init(cluster: Cluster, down: ReadonlySet<string>): void {
    for (const svc of cluster.services) if (svc.spec.type === "LoadBalancer") this.ensure(svc, cluster, down);
  }

  private ensure(svc: Service, cluster: Cluster, down: ReadonlySet<string>): Map<string, Backend> {
    const key = nsName(svc);
    let m = this.state.get(key);
    if (!m) {
      m = new Map(
        cluster.nodes.map((n) => [n.metadata.name, { inRotation: passes(svc, n, cluster, down), streak: 0 }]),
      );
      this.state.set(key, m);
    }
    return m;
  }

  probe(cluster: Cluster, down: ReadonlySet<string>, emit: (e: Omit<ClusterEvent, "tick">) => void): void {
    const { healthyThreshold, unhealthyThreshold } = this.timing.healthCheck;
    for (const svc of cluster.services) {
      if (svc.spec.type !== "LoadBalancer") continue;
      const backends = this.ensure(svc, cluster, down);
      for (const node of cluster.nodes) {
        const b = backends.get(node.metadata.name) ?? { inRotation: false, streak: 0 };
        backends.set(node.metadata.name, b);
        const ok = passes(svc, node, cluster, down);
        if (ok === b.inRotation) {
          b.streak = 0;
          continue;
        }
        b.streak++;
        if (b.streak < (ok ? healthyThreshold : unhealthyThreshold)) continue;
        b.inRotation = ok;
        b.streak = 0;
        this.rotation.delete(nsName(svc));
        emit({
          kind: ok ? "lbBackendUp" : "lbBackendDown",
          object: `Service/${nsName(svc)}`,
          message: `the load balancer ${ok ? "adds" : "removes"} ${node.metadata.name} ${ok ? "to" : "from"} its rotation after ${ok ? healthyThreshold : unhealthyThreshold} health checks`,
        });
      }
    }
  }

  /** The rotation as last computed, by Service; dropped whenever a probe or the cluster changes it. */
  private rotation = new Map<string, { cluster: Cluster; nodes: Node[] }>();

  /** The nodes the load balancer sends to now. */
  backends(svc: Service, cluster: Cluster): Node[] {
    const key = nsName(svc);
    const cached = this.rotation.get(key);
    if (cached?.cluster === cluster) return cached.nodes;
    const m = this.ensure(svc, cluster, new Set());
    const nodes = cluster.nodes.filter((n) => m.get(n.metadata.name)?.inRotation);
    this.rotation.set(key, { cluster, nodes });
    return nodes;
  }
}

function passes(svc: Service, node: Node, cluster: Cluster, down: ReadonlySet<string>): boolean {
  if (down.has(node.metadata.name)) return false;
  if (svc.spec.externalTrafficPolicy !== "Local") return true;
  return hasLocalReadyEndpoint(cluster, svc, node.metadata.name);
}
