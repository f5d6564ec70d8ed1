// Property: IPv6 addresses anywhere (a source, a destination, a ping, a burst, an IPv6 client) never make
// the engine throw. trace and explain answer a Result, a simulation's act too and its run goes on, on an
// IPv6 cluster and a dual-stack one; and explain writes an IPv6 destination as [IP]:PORT. Random IPv6
// addresses mix with the clusters' own (nodes, pods, ClusterIPs, load-balancer and external IPs).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cluster } from "../model/cluster";
import { load, webDeployment } from "../model/testing";
import { explain } from "./kubeproxy/explain";
import { iptablesSave } from "./kubeproxy/iptablesSave";
import { canonicalIP } from "./kubeproxy/proxierConfig";
import { ENGINE_ERROR_CODES } from "./result";
import { Simulation } from "./sim/simulation";
import type { SimAction } from "./sim/types";
import { resolveNameFor } from "./trace/resolveName";
import { trace } from "./trace/trace";

const node = (name: string, ips: string[]) => `---
apiVersion: v1
kind: Node
metadata: {name: ${name}}
status: {addresses: [${ips.map((ip) => `{type: InternalIP, address: "${ip}"}`).join(", ")}]}
`;
const WORKLOAD = `---${webDeployment(2)}---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  ipFamilyPolicy: PreferDualStack
  ipFamilies: [IPv6]
  selector: {app: web}
  externalIPs: ["2001:db8:99::5"]
  sessionAffinity: ClientIP
  ports: [{name: http, port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: local}
spec:
  type: LoadBalancer
  ipFamilyPolicy: PreferDualStack
  externalTrafficPolicy: Local
  loadBalancerSourceRanges: ["2001:db8:ff::/64"]
  selector: {app: web}
  ports: [{port: 81, targetPort: 8080}]

`;
const config = (
  podCIDR: string,
  serviceCIDR: string,
  lbPool: string,
  clients: string,
) => `apiVersion: kubehops.dev/v1alpha1
kind: ClusterConfig
spec:
  podCIDR: "${podCIDR}"
  serviceCIDR: "${serviceCIDR}"
  loadBalancerIPPool: "${lbPool}"
  clients: [${clients}]
  routes: [{destination: "2001:db8:99::/64", via: node-2}]
`;
const IPV6 = `${config("fd00:10:244::/56", "fd00:10:96::/112", "2001:db8:1b::/120", '{name: laptop, ip: "2001:db8:ff::10"}')}${node("node-1", ["2001:db8::2"])}${node("node-2", ["2001:db8::3"])}${WORKLOAD}`;
const DUAL = `${config("10.244.0.0/16,fd00:10:244::/56", "10.96.0.0/12,fd00:10:96::/112", "203.0.113.0/24", '{name: laptop, ip: 192.168.1.10}, {name: laptop6, ip: "2001:db8:ff::10"}')}${node("node-1", ["192.168.1.2", "2001:db8::2"])}${node("node-2", ["192.168.1.3", "2001:db8::3"])}${WORKLOAD}`;

/** Every IPv6 address the cluster itself knows: nodes, pods, ClusterIPs, LB ingress, external IPs. */
function ownIPv6(c: Cluster): string[] {
  const ips = [
    ...c.nodes.flatMap((n) => (n.status.addresses ?? []).map((a) => a.address)),
    ...c.pods.flatMap((p) => (p.status.podIPs ?? []).map((a) => a.ip)),
    ...c.services.flatMap((s) => [
      ...(s.spec.clusterIPs ?? []),
      ...(s.spec.externalIPs ?? []),
      ...(s.status.loadBalancer?.ingress ?? []).map((i) => i.ip ?? ""),
    ]),
  ];
  return ips.filter((ip) => ip.includes(":"));
}

describe.each([
  ["an IPv6 cluster", IPV6],
  ["a dual-stack cluster", DUAL],
])("%s, under random IPv6 addresses", (_, text) => {
  const { cluster, diagnostics } = load(text);
  const own = ownIPv6(cluster);
  const address = fc.oneof(
    fc.ipV6(),
    fc.constantFrom(...own, "::", "::1", "::ffff:192.168.1.2", "fe80::1", "ff02::1", "fd00::1", "64:ff9b::1"),
  );
  const port = fc.oneof(fc.constantFrom(80, 81, 8080, 443), fc.integer({ min: 1, max: 65535 }));
  const protocol = fc.constantFrom("TCP", "UDP", "SCTP", "ICMP" as const);
  const pods = cluster.pods.map((p) => `pod:${p.metadata.namespace}/${p.metadata.name}`);
  const nodePorts = cluster.services.flatMap((s) => (s.spec.ports ?? []).map((p) => p.nodePort ?? 0));
  const from = fc.oneof(
    fc.constantFrom(
      ...pods,
      "node:node-1",
      "node:node-2",
      ...cluster.config.clients.map((c) => `client:${c.name}`),
    ),
    address.map((a) => `ip:${a}`),
  );
  const byAddress = fc
    .tuple(address, fc.oneof(port, fc.constantFrom(...nodePorts)), protocol)
    .map(([ip, p, proto]) => ({ to: proto === "ICMP" ? ip : `[${ip}]:${p}`, protocol: proto, ip, port: p }));
  const byName = fc
    .constantFrom("web:80", "local:81", "web.default.svc.cluster.local:80")
    .map((to) => ({ to, protocol: "TCP" as const, ip: null, port: 0 }));
  const target = fc.oneof({ weight: 4, arbitrary: byAddress }, { weight: 1, arbitrary: byName });

  it("loads without errors", () => {
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    expect(iptablesSave(cluster, "node-1", 6)).toContain("ip6tables-save");
  });

  it("traces and explains any IPv6 packet with a Result, writes the destination as [IP]:PORT, and finds Services by name", () => {
    const resolveName = resolveNameFor(cluster);
    fc.assert(
      fc.property(from, target, fc.nat(100), (f, t, seed) => {
        const r = trace(cluster, { from: f, to: t.to, protocol: t.protocol, seed }, { resolveName });
        if (!r.ok) expect(ENGINE_ERROR_CODES).toContain(r.error.code);
        // A pod of the Services' namespace finds every one by name, whatever its family (CoreDNS's pods,
        // in kube-system, search kube-system first and find none of them).
        if (t.ip === null && f.startsWith("pod:default/")) expect(r.ok && r.value.result).toBe("delivered");
        if (t.ip === null) return;
        for (const n of ["node-1", "node-2"]) {
          const src = f.startsWith("ip:") ? f.slice(3) : "2001:db8:ff::10";
          const e = explain(cluster, { node: n, src, dst: `[${t.ip}]:${t.port}`, protocol: t.protocol });
          if (!e.ok) expect(ENGINE_ERROR_CODES).toContain(e.error.code);
          else expect(` ${e.value.reason}`).not.toContain(` ${canonicalIP(t.ip)}:${t.port}`);
        }
      }),
      { numRuns: 400, seed: 20261203 },
    );
  });

  it("acts on IPv6 sends, bursts and rates with a Result, and runs on", () => {
    const action = fc
      .tuple(from, target, fc.constantFrom("send", "burst", "rate"))
      .map(([f, t, type]): SimAction => {
        const traffic = { from: f, to: t.to, protocol: t.protocol };
        if (type === "send") return { type, ...traffic };
        if (type === "burst") return { type, ...traffic, count: 3, intervalTicks: 1000 };
        return { type, ...traffic, perSecond: 5, durationTicks: 1_000_000 };
      });
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 5 }), fc.nat(100), (actions, seed) => {
        const sim = Simulation.load([{ file: "c.yaml", text }], { seed, maxEvents: 100_000 });
        for (const a of actions) {
          const r = sim.act(a);
          if (!r.ok) expect(ENGINE_ERROR_CODES).toContain(r.error.code);
          sim.advanceTo(sim.now + 500_000);
        }
        sim.advanceTo(sim.now + 10_000_000);
        expect(sim.phases().length).toBeLessThanOrEqual(actions.length);
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });
});
