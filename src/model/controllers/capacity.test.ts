// How many replicas a cluster runs: each node takes its maxPods (110 by default) and needs an IP per pod
// from its podCIDR; the cluster holds at most 500 pods. The rest stay Pending or are not created,
// and one warning says how many and why.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Pod } from "../k8s";
import { load, userObjects, webDeployment } from "../testing";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
const withReplicas = (n: number) => DEFAULT.replace("  replicas: 3\n", `  replicas: ${n}\n`);
/** The line of `replicas:` in the default scenario's Deployment. */
const REPLICAS_LINE = DEFAULT.split("\n").findIndex((l) => l === "  replicas: 3") + 1;

const node = (name: string, extra = "") => `
apiVersion: v1
kind: Node
metadata: {name: ${name}}
status: {addresses: [{type: InternalIP, address: 10.0.0.1}]${extra}}
`;

const running = (pods: Pod[]) => userObjects(pods).filter((p) => p.status.phase === "Running");
const replicaWarnings = (ds: ReturnType<typeof load>["diagnostics"]) =>
  ds.filter((d) => d.path === "spec.replicas");

describe("pods per node and per cluster", () => {
  it("leaves replicas beyond the nodes' maxPods (110 each) Pending, with one warning at spec.replicas", () => {
    const { cluster, diagnostics } = load(withReplicas(300));
    // node-1 carries the control plane's taint: two nodes of 110 pods each.
    expect(running(cluster.pods)).toHaveLength(220);
    const pending = userObjects(cluster.pods).filter((p) => p.status.phase === "Pending");
    expect(pending).toHaveLength(80);
    expect(pending.every((p) => !p.spec.nodeName && !p.status.podIP)).toBe(true);
    const perNode = new Map<string, number>();
    for (const p of running(cluster.pods))
      perNode.set(p.spec.nodeName!, (perNode.get(p.spec.nodeName!) ?? 0) + 1);
    expect(Object.fromEntries(perNode)).toEqual({ "node-2": 110, "node-3": 110 });
    expect(replicaWarnings(diagnostics)).toEqual([
      expect.objectContaining({
        severity: "warning",
        object: "Deployment/default/web",
        line: REPLICAS_LINE,
        message: expect.stringMatching(
          /^replicas: 300, of which 220 run\. 80 stay Pending: FailedScheduling: 0\/3 nodes are available: 1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}, 2 Too many pods\./,
        ),
      }),
    ]);
    // One warning for the Deployment, not one per pod.
    expect(diagnostics).toHaveLength(1);
  });

  it("never reports a pod Running without an IP", () => {
    const { cluster } = load(withReplicas(600));
    expect(cluster.pods.length).toBeGreaterThan(220);
    for (const p of cluster.pods) if (p.status.phase === "Running") expect(p.status.podIP).toBeTruthy();
  });

  it("makes at most 500 pods for replicas: 2147483647, keeps the replicas asked for, and says how many are not made", () => {
    const { cluster, diagnostics } = load(withReplicas(2147483647));
    expect(cluster.pods).toHaveLength(500);
    expect(cluster.deployments[0]!.spec.replicas).toBe(2147483647);
    expect(cluster.replicaSets[0]!.spec.replicas).toBe(2147483647);
    const [w] = replicaWarnings(diagnostics);
    expect(w!.message).toContain("280 stay Pending");
    expect(w!.message).toContain(
      "2147483147 are not created: this playground holds at most 500 pods in a cluster.",
    );
  });

  it("shares the 500 pods between Deployments in creation order", () => {
    const nodes = Array.from({ length: 5 }, (_, i) => node(`n${i}`)).join("---");
    const other = webDeployment(300).replace(/web/g, "api");
    const { cluster, diagnostics } = load(`${nodes}---${webDeployment(300)}---${other}`);
    const owned = (app: string) => cluster.pods.filter((p) => p.metadata.labels?.app === app).length;
    expect([owned("web"), owned("api")]).toEqual([300, 200]);
    expect(
      replicaWarnings(diagnostics).map((d) => [d.object, /(\d+) are not created/.exec(d.message)?.[1]]),
    ).toEqual([["Deployment/default/api", "100"]]);
  });

  it("keeps a pod Pending on its node when the node's podCIDR has no free IP left", () => {
    // A /29 holds .2 to .6 for pods: five addresses.
    const { cluster, diagnostics } = load(`${node("a")}
spec: {podCIDR: 10.244.7.0/29}
---${webDeployment(8)}`);
    expect(running(cluster.pods).map((p) => p.status.podIP)).toEqual([
      "10.244.7.2",
      "10.244.7.3",
      "10.244.7.4",
      "10.244.7.5",
      "10.244.7.6",
    ]);
    const waiting = userObjects(cluster.pods).filter((p) => p.status.phase === "Pending");
    expect(waiting).toHaveLength(3);
    expect(waiting.every((p) => p.spec.nodeName === "a" && !p.status.podIP)).toBe(true);
    expect(waiting[0]!.status.conditions).toContainEqual({
      type: "PodReadyToStartContainers",
      status: "False",
    });
    expect(replicaWarnings(diagnostics)[0]!.message).toBe(
      "replicas: 8, of which 5 run. 3 stay Pending on their node without an IP: FailedCreatePodSandBox: failed to allocate for range 0: no IP addresses available in range set: 10.244.7.2-10.244.7.6.",
    );
  });

  it("takes as many pods on a node as its status.allocatable.pods says", () => {
    const { cluster, diagnostics } = load(`${node("a", ", allocatable: {pods: '2'}")}---${webDeployment(3)}`);
    expect(running(cluster.pods)).toHaveLength(2);
    expect(replicaWarnings(diagnostics)[0]!.message).toContain(
      "1 stay Pending: FailedScheduling: 0/1 nodes are available: 1 Too many pods.",
    );
  });

  it("warns about a pod of no ReplicaSet that finds no IP, by itself", () => {
    const pods = Array.from(
      { length: 6 },
      (_, i) => `
apiVersion: v1
kind: Pod
metadata: {name: p${i}}
spec: {containers: [{name: c, image: nginx}]}
`,
    );
    const { cluster, diagnostics } = load(`${node("a")}
spec: {podCIDR: 10.244.7.0/29}
---${pods.join("---")}`);
    expect(userObjects(cluster.pods).map((p) => p.status.phase)).toEqual([
      ...Array(5).fill("Running"),
      "Pending",
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        object: "Pod/default/p5",
        severity: "warning",
        message: expect.stringMatching(/^pod p5 stays Pending: FailedCreatePodSandBox: /),
      }),
    ]);
  });
});
