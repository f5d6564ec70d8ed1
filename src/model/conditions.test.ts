import { describe, expect, it } from "vitest";
import { isNodeReady, isPodReady } from "./conditions";
import type { Node, NodeCondition, Pod, PodCondition } from "./k8s";

const node = (conditions?: NodeCondition[]): Node => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: "n" },
  spec: {},
  status: { conditions },
});
const pod = (conditions?: PodCondition[]): Pod => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p" },
  spec: { containers: [] },
  status: { conditions },
});

describe("Ready conditions", () => {
  it("counts a node Ready only when its Ready condition is True", () => {
    expect(isNodeReady(node([{ type: "Ready", status: "True" }]))).toBe(true);
    expect(isNodeReady(node([{ type: "Ready", status: "Unknown" }]))).toBe(false);
    expect(isNodeReady(node([{ type: "MemoryPressure", status: "True" }]))).toBe(false);
    expect(isNodeReady(node())).toBe(false);
  });

  it("counts a pod ready only when its Ready condition is True", () => {
    expect(isPodReady(pod([{ type: "Ready", status: "True" }]))).toBe(true);
    expect(isPodReady(pod([{ type: "Ready", status: "False" }]))).toBe(false);
    expect(isPodReady(pod())).toBe(false);
  });
});
