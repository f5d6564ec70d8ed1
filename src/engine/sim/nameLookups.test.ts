import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScript, runScript, type ScriptRun } from "./script";
import { Simulation } from "./simulation";
import { HOP, type HopEvent, TICKS_PER_SECOND } from "./types";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
const NO_DNS_PODS = `${DEFAULT}---
apiVersion: v1
kind: Service
metadata: {name: kube-dns, namespace: kube-system}
spec: {clusterIP: 10.96.0.10, selector: {k8s-app: kube-dns}, ports: [{name: dns, port: 53, protocol: UDP}]}
`;

function simulate(manifests: string, script: string): ScriptRun {
  const sim = Simulation.load([{ file: "m.yaml", text: manifests }], { seed: 1 });
  const parsed = parseScript(script);
  const r = runScript(sim, parsed.steps, { events: true });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const sim = Simulation.load([{ file: "m.yaml", text: DEFAULT }]);
const pod = sim.cluster.pods.find((p) => p.metadata.labels?.app === "web" && p.spec.nodeName === "node-3")!;
const FROM = `pod:default/${pod.metadata.name}`;
const webIP = sim.cluster.services.find((s) => s.metadata.name === "web")!.spec.clusterIP!;
const hopsOf = (run: ScriptRun) => run.events.filter((e): e is HopEvent => "packet" in e);
const dnsHops = (run: ScriptRun) => hopsOf(run).filter((h) => h.flags & HOP.dns);
const connectionHops = (run: ScriptRun) => hopsOf(run).filter((h) => !(h.flags & HOP.dns));

describe("simulation: the lookup before a connection to NAME:PORT", () => {
  it("sends the query to CoreDNS as flagged packets first, then opens the connection", () => {
    const run = simulate(DEFAULT, `- send: {from: ${FROM}, to: "web:80"}\n`);
    const dns = dnsHops(run);
    expect(dns[0]).toMatchObject({ from: FROM, dst: "10.96.0.10:53" });
    expect(dns.some((h) => h.to.startsWith("pod:kube-system/coredns-"))).toBe(true);
    const firstConnection = connectionHops(run)[0]!;
    expect(firstConnection.start).toBe(dns.at(-1)!.end);
    // CoreDNS answered, but only the request's server counts as serving it.
    expect(run.phases[0]!.perPod).toEqual({ [`default/${pod.metadata.name}`]: 1 });
  });

  it("leaves the connection's draws as they are: its hops are those to the resolved address, later", () => {
    const named = connectionHops(simulate(DEFAULT, `- burst: {from: ${FROM}, to: "web:80", count: 20}\n`));
    const direct = hopsOf(simulate(DEFAULT, `- burst: {from: ${FROM}, to: "${webIP}:80", count: 20}\n`));
    const shape = (hs: HopEvent[]) => hs.map((h) => [h.from, h.to, h.src, h.dst, h.flags]);
    expect(shape(named)).toEqual(shape(direct));
  });

  it("fails the request after the resolver's 5 s × 2 when CoreDNS's node is down", () => {
    const run = simulate(DEFAULT, `- failNode: node-1\n- send: {from: ${FROM}, to: "web:80"}\n`);
    const phase = run.phases[0]!;
    expect(phase.results.timeout).toBe(1);
    expect(phase.end - phase.start).toBe(10);
    const marker = hopsOf(run).find((h) => h.flags & HOP.timeout)!;
    expect(marker.flags & HOP.dns).toBe(HOP.dns);
    expect(marker.start).toBe(10 * TICKS_PER_SECOND);
  });

  it("fails the request at once, rejected, when kube-dns has no endpoints", () => {
    const run = simulate(NO_DNS_PODS, `- send: {from: ${FROM}, to: "web:80"}\n`);
    expect(run.phases[0]!.results.rejected).toBe(1);
    expect(connectionHops(run)).toEqual([]);
    expect(run.phases[0]!.end).toBeLessThan(0.01);
  });

  it("follows an ExternalName to an outside client the model's upstream knows: CNAME, then out of the cluster", () => {
    const extra = readFileSync(new URL("../../../tests/fixtures/dns.yaml", import.meta.url), "utf8");
    const run = simulate(`${DEFAULT}---\n${extra}`, `- send: {from: ${FROM}, to: "desk:22"}\n`);
    expect(run.phases[0]!.results.delivered).toBe(1);
    expect(dnsHops(run).length).toBeGreaterThan(0);
    expect(connectionHops(run).some((h) => h.to === "client:laptop")).toBe(true);
  });
});
