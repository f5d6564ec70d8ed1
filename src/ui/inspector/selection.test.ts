import { describe, expect, it } from "vitest";
import { cluster } from "./fixtures.test-util";
import { endpointBadges, parseSelection, replicasOf } from "./selection";

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
