// Every hop carries its reason as data (why): the view words it, so these pin the codes, not the notes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Cluster } from "../../model/cluster";
import { load } from "../../model/testing";
import { HOP, TICKS_PER_SECOND } from "../sim/types";
import { Simulation } from "../sim/simulation";
import { resolveNameFor } from "./resolveName";
import { trace, type TraceOptions } from "./trace";
import type { Trace, TraceRequest } from "./types";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
const LOCAL = DEFAULT.replace("  type: NodePort\n", "  type: NodePort\n  externalTrafficPolicy: Local\n");
const NO_PODS = DEFAULT.replace("  replicas: 3\n", "  replicas: 0\n");

function run(cluster: Cluster, req: TraceRequest, opts?: TraceOptions): Trace {
  const t = trace(cluster, req, { resolveName: resolveNameFor(cluster), ...opts });
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

const codes = (t: Trace) => t.hops.map((h) => h.why.code);
const cluster = load(DEFAULT).cluster;

describe("hop reasons: a NodePort from outside, externalTrafficPolicy Cluster", () => {
  // node-1 runs no pod of web, so the connection always takes the extra hop.
  const t = run(cluster, { from: "client:laptop", to: "192.168.1.2:30080", seed: 1 });

  it("codes every hop, request and reply, in order", () => {
    expect(codes(t)).toEqual([
      "send-client",
      "dnat-node-port",
      "forward-node",
      "deliver-pod",
      "reply-answer",
      "reply-forward",
      "reply-unnat",
      "reply-receive",
    ]);
  });

  it("names the Service port, the endpoint count and external masquerade at the DNAT", () => {
    const nat = t.hops.find((h) => h.action === "dnat+snat")!;
    expect(nat.why).toEqual({
      code: "dnat-node-port",
      service: "default/web:http",
      endpoints: 3,
      masq: "external",
    });
  });

  it("codes the node that reverses the NAT on the way back", () => {
    const unnat = t.hops.find((h) => h.action === "un-nat")!;
    expect(unnat).toMatchObject({ at: "node:node-1", why: { code: "reply-unnat" } });
  });
});

describe("hop reasons: kube-proxy's verdicts", () => {
  it("codes a drop for externalTrafficPolicy Local on a node without a local endpoint", () => {
    const t = run(load(LOCAL).cluster, { from: "client:laptop", to: "192.168.1.2:30080" });
    expect(t.result).toBe("dropped");
    expect(t.hops.at(-1)!.why).toEqual({ code: "drop-etp-local", service: "default/web:http" });
  });

  it("marks a DNAT to local endpoints only, keeping the source, under externalTrafficPolicy Local", () => {
    const t = run(load(LOCAL).cluster, { from: "client:laptop", to: "192.168.1.3:30080" });
    expect(t.hops[1]!.why).toEqual({
      code: "dnat-node-port",
      service: "default/web:http",
      endpoints: 2,
      local: true,
    });
  });

  it("codes a reject, and its reset going back, for a Service without endpoints", () => {
    const t = run(load(NO_PODS).cluster, { from: "client:laptop", to: "192.168.1.2:30080" });
    expect(t.result).toBe("rejected");
    expect(codes(t)).toEqual(["send-client", "reject-no-endpoints", "reply-reject", "reply-receive"]);
    expect(t.hops[1]!.why.service).toBe("default/web:http");
  });

  it("codes a ping to a ClusterIP as routed past kube-proxy and lost, naming the Service", () => {
    const c = cluster;
    const pod = c.pods[0]!;
    const ip = c.services.find((s) => s.metadata.name === "web")!.spec.clusterIP!;
    const t = run(c, { from: `pod:default/${pod.metadata.name}`, to: ip, protocol: "ICMP" });
    expect(t.result).toBe("timeout");
    expect(t.hops.map((h) => h.why)).toEqual([
      { code: "send-pod" },
      { code: "route-no-rule", service: "default/web" },
      { code: "lost-cluster-ip", service: "default/web" },
    ]);
  });

  it("codes a packet sent to a node that is down as lost there", () => {
    const t = run(
      cluster,
      { from: "client:laptop", to: "192.168.1.3:30080" },
      { downNodes: new Set(["node-2"]) },
    );
    expect(codes(t)).toEqual(["send-client", "lost-node-down"]);
  });
});

describe("hop reasons in the simulation's hop events", () => {
  it("carries each step's reason into its hop event", () => {
    const sim = Simulation.load([{ file: "default.yaml", text: DEFAULT }]);
    sim.act({ type: "send", from: "client:laptop", to: "192.168.1.2:30080" });
    const hops = sim.advanceTo(10 * TICKS_PER_SECOND).hops.events();
    expect(hops.map((h) => h.why.code)).toEqual([
      "dnat-node-port",
      "forward-node",
      "deliver-pod",
      "reply-answer",
      "reply-forward",
      "reply-unnat",
      "reply-receive",
    ]);
    expect(hops[0]!.why).toMatchObject({ service: "default/web:http", endpoints: 3, masq: "external" });
  });

  it("marks a packet that reaches a node gone down in flight as vanished, then the client's timeout", () => {
    const sim = Simulation.load([{ file: "default.yaml", text: DEFAULT }]);
    sim.act({ type: "send", from: "client:laptop", to: "192.168.1.2:30080" });
    const first = sim.advanceTo(1).hops.events();
    expect(first).toHaveLength(1);
    sim.act({ type: "failNode", node: "node-1" });
    const rest = sim.advanceTo(60 * TICKS_PER_SECOND).hops.events();
    expect(rest.map((h) => [h.to, h.flags, h.why])).toEqual([
      ["node:node-1", HOP.lost, { code: "vanish" }],
      ["client:laptop", HOP.timeout, { code: "timeout" }],
    ]);
  });
});
