// Cases modelled on pkg/apis/apps/validation/validation_test.go (TestValidateDeployment,
// TestValidateReplicaSet).
import { describe, expect, it } from "vitest";
import type { ReplicaSet } from "../k8s";
import { validateDeployment, validateReplicaSet } from "./apps";
import { validDeployment } from "./fixtures.test-util";

describe("validateDeployment", () => {
  it("accepts a valid deployment", () => {
    expect(validateDeployment(validDeployment())).toEqual([]);
  });
  it("reports template labels the selector does not match, as JSON (1.34+)", () => {
    const d = validDeployment();
    d.spec.template.metadata = { labels: { tier: "b", app: "other" } };
    expect(validateDeployment(d)).toEqual([
      {
        path: "spec.template.metadata.labels",
        message: 'Invalid value: {"app":"other","tier":"b"}: `selector` does not match template `labels`',
      },
    ]);
  });
  it("rejects an empty selector", () => {
    const d = validDeployment();
    d.spec.selector = {};
    expect(validateDeployment(d)).toEqual([
      { path: "spec.selector", message: "Invalid value: {}: empty selector is invalid for deployment" },
    ]);
  });
  it("requires a selector, which then matches nothing", () => {
    const d = validDeployment();
    delete (d.spec as { selector?: unknown }).selector;
    expect(validateDeployment(d)).toEqual([
      { path: "spec.selector", message: "Required value" },
      {
        path: "spec.template.metadata.labels",
        message: 'Invalid value: {"app":"web"}: `selector` does not match template `labels`',
      },
    ]);
  });
  it("rejects negative replicas", () => {
    const d = validDeployment();
    d.spec.replicas = -1;
    expect(validateDeployment(d)).toEqual([
      { path: "spec.replicas", message: "Invalid value: -1: must be greater than or equal to 0" },
    ]);
  });
  it("validates the pod template spec under spec.template.spec", () => {
    const d = validDeployment();
    d.spec.template.spec.containers[0]!.name = "Web";
    expect(validateDeployment(d)[0]?.path).toBe("spec.template.spec.containers[0].name");
  });
  it("reports bad template labels at spec.template.labels", () => {
    const d = validDeployment();
    d.spec.selector = { matchLabels: { app: "web" } };
    d.spec.template.metadata = { labels: { app: "web", bad: "-x" } };
    expect(validateDeployment(d).map((e) => e.path)).toEqual(["spec.template.labels"]);
  });
  it("matches selector expressions", () => {
    const d = validDeployment();
    d.spec.selector = { matchExpressions: [{ key: "app", operator: "In", values: ["web", "api"] }] };
    expect(validateDeployment(d)).toEqual([]);
  });
  it("rejects an unknown selector operator twice: field and selector", () => {
    const d = validDeployment();
    d.spec.selector = { matchExpressions: [{ key: "app", operator: "Near" as never, values: ["web"] }] };
    expect(validateDeployment(d)).toEqual([
      {
        path: "spec.selector.matchExpressions[0].operator",
        message: 'Invalid value: "Near": not a valid selector operator',
      },
      {
        path: "spec.selector",
        message:
          'Invalid value: {"matchExpressions":[{"key":"app","operator":"Near","values":["web"]}]}: invalid label selector',
      },
    ]);
  });
});

describe("validateReplicaSet", () => {
  it("shares the deployment's wording for an empty selector", () => {
    const d = validDeployment();
    const rs: ReplicaSet = {
      ...d,
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      spec: { ...d.spec, selector: {} },
    };
    expect(validateReplicaSet(rs)).toEqual([
      { path: "spec.selector", message: "Invalid value: {}: empty selector is invalid for deployment" },
    ]);
  });
});
