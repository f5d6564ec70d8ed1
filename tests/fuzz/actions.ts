// Random scripts of simulation actions over a generated cluster: traffic, failures, scaling and apply
// with random but bounded arguments, including names the cluster does not have.
import fc from "fast-check";
import type { SimAction } from "../../src/engine/sim/types";
import { TICKS_PER_MS, TICKS_PER_SECOND } from "../../src/engine/sim/types";
import { clusterArb, type GeneratedCluster, hostileValue, toYaml } from "./clusters";

/** A script step: an action, or a pause (wait) in ticks. */
export type Step = { action: SimAction } | { wait: number };

const protocol = fc.constantFrom("TCP", "TCP", "UDP", "SCTP", "ICMP") as fc.Arbitrary<
  "TCP" | "UDP" | "SCTP" | "ICMP"
>;

export function stepsArb(c: GeneratedCluster, pods: string[]): fc.Arbitrary<Step[]> {
  // Real names twice as often as junk ones, so most actions act on the cluster.
  const or = <T>(names: T[], ...junk: T[]) => fc.constantFrom(...names, ...names, ...junk);
  const from = or(
    [...c.clients.map((n) => `client:${n}`), ...pods.slice(0, 2).map((p) => `pod:${p}`)],
    `node:${c.nodes[0]}`,
    "client:nobody",
    "ip:192.168.1.200",
    "",
  );
  const to = or(c.targets, "10.96.0.1:443", "nowhere:80", "1.2.3.4", "203.0.113.1:80");
  const traffic = fc.record({
    from,
    to,
    protocol,
    connection: fc.constantFrom("new", "keepalive") as fc.Arbitrary<"new" | "keepalive">,
  });
  const node = or(c.nodes, "node-99", "", "__proto__");
  const action: fc.Arbitrary<SimAction> = fc.oneof(
    traffic.map((t) => ({ type: "send" as const, ...t })),
    fc
      .tuple(traffic, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 50 }))
      .map(([t, count, ms]) => ({ type: "burst" as const, ...t, count, intervalTicks: ms * TICKS_PER_MS })),
    fc
      .tuple(traffic, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 3 }))
      .map(([t, perSecond, s]) => ({
        type: "rate" as const,
        ...t,
        perSecond,
        durationTicks: s * TICKS_PER_SECOND,
      })),
    fc.integer({ min: -1, max: 3 }).map((phase) => ({ type: "stopTraffic" as const, phase })),
    node.map((n) => ({ type: "failNode" as const, node: n })),
    node.map((n) => ({ type: "recoverNode" as const, node: n })),
    or([...pods, "default/none"], "", "kube-system/x").map((pod) => ({ type: "deletePod" as const, pod })),
    fc
      .tuple(or([...c.deployments, "default/none"], "app-1"), fc.integer({ min: -1, max: 6 }))
      .map(([deployment, replicas]) => ({ type: "scale" as const, deployment, replicas })),
    fc
      .oneof(
        clusterArb.map((g) => toYaml(g.docs.slice(-2))),
        hostileValue.map((v) =>
          toYaml([{ apiVersion: "v1", kind: "Service", metadata: { name: "x" }, spec: v }]),
        ),
        fc.constantFrom("", "- a", "kind: Pod", ": :"),
      )
      .map((manifest) => ({ type: "apply" as const, manifest })),
  );
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 3, arbitrary: action.map((a) => ({ action: a })) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 20_000 }).map((ms) => ({ wait: ms * TICKS_PER_MS })) },
  );
  return fc.array(step, { minLength: 1, maxLength: 8 });
}
