// Golden traces of the default scenario: the laptop to each node's NodePort, with externalTrafficPolicy
// Cluster and Local. The stored JSON pins every hop; the assertions beside it say why it must be so.
// Regenerate after an intended change with: UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { traceJSON } from "../src/cli/output";
import { mustSucceed } from "../src/engine/result";
import { lookUpNameFor, resolveNameFor } from "../src/engine/trace/resolveName";
import { trace } from "../src/engine/trace/trace";
import type { Trace } from "../src/engine/trace/types";
import { loadManifests } from "../src/model/load";

const DEFAULT = readFileSync(new URL("../scenarios/default.yaml", import.meta.url), "utf8");
const POLICIES = {
  Cluster: DEFAULT,
  Local: DEFAULT.replace("  type: NodePort\n", "  type: NodePort\n  externalTrafficPolicy: Local\n"),
};
const NODES = [
  { name: "node-1", ip: "192.168.1.2", pods: 0 },
  { name: "node-2", ip: "192.168.1.3", pods: 2 },
  { name: "node-3", ip: "192.168.1.4", pods: 1 },
];

function golden(file: string, t: Trace) {
  const url = new URL(`./golden/${file}`, import.meta.url);
  // The CLI's JSON (docs/cli.md): the hops' structured reasons are the view's, not part of it.
  const cli = traceJSON(t);
  const text = `${JSON.stringify(cli, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN) writeFileSync(url, text);
  if (!existsSync(url))
    throw new Error(
      `missing golden file tests/golden/${file}: run UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`,
    );
  expect(JSON.parse(readFileSync(url, "utf8"))).toEqual(cli);
}

// kube-proxy in each mode the engine models (ClusterConfig spec.kubeProxy.mode); iptables keeps the
// original file names.
const PROXY_MODES = { iptables: "default", nftables: "default-nftables" };
const inMode = (yaml: string, mode: keyof typeof PROXY_MODES) =>
  yaml.replace("    mode: iptables\n", `    mode: ${mode}\n`);

for (const [mode, prefix] of Object.entries(PROXY_MODES) as [keyof typeof PROXY_MODES, string][])
  for (const [policy, yaml] of Object.entries(POLICIES)) {
    const { cluster } = loadManifests([{ file: "scenarios/default.yaml", text: inMode(yaml, mode) }]);
    describe(`golden: laptop to each NodePort, externalTrafficPolicy ${policy}, kube-proxy ${mode} mode`, () => {
      for (const node of NODES) {
        it(`laptop to ${node.name}:30080 (${node.pods} local pods)`, () => {
          const traced = trace(cluster, { from: "client:laptop", to: `${node.ip}:30080`, seed: 1 });
          if (!traced.ok) throw new Error(traced.error.message);
          const t = traced.value;
          golden(`${prefix}-${policy.toLowerCase()}-${node.name}.json`, t);
          const nat = t.hops.find((h) => h.at === `node:${node.name}` && h.direction === "request")!;
          // The chains are the mode's own: nftables' base chains and maps lead to service-/external- chains.
          if (mode === "nftables") {
            expect(nat.rules.some((r) => r.startsWith("KUBE-"))).toBe(false);
            expect(nat.rules).toContain("services");
          } else expect(nat.rules[0]).toBe("KUBE-SERVICES");
          if (policy === "Cluster") {
            expect(t.result).toBe("delivered");
            expect(nat.action).toBe("dnat+snat");
            expect(t.sourceSeenByPod).not.toBe("192.168.1.10");
            expect(t.extraHop).toBe(t.endpoint!.node !== node.name);
          } else if (node.pods === 0) {
            expect(t.result).toBe("dropped");
            expect(nat.action).toBe("drop");
          } else {
            expect(t.result).toBe("delivered");
            expect(nat.action).toBe("dnat");
            expect(t.endpoint!.node).toBe(node.name);
            expect(t.sourceSeenByPod).toBe("192.168.1.10");
            expect(t.extraHop).toBe(false);
          }
          // Every trace ends in exactly one result, and a delivered one comes back to the laptop.
          if (t.result === "delivered")
            expect(t.hops.at(-1)).toMatchObject({
              at: "client:laptop",
              direction: "reply",
              action: "receive",
            });
        });
      }
    });
  }

describe("golden: nftables mode's cluster-ips-check", () => {
  const { cluster } = loadManifests([{ file: "scenarios/default.yaml", text: inMode(DEFAULT, "nftables") }]);
  const web = cluster.services.find((s) => s.metadata.name === "web")!;

  it("a pod to a port its ClusterIP does not have is rejected (iptables mode lets it pass, to be lost)", () => {
    const pod = cluster.pods.find((p) => p.spec.nodeName === "node-2")!;
    const t = mustSucceed(
      trace(cluster, { from: `pod:default/${pod.metadata.name}`, to: `${web.spec.clusterIP}:81`, seed: 1 }),
    );
    golden("default-nftables-clusterip-bad-port.json", t);
    const node = t.hops.find((h) => h.at === "node:node-2" && h.direction === "request")!;
    expect(node.action).toBe("reject");
    expect(node.rules).toContain("cluster-ips-check");
  });
});

// The default scenario's Service as type LoadBalancer, under each way a cloud's load balancer delivers.
const LB_MODES = ["NodePort", "VIP", "Proxy"] as const;
const lbScenario = (mode: (typeof LB_MODES)[number]) =>
  DEFAULT.replace("  loadBalancerIPPool: 203.0.113.0/24\n", `$&  loadBalancerMode: ${mode}\n`).replace(
    "  type: NodePort\n",
    "  type: LoadBalancer\n",
  );

describe("golden: the laptop and a pod through the load balancer, in each loadBalancerMode", () => {
  for (const mode of LB_MODES) {
    const { cluster } = loadManifests([{ file: "scenarios/default.yaml", text: lbScenario(mode) }]);
    const lbIP = cluster.services.find((s) => s.metadata.name === "web")!.status.loadBalancer!.ingress![0]!
      .ip!;

    it(`${mode}: the laptop to the LB IP reaches a pod, and the reply comes back from the LB IP`, () => {
      const t = mustSucceed(trace(cluster, { from: "client:laptop", to: `${lbIP}:80`, seed: 1 }));
      golden(`lb-${mode.toLowerCase()}-laptop.json`, t);
      expect(t.result).toBe("delivered");
      const lb = t.hops.find((h) => h.at === "lb:default/web" && h.direction === "request")!;
      const node = t.hops.find((h) => h.at.startsWith("node:") && h.direction === "request")!;
      const nodeIP = node.dst.split(":")[0]!;
      if (mode === "VIP") {
        expect(lb.action).toBe("forward");
        expect(node.dst).toBe(`${lbIP}:80`);
      } else {
        // NodePort targets and a proxy both send to nodeIP:nodePort; only a proxy changes the source.
        expect(lb.to!.dst).toMatch(new RegExp(`^${nodeIP.replace(/\./g, "\\.")}:3\\d{4}$`));
        expect(lb.to!.src.split(":")[0]).toBe(mode === "Proxy" ? lbIP : "192.168.1.10");
      }
      // Whatever was rewritten on the way in, the laptop gets its answer from the address it dialled.
      expect(t.hops.at(-1)).toMatchObject({ at: "client:laptop", direction: "reply", action: "receive" });
      expect(t.hops.at(-1)!.src).toBe(`${lbIP}:80`);
    });

    it(`${mode}: a pod to the LB IP ${mode === "Proxy" ? "goes out to the load balancer" : "stays in the cluster (kube-proxy's rule for the LB IP)"}`, () => {
      const pod = cluster.pods.find((p) => p.spec.nodeName === "node-2")!;
      const t = mustSucceed(
        trace(cluster, {
          from: `pod:default/${pod.metadata.name}`,
          to: `${lbIP}:80`,
          seed: 3,
        }),
      );
      golden(`lb-${mode.toLowerCase()}-pod.json`, t);
      expect(t.result).toBe("delivered");
      expect(t.hops.some((h) => h.at === "lb:default/web")).toBe(mode === "Proxy");
      expect(t.hops.at(-1)!.src).toBe(`${lbIP}:80`);
    });
  }
});

// A pod's lookup of NAME before its connection: each query a UDP packet to the cluster DNS.
describe("golden: a pod looks a name up through CoreDNS before it connects", () => {
  const extra = readFileSync(new URL("./fixtures/dns.yaml", import.meta.url), "utf8");
  const { cluster } = loadManifests([{ file: "dns.yaml", text: `${DEFAULT}---\n${extra}` }]);
  const pod = cluster.pods.find((p) => p.metadata.labels?.app === "web" && p.spec.nodeName === "node-3")!;
  const from = `pod:default/${pod.metadata.name}`;
  const named = (to: string) =>
    mustSucceed(
      trace(
        cluster,
        { from, to, seed: 1 },
        { resolveName: resolveNameFor(cluster), lookUpName: lookUpNameFor(cluster) },
      ),
    );

  it("web:80: one query, answered by a CoreDNS pod on node-1, then the connection to the ClusterIP", () => {
    const t = named("web:80");
    golden("dns-pod-web.json", t);
    expect(t.dns!.map((l) => [l.query, l.rcode, l.result])).toEqual([
      ["web.default.svc.cluster.local.", "NOERROR", "delivered"],
    ]);
    const web = cluster.services.find((s) => s.metadata.name === "web")!;
    expect(t.dns![0]!.answer).toMatchObject([{ type: "A", value: web.spec.clusterIP }]);
    expect(t.hops[0]!.dst).toBe(`${web.spec.clusterIP}:80`);
    expect(t.result).toBe("delivered");
  });

  it("api.shop:80: NXDOMAIN in the pod's own namespace's domain first, then the answer", () => {
    const t = named("api.shop:80");
    golden("dns-pod-other-namespace.json", t);
    expect(t.dns!.map((l) => l.rcode)).toEqual(["NXDOMAIN", "NOERROR"]);
  });

  it("desk:22, an ExternalName to the laptop: the CNAME and its address, then out of the cluster", () => {
    const t = named("desk:22");
    golden("dns-pod-externalname.json", t);
    expect(t.dns!.at(-1)!.answer.map((r) => r.type)).toEqual(["CNAME", "A"]);
    expect(t.hops.at(-1)).toMatchObject({ at: from, direction: "reply", action: "receive" });
  });
});
