import { describe, expect, it } from "vitest";
import type { Node, Pod, Toleration } from "../k8s";
import { schedulePods, tolerates, unfitReason } from "./scheduler";

const taint = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const };

describe("tolerations (v1 Toleration.ToleratesTaint)", () => {
  const cases: [string, Toleration, boolean][] = [
    ["an Exists toleration with the key", { key: taint.key, operator: "Exists" }, true],
    ["an Exists toleration without a key tolerates every taint", { operator: "Exists" }, true],
    ["an Equal toleration needs the same value", { key: taint.key, operator: "Equal", value: "x" }, false],
    [
      "an Equal toleration with the empty value matches a taint without value",
      { key: taint.key, value: "" },
      true,
    ],
    [
      "a toleration for another effect does not apply",
      { key: taint.key, operator: "Exists", effect: "NoExecute" },
      false,
    ],
    ["a toleration for another key does not apply", { key: "other", operator: "Exists" }, false],
  ];
  for (const [name, t, want] of cases) it(name, () => expect(tolerates(t, taint)).toBe(want));
});

describe("NodeResourcesFit: pods per node", () => {
  const pod: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: { containers: [] },
    status: {},
  };
  const node = (allocatable?: { pods?: string | number }): Node => ({
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "n" },
    spec: {},
    status: { conditions: [{ type: "Ready", status: "True" }], ...(allocatable ? { allocatable } : {}) },
  });

  it("filters out a node that already runs kubelet's default maxPods, 110: Too many pods", () => {
    expect(unfitReason(pod, node(), 109)).toBeNull();
    expect(unfitReason(pod, node(), 110)).toBe("Too many pods");
  });

  it("counts against the node's status.allocatable.pods when the manifest gives it", () => {
    expect(unfitReason(pod, node({ pods: "3" }), 3)).toBe("Too many pods");
    expect(unfitReason(pod, node({ pods: 4 }), 3)).toBeNull();
    expect(unfitReason(pod, node({ pods: "lots" }), 109)).toBeNull();
  });

  it("leaves the pods past every node's room unbound, with the scheduler's message", () => {
    const pods = Array.from({ length: 3 }, (_, i): Pod => ({
      ...pod,
      metadata: { name: `p${i}` },
      spec: { containers: [] },
    }));
    const failures = schedulePods(pods, [node({ pods: "2" })]);
    expect(pods.map((p) => p.spec.nodeName ?? null)).toEqual(["n", "n", null]);
    expect([...failures.values()]).toEqual(["0/1 nodes are available: 1 Too many pods."]);
  });
});

describe("spreading", () => {
  const node = (name: string): Node => ({
    apiVersion: "v1",
    kind: "Node",
    metadata: { name },
    spec: {},
    status: { conditions: [{ type: "Ready", status: "True" }] },
  });
  const pod = (name: string, namespace: string, nodeName?: string): Pod => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace,
      ownerReferences: [
        { apiVersion: "apps/v1", kind: "ReplicaSet", name: name.split("-")[0]!, controller: true },
      ],
    },
    spec: { containers: [{ name: "c", image: "nginx" }], ...(nodeName ? { nodeName } : {}) },
    status: {},
  });

  it("leaves kube-system's pods (CoreDNS) out of the spreading score: a new pod may join them", () => {
    const pods = [
      pod("coredns-1", "kube-system", "a"),
      pod("coredns-2", "kube-system", "a"),
      pod("web", "default"),
    ];
    schedulePods(pods, [node("a"), node("b")]);
    expect(pods[2]!.spec.nodeName).toBe("a");
  });
});
