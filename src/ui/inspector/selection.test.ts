import { describe, expect, it } from "vitest";
import type { ClusterSummary, PodSummary } from "../../protocol/messages";
import { endpointBadges, objectYaml, parseSelection, replicasOf } from "./selection";

const yaml = `apiVersion: v1
kind: Node
metadata:
  name: node-1
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort # the one
`;

const pod: PodSummary = {
  name: "default/web-1",
  node: "node-2",
  ip: "10.244.1.2",
  labels: { app: "web" },
  phase: "Running",
  ready: true,
  terminating: false,
  owner: "default/web",
};
const cluster: ClusterSummary = {
  nodes: [],
  pods: [pod, { ...pod, name: "default/web-2", terminating: true }],
  services: [],
  clients: [],
};

describe("parseSelection", () => {
  it("splits kind and name", () => {
    expect([
      parseSelection("svc:default/web"),
      parseSelection("node:node-1"),
      parseSelection("zzz:x"),
      parseSelection(null),
    ]).toEqual([{ kind: "svc", name: "default/web" }, { kind: "node", name: "node-1" }, null, null]);
  });
});

describe("objectYaml", () => {
  it("takes a written object from the manifests, comments and all", () => {
    expect(objectYaml(yaml, { kind: "svc", name: "default/web" }, null)).toEqual({
      text: expect.stringContaining("type: NodePort # the one"),
      source: "manifest",
    });
    expect(objectYaml(yaml, { kind: "node", name: "node-1" }, null)?.text).toContain("name: node-1");
  });
  it("summarises a pod a controller made", () => {
    const y = objectYaml(yaml, { kind: "pod", name: "default/web-1" }, cluster);
    expect([
      y?.source,
      y?.text.includes("podIP: 10.244.1.2"),
      y?.text.includes("ownedBy: default/web"),
    ]).toEqual(["summary", true, true]);
  });
  it("has nothing for clients", () => {
    expect(objectYaml(yaml, { kind: "client", name: "laptop" }, cluster)).toBeNull();
  });
});

describe("endpoints and replicas", () => {
  it("badges an endpoint's conditions", () => {
    const e = { ip: "", pod: null, node: null, ready: false, serving: true, terminating: true };
    expect([
      endpointBadges(e),
      endpointBadges({ ...e, ready: true, terminating: false }),
      endpointBadges({ ...e, serving: false, terminating: false }),
    ]).toEqual([["serving", "terminating"], ["ready"], ["not ready"]]);
  });
  it("counts a Deployment's live pods", () => {
    expect(replicasOf(cluster, "default/web")).toBe(1);
  });
});
