import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Cluster } from "../../model/cluster";
import { load } from "../../model/testing";
import { resolveNameFor } from "./resolveName";
import { trace, type TraceOptions } from "./trace";
import type { Trace, TraceRequest } from "./types";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
const LOCAL = DEFAULT.replace("  type: NodePort\n", "  type: NodePort\n  externalTrafficPolicy: Local\n");

function run(cluster: Cluster, req: TraceRequest, opts?: TraceOptions): Trace {
  const t = trace(cluster, req, { resolveName: resolveNameFor(cluster), ...opts });
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

const cluster = load(DEFAULT).cluster;
const local = load(LOCAL).cluster;
const webIP = cluster.services.find((s) => s.metadata.name === "web")!.spec.clusterIP!;
const podOn = (c: Cluster, node: string) => c.pods.find((p) => p.spec.nodeName === node)!;
const request = (t: Trace) => t.hops.filter((h) => h.direction === "request");

describe("trace: outside client to a NodePort, externalTrafficPolicy Cluster", () => {
  it("delivers through a node with no pod of its own, with DNAT, SNAT to the node and an extra hop", () => {
    const t = run(cluster, { from: "client:laptop", to: "192.168.1.2:30080", seed: 1 });
    expect(t.result).toBe("delivered");
    expect(t.extraHop).toBe(true);
    const nat = request(t).find((h) => h.at === "node:node-1")!;
    expect(nat.action).toBe("dnat+snat");
    expect(nat.to!.src).toMatch(/^192\.168\.1\.2:/);
    expect(t.sourceSeenByPod).toBe("192.168.1.2");
  });

  it("masquerades to the node's bridge address when the chosen pod is on the same node", () => {
    for (let seed = 1; seed < 40; seed++) {
      const t = run(cluster, { from: "client:laptop", to: "192.168.1.3:30080", seed });
      if (t.endpoint!.node !== "node-2") continue;
      expect(t.extraHop).toBe(false);
      expect(t.sourceSeenByPod).toBe("10.244.1.1");
      return;
    }
    throw new Error("no seed chose a local pod");
  });

  it("spreads new connections over every endpoint across seeds", () => {
    const pods = new Set(
      Array.from(
        { length: 60 },
        (_, seed) => run(cluster, { from: "client:laptop", to: "192.168.1.2:30080", seed }).endpoint!.pod,
      ),
    );
    expect(pods.size).toBe(3);
  });

  it("gives the same trace for the same seed", () => {
    const a = run(cluster, { from: "client:laptop", to: "192.168.1.4:30080", seed: 9 });
    const b = run(cluster, { from: "client:laptop", to: "192.168.1.4:30080", seed: 9 });
    expect(a).toEqual(b);
  });

  it("returns the reply along the same path, un-NATed by the node that NATed the request", () => {
    const t = run(cluster, { from: "client:laptop", to: "192.168.1.2:30080", seed: 1 });
    const reply = t.hops.filter((h) => h.direction === "reply");
    const unnat = reply.find((h) => h.action === "un-nat")!;
    expect(unnat.at).toBe("node:node-1");
    const last = reply[reply.length - 1]!;
    expect(last).toMatchObject({ at: "client:laptop", action: "receive", src: "192.168.1.2:30080" });
    expect(last.dst).toBe(t.hops[0]!.src);
  });
});

describe("trace: externalTrafficPolicy Local", () => {
  it("drops at a node without a local endpoint, and the client times out", () => {
    const t = run(local, { from: "client:laptop", to: "192.168.1.2:30080", seed: 1 });
    expect(t.result).toBe("dropped");
    expect(request(t).at(-1)!.action).toBe("drop");
  });

  it("delivers to a local pod only, keeping the client's source address", () => {
    for (let seed = 1; seed < 20; seed++) {
      const t = run(local, { from: "client:laptop", to: "192.168.1.3:30080", seed });
      expect(t.result).toBe("delivered");
      expect(t.endpoint!.node).toBe("node-2");
      expect(t.extraHop).toBe(false);
      expect(t.sourceSeenByPod).toBe("192.168.1.10");
    }
  });
});

describe("trace: from inside the cluster", () => {
  it("does not masquerade a pod's connection to a ClusterIP: the pod sees the caller's IP", () => {
    const caller = podOn(cluster, "node-3");
    for (let seed = 1; seed < 30; seed++) {
      const t = run(cluster, { from: `pod:default/${caller.metadata.name}`, to: `${webIP}:80`, seed });
      if (t.endpoint!.ip === caller.status.podIP) continue;
      expect(t.sourceSeenByPod).toBe(caller.status.podIP);
      return;
    }
    throw new Error("every seed chose the caller itself");
  });

  it("masquerades a pod that reaches itself through its Service (hairpin)", () => {
    const one = load(DEFAULT.replace("replicas: 3", "replicas: 1")).cluster;
    const self = one.pods[0]!;
    const t = run(one, { from: `pod:default/${self.metadata.name}`, to: "web:80", seed: 1 });
    expect(t.endpoint!.pod).toBe(`default/${self.metadata.name}`);
    expect(t.sourceSeenByPod).toBe("10.244.1.1");
  });

  it("resolves a Service name as the sending pod's resolver does", () => {
    const t = run(cluster, {
      from: `pod:default/${podOn(cluster, "node-2").metadata.name}`,
      to: "web.default:80",
      seed: 2,
    });
    expect(t.hops[0]!.dst).toBe(`${webIP}:80`);
  });

  it("reaches kube-apiserver through default/kubernetes from a node", () => {
    const t = run(cluster, { from: "node:node-3", to: "10.96.0.1:443", seed: 1 });
    expect(t.result).toBe("delivered");
    expect(t.reason).toContain("kube-apiserver on node-1");
  });
});

describe("trace: failures", () => {
  it("has no route from outside to a ClusterIP", () => {
    expect(run(cluster, { from: "client:laptop", to: `${webIP}:80` }).result).toBe("no-route");
  });

  it("has no route from outside to a pod IP", () => {
    expect(run(cluster, { from: "client:laptop", to: "10.244.1.2:8080" }).result).toBe("no-route");
  });

  it("gets no answer to a ping of a ClusterIP, because it is virtual", () => {
    const t = run(cluster, { from: "node:node-2", to: webIP, protocol: "ICMP" });
    expect(t.result).toBe("timeout");
    expect(t.reason).toContain("virtual");
  });

  it("is rejected when the Service has no endpoints", () => {
    const none = load(DEFAULT.replace("replicas: 3", "replicas: 0")).cluster;
    expect(run(none, { from: "client:laptop", to: "192.168.1.3:30080" }).result).toBe("rejected");
  });

  it("is refused by a pod that does not listen on the targetPort", () => {
    const wrong = load(DEFAULT.replace("targetPort: http", "targetPort: 9999")).cluster;
    const t = run(wrong, { from: "client:laptop", to: "192.168.1.3:30080" });
    expect(t.result).toBe("refused");
    expect(t.reason).toContain("8080/TCP");
  });

  it("times out when the node it is sent to is down", () => {
    const t = run(
      cluster,
      { from: "client:laptop", to: "192.168.1.3:30080" },
      { downNodes: new Set(["node-2"]) },
    );
    expect(t.result).toBe("timeout");
  });

  it("is refused by a node where nothing listens on the port", () => {
    expect(run(cluster, { from: "client:laptop", to: "192.168.1.3:31111" }).result).toBe("refused");
  });

  it("explains a source that does not exist", () => {
    expect(trace(cluster, { from: "client:phone", to: "192.168.1.3:30080" })).toEqual({
      ok: false,
      error: {
        code: "unknown-client",
        params: { client: "phone", clients: "laptop" },
        message: 'no client named "phone"; clients: laptop',
      },
    });
  });

  it("lists the source forms when the source has no kind before a colon", () => {
    expect(trace(cluster, { from: "pod", to: "192.168.1.3:30080" })).toEqual({
      ok: false,
      error: {
        code: "invalid-source",
        params: { from: "pod" },
        message: '--from takes client:NAME, pod:NS/NAME, node:NAME or ip:ADDR; got "pod"',
      },
    });
  });
});

describe("trace: LoadBalancer and external IPs", () => {
  const lb = (policy: string) =>
    load(DEFAULT.replace("  type: NodePort\n", `  type: LoadBalancer\n  externalTrafficPolicy: ${policy}\n`))
      .cluster;

  it("gives a LoadBalancer Service an ingress IP from the pool and reaches a pod through it", () => {
    const c = lb("Cluster");
    const ip = c.services.find((s) => s.metadata.name === "web")!.status.loadBalancer!.ingress![0]!.ip!;
    expect(ip).toMatch(/^203\.0\.113\./);
    const t = run(c, { from: "client:laptop", to: `${ip}:80`, seed: 4 });
    expect(t.result).toBe("delivered");
    expect(t.hops[1]!.at).toBe("lb:default/web");
  });

  it("with externalTrafficPolicy Local sends only to nodes whose health check reports a local endpoint", () => {
    const c = lb("Local");
    const ip = c.services.find((s) => s.metadata.name === "web")!.status.loadBalancer!.ingress![0]!.ip!;
    for (let seed = 1; seed < 25; seed++) {
      const t = run(c, { from: "client:laptop", to: `${ip}:80`, seed });
      expect(t.result).toBe("delivered");
      expect(t.sourceSeenByPod).toBe("192.168.1.10");
      expect(["node:node-2", "node:node-3"]).toContain(t.hops[2]!.at);
    }
  });

  const withExternalIP = (routes: string) =>
    load(
      DEFAULT.replace("  type: NodePort\n", "  type: NodePort\n  externalIPs: [198.51.100.20]\n").replace(
        "  clients:\n",
        `${routes}  clients:\n`,
      ),
    ).cluster;

  it("takes an external IP to the node the network routes it to, where kube-proxy's externalIPs rule takes it", () => {
    const c = withExternalIP("  routes:\n    - destination: 198.51.100.0/24\n      via: node-3\n");
    const t = run(c, { from: "client:laptop", to: "198.51.100.20:80", seed: 2 });
    expect(t.result).toBe("delivered");
    expect(request(t)[1]).toMatchObject({ at: "node:node-3", link: "external" });
    expect(request(t)[1]!.rules).toContain("KUBE-SERVICES");
  });

  it("follows the longest matching route, given by a node's address as a router would", () => {
    const c = withExternalIP(
      "  routes:\n    - {destination: 198.51.100.0/24, via: node-3}\n    - {destination: 198.51.100.20, via: 192.168.1.3}\n",
    );
    expect(request(run(c, { from: "client:laptop", to: "198.51.100.20:80" }))[1]!.at).toBe("node:node-2");
  });

  it("gives no route to an external IP that the network does not route, and says what must send it", () => {
    const t = run(withExternalIP(""), { from: "client:laptop", to: "198.51.100.20:80" });
    expect(t.result).toBe("no-route");
    expect(t.reason).toContain("the network must send that address to a node");
    expect(t.hops).toHaveLength(1);
  });

  it("gives no route when the route leads to no node of the cluster", () => {
    const c = withExternalIP("  routes:\n    - {destination: 198.51.100.20/32, via: node-9}\n");
    const t = run(c, { from: "client:laptop", to: "198.51.100.20:80" });
    expect([t.result, t.reason]).toEqual([
      "no-route",
      "the network's route 198.51.100.20/32 via node-9 for 198.51.100.20 (an externalIP of default/web) leads to node-9, which is no node of the cluster",
    ]);
  });

  it("loses the packet at a routed node that is down", () => {
    const c = withExternalIP("  routes:\n    - {destination: 198.51.100.20/32, via: node-2}\n");
    const t = run(c, { from: "client:laptop", to: "198.51.100.20:80" }, { downNodes: new Set(["node-2"]) });
    expect(t.result).toBe("timeout");
    expect(t.hops.at(-1)).toMatchObject({ at: "node:node-2", action: "lost" });
  });
});

describe("trace: a NAME:PORT destination's port", () => {
  it("refuses a port outside 1-65535 after a name, as after an IP, instead of failing inside the walk", () => {
    const pod = podOn(cluster, "node-2");
    const from = `pod:default/${pod.metadata.name}`;
    for (const to of ["web:0", "web:65536", "web:99999999999"]) {
      const r = trace(cluster, { from, to }, { resolveName: resolveNameFor(cluster) });
      expect(r.ok ? r.value.result : r.error.code).toBe("invalid-destination");
    }
    const good = trace(cluster, { from, to: "web:80" }, { resolveName: resolveNameFor(cluster) });
    expect(good.ok && good.value.result).toBe("delivered");
  });
});
