import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Cluster } from "../../model/cluster";
import { load } from "../../model/testing";
import { dnsSeed, resolverTiming } from "./dnsLookup";
import { lookUpNameFor, resolveNameFor } from "./resolveName";
import { trace, type TraceOptions } from "./trace";
import type { Trace, TraceRequest } from "./types";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
/** The default scenario, with a Service in namespace shop and two ExternalNames. */
const DNS_SCENARIO = `${DEFAULT}---\n${readFileSync(new URL("../../../tests/fixtures/dns.yaml", import.meta.url), "utf8")}`;

function run(cluster: Cluster, req: TraceRequest, opts: TraceOptions = {}): Trace {
  const t = trace(cluster, req, {
    resolveName: resolveNameFor(cluster),
    lookUpName: lookUpNameFor(cluster),
    ...opts,
  });
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

const cluster = load(DNS_SCENARIO).cluster;
const webPod = cluster.pods.find((p) => p.metadata.labels?.app === "web" && p.spec.nodeName === "node-2")!;
const FROM = `pod:default/${webPod.metadata.name}`;
const coreDns = cluster.pods.filter((p) => p.metadata.namespace === "kube-system");

describe("trace: the DNS lookup before a connection to NAME:PORT", () => {
  it("sends each query as UDP from the pod to 10.96.0.10:53, DNATed on the pod's node to a CoreDNS pod, and back", () => {
    const t = run(cluster, { from: FROM, to: "web:80", seed: 1 });
    const [lookup] = t.dns!;
    expect(lookup).toMatchObject({ query: "web.default.svc.cluster.local.", type: "A", rcode: "NOERROR" });
    const h = lookup!.hops;
    expect(h[0]).toMatchObject({ at: FROM, action: "send", dst: "10.96.0.10:53" });
    expect(h[0]!.src).toMatch(new RegExp(`^${webPod.status.podIP!.replaceAll(".", "\\.")}:\\d+$`));
    expect(h[1]).toMatchObject({ at: "node:node-2", action: "dnat" });
    expect(coreDns.map((p) => `${p.status.podIP}:53`)).toContain(h[1]!.to!.dst);
    expect(lookup!.server!.pod).toMatch(/^kube-system\/coredns-/);
    // The CoreDNS pods run on node-1: the query crosses the node network, and the answer comes back un-DNATed.
    expect(h.some((x) => x.at === "node:node-1" && x.action === "forward")).toBe(true);
    expect(h.find((x) => x.action === "un-nat")!.to!.src).toBe("10.96.0.10:53");
    expect(h.at(-1)).toMatchObject({ at: FROM, direction: "reply", action: "receive" });
  });

  it("walks the search path: web.shop is NXDOMAIN in the pod's namespace's domain before it resolves", () => {
    const t = run(cluster, { from: FROM, to: "api.shop:80", seed: 1 });
    expect(t.dns!.map((l) => [l.query, l.rcode])).toEqual([
      ["api.shop.default.svc.cluster.local.", "NXDOMAIN"],
      ["api.shop.svc.cluster.local.", "NOERROR"],
    ]);
    expect(t.dns!.every((l) => l.result === "delivered")).toBe(true);
    expect(t.result).toBe("delivered");
    expect(t.endpoint!.pod).toMatch(/^shop\/api-/);
  });

  it("leaves the connection's hops and draws as a trace to the resolved address would have them", () => {
    const ip = cluster.services.find((s) => s.metadata.name === "web")!.spec.clusterIP!;
    for (let seed = 1; seed <= 20; seed++) {
      const named = run(cluster, { from: FROM, to: "web:80", seed });
      const direct = run(cluster, { from: FROM, to: `${ip}:80`, seed });
      expect(named.hops).toEqual(direct.hops);
      expect(named.endpoint).toEqual(direct.endpoint);
      expect(direct.dns).toBeUndefined();
    }
    expect(dnsSeed(1)).not.toBe(1);
  });

  it("times out when CoreDNS's node is down but its endpoints are still ready: 5 s × 2 attempts", () => {
    const t = run(cluster, { from: FROM, to: "web:80", seed: 1 }, { downNodes: new Set(["node-1"]) });
    expect(t.result).toBe("timeout");
    expect(t.hops).toEqual([]);
    expect(t.dns).toHaveLength(1);
    expect(t.dns![0]).toMatchObject({ result: "timeout", rcode: null });
    expect(t.reason).toContain('the DNS lookup of "web" failed');
    expect(t.reason).toContain("web.default.svc.cluster.local.");
    expect(t.reason).toContain("timeout:5 attempts:2");
    expect(t.reason).toContain("after 10 s it gives up");
  });

  it("waits as the pod's resolv.conf options say (timeout:3 attempts:4 from dnsConfig)", () => {
    const withOptions = DEFAULT.replace(
      "      containers:\n",
      "      dnsConfig: {options: [{name: timeout, value: '3'}, {name: attempts, value: '4'}]}\n      containers:\n",
    );
    const c = load(withOptions).cluster;
    const pod = c.pods.find((p) => p.metadata.labels?.app === "web")!;
    const t = run(
      c,
      { from: `pod:default/${pod.metadata.name}`, to: "web:80" },
      { downNodes: new Set(["node-1"]) },
    );
    expect(t.reason).toContain("after 12 s it gives up");
    expect(resolverTiming(["ndots:5"])).toEqual({ timeout: 5, attempts: 2 });
  });

  it("fails at once when kube-dns has no endpoints: kube-proxy rejects the query (ICMP port unreachable)", () => {
    const noPods = `${DEFAULT}---
apiVersion: v1
kind: Service
metadata: {name: kube-dns, namespace: kube-system}
spec: {clusterIP: 10.96.0.10, selector: {k8s-app: kube-dns}, ports: [{name: dns, port: 53, protocol: UDP}]}
`;
    const c = load(noPods).cluster;
    const pod = c.pods.find((p) => p.metadata.labels?.app === "web")!;
    const t = run(c, { from: `pod:default/${pod.metadata.name}`, to: "web:80" });
    expect(t.result).toBe("rejected");
    expect(t.dns![0]!.hops.map((h) => h.action)).toEqual(["send", "reject", "answer", "receive"]);
    expect(t.reason).toContain("ICMP port unreachable ends the lookup at once");
  });

  it("answers an ExternalName with its CNAME; an outside name the model does not know ends in no-route, saying so", () => {
    const t = run(cluster, { from: FROM, to: "away:5432", seed: 1 });
    expect(t.dns!.at(-1)!.answer).toEqual([
      { name: "away.default.svc.cluster.local.", type: "CNAME", ttl: 30, value: "db.example.com." },
    ]);
    expect(t.result).toBe("no-route");
    expect(t.reason).toContain("upstream resolver, which Kube Hops does not model");
    expect(t.hops).toEqual([]);
  });

  it("follows an ExternalName to an outside client the upstream knows, and the connection leaves the cluster", () => {
    const t = run(cluster, { from: FROM, to: "desk:22", seed: 1 });
    expect(t.dns!.at(-1)!.answer.map((r) => r.type)).toEqual(["CNAME", "A"]);
    expect(t.result).toBe("delivered");
    expect(t.hops.some((h) => h.action === "snat")).toBe(true);
    expect(t.hops.some((h) => h.at === "client:laptop")).toBe(true);
  });

  it("adds nothing for an IP target", () => {
    expect(run(cluster, { from: FROM, to: "10.96.0.1:443" }).dns).toBeUndefined();
  });
});
