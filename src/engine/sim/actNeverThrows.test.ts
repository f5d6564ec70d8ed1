// Property: Simulation.act answers every action the protocol can carry, well formed or not, with a
// Result, and never throws; nor does the run that follows. Random sequences on the default scenario mix
// actions on real names, hostile names and addresses (IPv6, ICMP, prototype keys), malformed shapes, and
// time passing. Bounded: a few seconds.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENGINE_ERROR_CODES } from "../result";
import { Simulation } from "./simulation";
import type { SimAction } from "./types";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
const PODS = Simulation.load([{ file: "default.yaml", text: DEFAULT }]).cluster.pods.map(
  (p) => `${p.metadata.namespace}/${p.metadata.name}`,
);

/** Real names first, then what a careless or hostile sender might put there. */
const JUNK = ["", "__proto__", "constructor", "toString", "x".repeat(300), "ü/ñ", " node-1", "a/b/c"];
const name = (...real: string[]) => fc.constantFrom(...real, ...real, ...JUNK);
const node = name("node-1", "node-2", "node-3", "node-9");
const pod = name(...PODS, "default/none", "kube-system/__proto__", "default/");
const deployment = name("default/web", "web", "default/none", "default/__proto__");
const from = name(
  "client:laptop",
  ...PODS.slice(0, 2).map((p) => `pod:${p}`),
  "node:node-1",
  "ip:192.168.1.200",
  "ip:fd00::5",
  "ip:::1",
  "ip:::ffff:192.168.1.10",
  "client:__proto__",
  "pod:__proto__",
  "node:constructor",
  "ip:",
  "pod:",
);
const to = name(
  "192.168.1.2:30080",
  "192.168.1.3:30080",
  "web:80",
  "web.default.svc.cluster.local:80",
  "kubernetes:443",
  "10.96.0.1:443",
  "10.96.0.1",
  "[fd00::1]",
  "[fd00::1]:80",
  "fd00::1",
  "[::]:0",
  "[fe80::1%eth0]:80",
  "1.2.3.4:0",
  "1.2.3.4:65536",
  "web",
  "web:",
  ":80",
  "__proto__:80",
);
const protocol = fc.constantFrom("TCP", "UDP", "SCTP", "ICMP", "ICMP", undefined);
const connection = fc.constantFrom("new", "keepalive", undefined);

const MANIFESTS = [
  "apiVersion: v1\nkind: Service\nmetadata: {name: six}\nspec:\n  ipFamilies: [IPv6]\n  ipFamilyPolicy: SingleStack\n  selector: {app: web}\n  ports: [{port: 80, targetPort: http}]\n",
  "apiVersion: v1\nkind: Service\nmetadata: {name: dual}\nspec:\n  type: LoadBalancer\n  ipFamilyPolicy: RequireDualStack\n  externalTrafficPolicy: Local\n  selector: {app: web}\n  ports: [{port: 80, targetPort: http}]\n",
  "apiVersion: v1\nkind: Node\nmetadata: {name: node-6}\nstatus:\n  addresses: [{type: InternalIP, address: 'fd00::6'}]\n",
  "apiVersion: v1\nkind: Pod\nmetadata: {name: lone, labels: {app: web}}\nspec:\n  nodeName: node-2\n  containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]\n",
  "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  sessionAffinity: ClientIP\n  selector: {app: web}\n  ports: [{name: http, port: 80, targetPort: http, nodePort: 30080}]\n",
  "apiVersion: kubehops.dev/v1alpha1\nkind: ClusterConfig\nmetadata: {name: c}\n",
  "kind: Pod",
  ": :",
  "- a",
  "",
  "apiVersion: v1\nkind: Service\nmetadata: {name: __proto__}\nspec: {ports: [{port: 1e99}]}\n",
];

const traffic = fc.record(
  { from, to, protocol, connection, label: fc.constantFrom("a", undefined) },
  { requiredKeys: ["from", "to"] },
);

/** Actions of the right shape: the simulation may still refuse them (an unknown node, say). */
const wellShaped: fc.Arbitrary<SimAction> = fc.oneof(
  traffic.map((t) => ({ type: "send" as const, ...t })),
  fc
    .tuple(traffic, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 20_000 }))
    .map(([t, count, intervalTicks]) => ({ type: "burst" as const, ...t, count, intervalTicks })),
  fc
    .tuple(traffic, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 3_000_000 }))
    .map(([t, perSecond, durationTicks]) => ({ type: "rate" as const, ...t, perSecond, durationTicks })),
  fc.integer({ min: 0, max: 4 }).map((phase) => ({ type: "stopTraffic" as const, phase })),
  node.map((n) => ({ type: "failNode" as const, node: n })),
  node.map((n) => ({ type: "recoverNode" as const, node: n })),
  pod.map((p) => ({ type: "deletePod" as const, pod: p })),
  fc
    .tuple(deployment, fc.integer({ min: 0, max: 6 }))
    .map(([d, replicas]) => ({ type: "scale" as const, deployment: d, replicas })),
  fc
    .array(fc.constantFrom(...MANIFESTS), { minLength: 1, maxLength: 3 })
    .map((docs) => ({ type: "apply" as const, manifest: docs.join("\n---\n") })),
);

/** Anything another thread or a saved file could send instead: wrong types, missing fields, odd keys. */
const value = fc.oneof(
  fc.constantFrom(undefined, null, NaN, Infinity, -1, 1e300, 2 ** 53, "", "node-1", "default/web"),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.constant({ toString: "x" }),
);
const malformed: fc.Arbitrary<unknown> = fc.oneof(
  value,
  fc.record(
    {
      type: fc.oneof(
        fc.constantFrom("send", "burst", "rate", "stopTraffic", "failNode", "scale", "apply", "__proto__"),
        value,
      ),
      from: value,
      to: value,
      protocol: value,
      count: value,
      intervalTicks: value,
      perSecond: value,
      durationTicks: value,
      phase: value,
      node: value,
      pod: value,
      deployment: value,
      replicas: value,
      manifest: value,
    },
    { requiredKeys: [] },
  ),
  fc.constant(JSON.parse('{"type": "failNode", "__proto__": {"node": "node-1"}}')),
);

type Step = { act: unknown } | { wait: number } | { step: true };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: wellShaped.map((a) => ({ act: a })) },
  { weight: 2, arbitrary: malformed.map((a) => ({ act: a })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 6_000_000 }).map((wait) => ({ wait })) },
  { weight: 1, arbitrary: fc.constant({ step: true as const }) },
);

/** Runs the steps on a fresh simulation, taking only the actions `take` lets through. */
function drive(steps: Step[], seed: number, take: (i: number) => boolean) {
  const sim = Simulation.load([{ file: "default.yaml", text: DEFAULT }], { seed, maxEvents: 200_000 });
  const refused = new Set<number>();
  steps.forEach((s, i) => {
    if ("wait" in s) sim.advanceTo(sim.now + s.wait);
    else if ("step" in s) sim.step();
    else if (take(i)) {
      const r = sim.act(s.act as SimAction);
      expect(typeof r.ok).toBe("boolean");
      if (!r.ok) {
        expect(ENGINE_ERROR_CODES).toContain(r.error.code);
        expect(r.error.message).toMatch(/\S/);
        refused.add(i);
      }
    }
  });
  sim.advanceTo(sim.now + 10_000_000);
  const state = JSON.stringify([sim.now, sim.eventsProcessed, sim.cluster, sim.nodeStatus(), sim.phases()]);
  return { refused, state };
}

describe("Simulation.act under random sequences of actions, well formed or not", () => {
  it("answers each with a result (a refusal: a known code and a message), never throws, and a refusal changes nothing", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), fc.nat(1000), (steps, seed) => {
        const all = drive(steps, seed, () => true);
        // The run without the refused actions is the very same run (a replay leaves them out).
        if (all.refused.size) expect(drive(steps, seed, (i) => !all.refused.has(i)).state).toBe(all.state);
      }),
      { numRuns: 150, seed: 20261203 },
    );
  });
});
