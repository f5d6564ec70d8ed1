// The three ways a cloud load balancer delivers (ClusterConfig loadBalancerMode, status ipMode Proxy):
// what each rewrites, what the pod sees, and when the balancer cannot deliver at all.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { LoadBalancerMode } from "../../model/clusterConfig";
import { load } from "../../model/testing";
import { mustSucceed } from "../result";
import { trace } from "./trace";
import type { Trace, TraceRequest } from "./types";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
const scenario = (mode: LoadBalancerMode | null, service = "  type: LoadBalancer\n") =>
  (mode
    ? DEFAULT.replace("  loadBalancerIPPool: 203.0.113.0/24\n", `$&  loadBalancerMode: ${mode}\n`)
    : DEFAULT
  ).replace("  type: NodePort\n", service);
const LOCAL = "  type: LoadBalancer\n  externalTrafficPolicy: Local\n";

function setUp(yaml: string) {
  const { cluster, diagnostics } = load(yaml);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const web = cluster.services.find((s) => s.metadata.name === "web")!;
  const run = (req: Omit<TraceRequest, "from"> & { from?: string }) =>
    mustSucceed(trace(cluster, { from: "client:laptop", seed: 1, ...req }));
  return { cluster, web, lbIP: web.status.loadBalancer!.ingress![0]!.ip!, run };
}
const lbHop = (t: Trace) => t.hops.find((h) => h.at === "lb:default/web" && h.direction === "request")!;

describe("load balancer modes", () => {
  it("delivers to NodePorts by default, as the source notes teach it", () => {
    const { cluster, web, lbIP, run } = setUp(scenario(null));
    expect(cluster.config.loadBalancerMode).toBe("NodePort");
    expect(web.status.loadBalancer!.ingress![0]!.ipMode).toBe("VIP");
    const t = run({ to: `${lbIP}:80` });
    expect(lbHop(t)).toMatchObject({ action: "dnat", why: { code: "lb-node-port", endpoints: 3 } });
    expect(lbHop(t).to!.dst).toMatch(/^192\.168\.1\.\d:30080$/);
  });

  it("keeps the LB IP as the destination in VIP mode, for kube-proxy's rules on the node", () => {
    const { lbIP, run } = setUp(scenario("VIP"));
    const t = run({ to: `${lbIP}:80` });
    expect(lbHop(t)).toMatchObject({ action: "forward", why: { code: "lb-forward" } });
    expect(t.hops.find((h) => h.at.startsWith("node:"))).toMatchObject({ dst: `${lbIP}:80` });
  });

  it("writes ipMode Proxy in Proxy mode, and kube-proxy writes no rule for that address", () => {
    const { web, lbIP, run } = setUp(scenario("Proxy"));
    expect(web.status.loadBalancer!.ingress![0]!.ipMode).toBe("Proxy");
    const t = run({ to: `${lbIP}:80` });
    expect(lbHop(t)).toMatchObject({ action: "dnat+snat", why: { code: "lb-proxy" } });
    expect(lbHop(t).to!.src).toBe(`${lbIP}:${t.hops[0]!.src.split(":")[1]}`);
  });

  it("lets the pod see the client with externalTrafficPolicy Local behind NodePort targets, the balancer behind a proxy", () => {
    for (const [mode, seen] of [
      ["NodePort", "192.168.1.10"],
      ["Proxy", null],
    ] as const) {
      const { lbIP, run } = setUp(scenario(mode, LOCAL));
      for (let seed = 1; seed <= 8; seed++) {
        const t = run({ to: `${lbIP}:80`, seed });
        // The health check on healthCheckNodePort keeps node-1 (no web pod) out of the rotation.
        expect(t.result).toBe("delivered");
        expect(t.extraHop).toBe(false);
        expect(t.sourceSeenByPod).toBe(seen ?? lbIP);
      }
    }
  });

  it("times out at a balancer with no listener for the port, in NodePort and Proxy modes", () => {
    for (const mode of ["NodePort", "Proxy"] as const) {
      const { lbIP, run } = setUp(scenario(mode));
      const t = run({ to: `${lbIP}:8080` });
      expect(t.result).toBe("timeout");
      expect(lbHop(t)).toMatchObject({ action: "drop", why: { code: "lb-no-listener" } });
      expect(t.reason).toContain("no listener for 8080/TCP");
    }
  });

  it("times out when NodePort targets meet a Service without NodePorts (allocateLoadBalancerNodePorts: false)", () => {
    const { web, lbIP, run } = setUp(
      scenario("NodePort", "  type: LoadBalancer\n  allocateLoadBalancerNodePorts: false\n").replace(
        /\n\s+nodePort: 30080/,
        "",
      ),
    );
    expect(web.spec.ports![0]!.nodePort).toBeUndefined();
    const t = run({ to: `${lbIP}:80` });
    expect(t.result).toBe("timeout");
    expect(lbHop(t).why).toEqual({ code: "lb-no-node-port", service: "default/web" });
  });

  it("sends a pod's packet for a proxy's address out to the balancer, which brings it back to a NodePort", () => {
    const { cluster, lbIP, run } = setUp(scenario("Proxy"));
    const pod = cluster.pods.find((p) => p.spec.nodeName === "node-3")!;
    const t = run({ from: `pod:default/${pod.metadata.name}`, to: `${lbIP}:80` });
    expect(t.result).toBe("delivered");
    const order = t.hops.filter((h) => h.direction === "request").map((h) => `${h.at} ${h.action}`);
    expect(order.slice(0, 4)).toEqual([
      `pod:default/${pod.metadata.name} send`,
      "node:node-3 route",
      "node:node-3 snat",
      "lb:default/web dnat+snat",
    ]);
    // Each rewrite is undone on the way back: the pod gets its answer from the address it dialled.
    expect(t.hops.at(-1)).toMatchObject({ action: "receive", src: `${lbIP}:80` });
    expect(t.hops.filter((h) => h.direction === "reply" && h.action === "un-nat")).toHaveLength(3);
  });
});
