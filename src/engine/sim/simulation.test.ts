// The simulation against the numbers a real cluster gives: how connections spread, stick and fail over.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScript, runScript, type ScriptRun } from "./script";
import { Simulation } from "./simulation";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
const withService = (spec: string) => DEFAULT.replace("  type: NodePort\n", spec);
const LB_LOCAL = withService("  type: LoadBalancer\n  externalTrafficPolicy: Local\n");
const LB_CLUSTER = withService("  type: LoadBalancer\n  externalTrafficPolicy: Cluster\n");
const AFFINITY = withService(
  "  type: NodePort\n  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 10}}\n",
);

function simulate(manifests: string, script: string, seed = 1): ScriptRun {
  const parsed = parseScript(script);
  expect(parsed.problems).toEqual([]);
  const run = runScript(
    Simulation.load([{ file: "scenario.yaml", text: manifests }], { seed }),
    parsed.steps,
  );
  if (!run.ok) throw new Error(run.error.message);
  return run.value;
}

const lbIP = (manifests: string) => {
  const sim = Simulation.load([{ file: "s.yaml", text: manifests }]);
  return sim.cluster.services.find((s) => s.metadata.name === "web")!.status.loadBalancer!.ingress![0]!.ip!;
};
const burst = (to: string, count: number, extra = "") =>
  `- burst: {from: client:laptop, to: ${to}, count: ${count}${extra}}\n`;

describe("simulation: connections", () => {
  it("balances new connections (curl) evenly over the three pods", () => {
    const [p] = simulate(DEFAULT, burst("192.168.1.2:30080", 300)).phases;
    expect(p!.results.delivered).toBe(300);
    expect(Object.keys(p!.perPod)).toHaveLength(3);
    for (const n of Object.values(p!.perPod)) expect(n).toBeGreaterThan(60);
    expect(p!.perNode["node-2"]! / 300).toBeGreaterThan(0.55); // 2 of 3 pods live there
  });

  it("keeps a browser's keep-alive connection on one pod, without any affinity", () => {
    const [p] = simulate(DEFAULT, burst("192.168.1.2:30080", 100, ", connection: keepalive")).phases;
    expect(p!.results.delivered).toBe(100);
    expect(Object.values(p!.perPod)).toEqual([100]);
  });

  it("counts an extra hop for every request a node forwards to another node", () => {
    const [p] = simulate(DEFAULT, burst("192.168.1.3:30080", 300)).phases;
    expect(p!.extraHops).toBe(p!.perNode["node-3"]);
  });

  it("gives the same phases for the same seed, and others for another seed", () => {
    const script = burst("192.168.1.2:30080", 60);
    expect(simulate(DEFAULT, script, 5)).toEqual(simulate(DEFAULT, script, 5));
    expect(simulate(DEFAULT, script, 5).phases[0]!.perPod).not.toEqual(
      simulate(DEFAULT, script, 6).phases[0]!.perPod,
    );
  });
  it("counts a request sent straight to a pod's IP (a headless Service's answer) for that pod", () => {
    const pods = Simulation.load([{ file: "s.yaml", text: DEFAULT }]).cluster.pods;
    const [from, to] = [pods[0]!, pods.find((p) => p.spec.nodeName !== pods[0]!.spec.nodeName)!];
    const script = `- burst: {from: pod:default/${from.metadata.name}, to: "${to.status.podIP}:8080", count: 5}\n`;
    const [p] = simulate(DEFAULT, script).phases;
    expect(p!.results.delivered).toBe(5);
    expect(p!.perPod).toEqual({ [`default/${to.metadata.name}`]: 5 });
    expect(p!.perNode).toEqual({ [to.spec.nodeName!]: 5 });
    expect(p!.sourceIPs[`default/${to.metadata.name}`]).toEqual([from.status.podIP]);
  });
});

describe("simulation: ClientIP session affinity", () => {
  it("pins every new connection of a client to one pod within the timeout", () => {
    const run = simulate(
      AFFINITY,
      burst("192.168.1.2:30080", 50) + "- wait: 5s\n" + burst("192.168.1.2:30080", 50),
    );
    const [a, b] = run.phases;
    expect(Object.keys(a!.perPod)).toHaveLength(1);
    expect(Object.keys(b!.perPod)).toEqual(Object.keys(a!.perPod));
  });

  it("chooses afresh once the affinity has expired in simulated time", () => {
    let changed = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const run = simulate(
        AFFINITY,
        burst("192.168.1.2:30080", 5) + "- wait: 11s\n" + burst("192.168.1.2:30080", 5),
        seed,
      );
      const [a, b] = run.phases;
      expect(Object.keys(b!.perPod)).toHaveLength(1);
      if (Object.keys(a!.perPod)[0] !== Object.keys(b!.perPod)[0]) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });
});

describe("simulation: a node fails and the cluster heals", () => {
  const script =
    burst("192.168.1.2:30080", 300) +
    "- failNode: node-2\n" +
    burst("192.168.1.2:30080", 300) +
    "- wait: 60s\n" +
    burst("192.168.1.2:30080", 300) +
    "- wait: 300s\n" +
    burst("192.168.1.2:30080", 300);
  const [before, during, notReady, healed] = simulate(DEFAULT, script).phases;

  it("serves everything before the failure", () => expect(before!.results.delivered).toBe(300));

  it("loses the connections sent to node-2's pods until the node monitor grace period ends", () => {
    // Two of three endpoints are on node-2 and still listed as ready: about 2/3 time out.
    expect(during!.results.timeout / 300).toBeGreaterThan(0.55);
    expect(during!.results.timeout / 300).toBeLessThan(0.8);
    expect(during!.results.delivered + during!.results.timeout).toBe(300);
  });

  it("sends everything to the surviving pod once node-2 is NotReady and its endpoints are not ready", () => {
    expect(notReady!.results.delivered).toBe(300);
    expect(Object.keys(notReady!.perNode)).toEqual(["node-3"]);
  });

  it("has replacement pods serving after the 300 s eviction timeout", () => {
    expect(healed!.results.delivered).toBe(300);
    expect(Object.keys(healed!.perPod)).toHaveLength(3);
  });

  it("leaves a client that only knows node-2's address without the service", () => {
    const [p] = simulate(DEFAULT, "- failNode: node-2\n" + burst("192.168.1.3:30080", 20)).phases;
    expect(p!.results.timeout).toBe(20);
  });

  it("puts the pods back in service when the node recovers before eviction", () => {
    const run = simulate(
      DEFAULT,
      "- failNode: node-2\n- wait: 60s\n- recoverNode: node-2\n- wait: 5s\n" +
        burst("192.168.1.2:30080", 300),
    );
    expect(run.phases[0]!.results.delivered).toBe(300);
    expect(Object.keys(run.phases[0]!.perPod)).toHaveLength(3);
  });

  it("starts replacement pods whose names were freed when a recovered node's kubelet deleted evicted pods", () => {
    // node-2's evicted pods are deleted when it returns; after node-3 fails in turn, the ReplicaSet's new
    // pods on node-2 may take those generated names again, and must still become Ready.
    const run = simulate(
      DEFAULT,
      "- failNode: node-2\n- wait: 360s\n- recoverNode: node-2\n- wait: 5s\n" +
        "- failNode: node-3\n- wait: 360s\n" +
        burst("192.168.1.2:30080", 300),
    );
    expect(run.phases[0]!.results.delivered).toBe(300);
    expect(Object.keys(run.phases[0]!.perPod)).toHaveLength(3);
    expect(Object.keys(run.phases[0]!.perNode)).toEqual(["node-2"]);
  });
});

describe("simulation: load balancers", () => {
  it("with externalTrafficPolicy Local, gives the lone pod on one node about half the requests", () => {
    const ip = lbIP(LB_LOCAL);
    const lone = Simulation.load([{ file: "s.yaml", text: LB_LOCAL }]).cluster.pods.find(
      (x) => x.spec.nodeName === "node-3",
    )!;
    const [p] = simulate(LB_LOCAL, burst(`${ip}:80`, 400)).phases;
    expect(p!.results.delivered).toBe(400);
    const share = p!.perPod[`default/${lone.metadata.name}`]! / 400;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
    expect(p!.sourceIPs[`default/${lone.metadata.name}`]).toEqual(["192.168.1.10"]);
  });

  it("with externalTrafficPolicy Local, stops sending to a failed node after its health checks fail", () => {
    const ip = lbIP(LB_LOCAL);
    const [p] = simulate(LB_LOCAL, "- failNode: node-2\n- wait: 15s\n" + burst(`${ip}:80`, 200)).phases;
    expect(p!.results.delivered).toBe(200);
  });

  it("with externalTrafficPolicy Cluster, still loses connections forwarded to the dead node's pods until NotReady", () => {
    const ip = lbIP(LB_CLUSTER);
    const [p] = simulate(LB_CLUSTER, "- failNode: node-2\n- wait: 15s\n" + burst(`${ip}:80`, 300)).phases;
    expect(p!.results.timeout / 300).toBeGreaterThan(0.5);
  });
});

describe("simulation: changes while traffic runs", () => {
  it("lets a terminating pod finish its open keep-alive connection while new connections go elsewhere", () => {
    const sim = Simulation.load([{ file: "s.yaml", text: DEFAULT }], { seed: 3 });
    const run = (action: Parameters<Simulation["act"]>[0]) => {
      const r = sim.act(action);
      expect(r.ok).toBe(true);
      while (r.ok && r.value.phase !== null && !sim.phaseDone(r.value.phase)) sim.step();
    };
    run({ type: "burst", from: "client:laptop", to: "192.168.1.2:30080", count: 5, connection: "keepalive" });
    const pinned = Object.keys(sim.phases()[0]!.perPod)[0]!;
    run({ type: "deletePod", pod: pinned });
    sim.advanceTo(sim.now + 2_000_000);
    // The same keep-alive action's connection is gone with its action; a new keep-alive one opens elsewhere,
    // and new connections never pick the terminating pod once kube-proxy has synced.
    run({ type: "burst", from: "client:laptop", to: "192.168.1.2:30080", count: 60 });
    expect(sim.phases()[1]!.perPod[pinned]).toBeUndefined();
    expect(sim.phases()[1]!.results.delivered).toBe(60);
  });

  it("keeps serving a keep-alive stream through a pod's termination grace period", () => {
    const sim = Simulation.load([{ file: "s.yaml", text: DEFAULT }], { seed: 3 });
    const r = sim.act({
      type: "rate",
      from: "client:laptop",
      to: "192.168.1.2:30080",
      perSecond: 10,
      durationTicks: 20_000_000,
      connection: "keepalive",
    });
    expect(r.ok).toBe(true);
    sim.advanceTo(1_000_000);
    const pinned = Object.keys(sim.phases()[0]!.perPod)[0]!;
    expect(sim.act({ type: "deletePod", pod: pinned }).ok).toBe(true);
    sim.advanceTo(25_000_000);
    const p = sim.phases()[0]!;
    expect(p.results.delivered).toBe(p.requests);
    expect(Object.keys(p.perPod)).toEqual([pinned]);
  });

  it("sends traffic to new pods of a scale-up only after they start and kube-proxy syncs", () => {
    const run = simulate(
      DEFAULT,
      "- scale: {deployment: default/web, replicas: 5}\n" +
        burst("192.168.1.2:30080", 100, ", interval: 1ms") +
        "- wait: 5s\n" +
        burst("192.168.1.2:30080", 500),
    );
    expect(Object.keys(run.phases[0]!.perPod)).toHaveLength(3);
    expect(Object.keys(run.phases[1]!.perPod)).toHaveLength(5);
  });

  it("applies a Service change: with externalTrafficPolicy Local, node-1 (no pods) starts dropping", () => {
    const local = DEFAULT.split("---")
      .find((d) => d.includes("kind: Service"))!
      .replace("  type: NodePort\n", "  type: NodePort\n  externalTrafficPolicy: Local\n");
    const script =
      `- apply: |\n${local
        .split("\n")
        .map((l) => `    ${l}`)
        .join("\n")}\n- wait: 2s\n` + burst("192.168.1.2:30080", 10);
    const [p] = simulate(DEFAULT, script).phases;
    expect(p!.results.dropped).toBe(10);
  });

  describe("a Service whose selector an apply removes", () => {
    const applyStep = (manifest: string) =>
      `- apply: |\n${manifest
        .split("\n")
        .map((l) => `    ${l}`)
        .join("\n")}\n`;
    const unselected = applyStep(
      DEFAULT.split("---")
        .find((d) => d.includes("kind: Service"))!
        .replace("  selector:\n    app: web\n", ""),
    );

    it("keeps sending traffic to the endpoints its slices held", () => {
      const [p] = simulate(DEFAULT, unselected + "- wait: 2s\n" + burst("192.168.1.2:30080", 30)).phases;
      expect(p!.results.delivered).toBe(30);
      expect(Object.keys(p!.perPod)).toHaveLength(3);
    });

    it("does not add the pods of a later scale-up: nothing manages its slices any more", () => {
      const script =
        unselected +
        "- scale: {deployment: default/web, replicas: 5}\n- wait: 10s\n" +
        burst("192.168.1.2:30080", 200);
      expect(Object.keys(simulate(DEFAULT, script).phases[0]!.perPod)).toHaveLength(3);
    });
  });

  it("refuses an action on something that does not exist, and goes on", () => {
    const sim = Simulation.load([{ file: "s.yaml", text: DEFAULT }]);
    expect(sim.act({ type: "failNode", node: "node-9" })).toEqual({
      ok: false,
      error: { code: "unknown-node", params: { node: "node-9" }, message: 'no node named "node-9"' },
    });
    expect(sim.act({ type: "scale", deployment: "default/api", replicas: 2 })).toEqual({
      ok: false,
      error: {
        code: "unknown-deployment",
        params: { deployment: "default/api" },
        message: "no deployment default/api",
      },
    });
    expect(sim.act({ type: "send", from: "client:laptop", to: "192.168.1.2:30080" }).ok).toBe(true);
  });
});

describe("simulation scripts", () => {
  it("reports an unknown action and a bad duration with their lines", () => {
    const { problems } = parseScript(
      "- burst: {from: client:laptop, to: 192.168.1.2:30080, count: 3}\n- explode: now\n- wait: soon\n",
    );
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
    expect(problems[0]!.message).toContain('unknown action "explode"');
    expect(problems[1]!.message).toContain("wait takes a duration");
  });

  it("reads 500ms, 60s and 2m as durations", () => {
    const { steps } = parseScript("- wait: 500ms\n- wait: 60s\n- wait: 2m\n");
    expect(steps.map((s) => ("wait" in s ? s.wait : 0))).toEqual([500_000, 60_000_000, 120_000_000]);
  });
});

describe("simulation: timings from the ClusterConfig", () => {
  const withConfig = (extra: string) => DEFAULT.replace("  clients:\n", `${extra}  clients:\n`);

  it("uses the link latencies a ClusterConfig sets", () => {
    const slow = withConfig("  latency: {external: 20ms}\n");
    const fast = simulate(DEFAULT, burst("192.168.1.3:30080", 5)).phases[0]!.latencyMs.p50;
    const slowed = simulate(slow, burst("192.168.1.3:30080", 5)).phases[0]!.latencyMs.p50;
    // Out and back over the external link: 2 x (20 - 2) ms more.
    expect(slowed - fast).toBeCloseTo(36, 5);
  });

  it("uses a shorter node monitor grace period a ClusterConfig sets", () => {
    const quick = withConfig("  timing: {nodeMonitorGracePeriod: 10s}\n");
    const [p] = simulate(quick, "- failNode: node-2\n- wait: 15s\n" + burst("192.168.1.2:30080", 100)).phases;
    expect(p!.results.delivered).toBe(100);
  });

  it("reports a timing that is not a duration at its field", () => {
    const sim = Simulation.load([{ file: "s.yaml", text: withConfig("  timing: {podStartup: soon}\n") }]);
    expect(sim.diagnostics[0]).toMatchObject({ path: "spec.timing.podStartup", severity: "error" });
  });

  it("cannot be stopped by a healthCheckInterval of 0s: refused, and a run with it ends", () => {
    const zero = withConfig("  timing: {healthCheckInterval: 0s}\n");
    const sim = Simulation.load([{ file: "s.yaml", text: zero }]);
    expect(sim.diagnostics[0]).toMatchObject({ path: "spec.timing.healthCheckInterval", severity: "error" });
    const [p] = simulate(zero, "- send: {from: client:laptop, to: 192.168.1.2:30080}\n- wait: 30s\n").phases;
    expect(p!.results.delivered).toBe(1);
  });

  it("runs to its end with every other timing and latency at 0s", () => {
    const zeros = withConfig(
      "  latency: {external: 0s, loadBalancer: 0s, nodeNode: 0s, nodePod: 0s, local: 0s}\n" +
        "  timing: {podProcessing: 0s, clientTimeout: 0s, nodeMonitorGracePeriod: 0s, podEvictionTimeout: 0s,\n" +
        "           proxySyncDelay: 0s, podStartup: 0s, terminationGracePeriod: 0s, nodeRecovery: 0s}\n",
    );
    const run = simulate(
      zeros,
      "- failNode: node-2\n- wait: 1s\n" +
        burst("192.168.1.2:30080", 20) +
        "- scale: {deployment: default/web, replicas: 5}\n- recoverNode: node-2\n- wait: 1s\n" +
        burst("192.168.1.2:30080", 20),
    );
    expect(run.phases.map((p) => p.requests)).toEqual([20, 20]);
  });
});
