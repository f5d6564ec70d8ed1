// Ported from kubernetes/kubernetes pkg/apis/core/v1/defaults_test.go: TestSetDefaultService and
// TestSetDefaultServiceInternalTrafficPolicy (SetDefaults_Service on a decoded v1 Service).
import { describe, expect, it } from "vitest";
import type { Service, ServiceSpec } from "../k8s";
import { defaultService } from "./defaults";

const roundTrip = (spec: ServiceSpec): Service => {
  const svc: Service = { apiVersion: "v1", kind: "Service", metadata: { name: "" }, spec, status: {} };
  defaultService(svc);
  return svc;
};

describe("TestSetDefaultService (defaults_test.go)", () => {
  it("an empty Service gets sessionAffinity None and type ClusterIP", () => {
    const svc = roundTrip({});
    expect(svc.spec.sessionAffinity).toBe("None");
    expect(svc.spec.type).toBe("ClusterIP");
  });
});

describe("TestSetDefaultServiceInternalTrafficPolicy (defaults_test.go)", () => {
  it.each<[string, ServiceSpec, string | undefined]>([
    ["must set default internalTrafficPolicy", {}, "Cluster"],
    [
      "must not set default internalTrafficPolicy when it's cluster",
      { internalTrafficPolicy: "Cluster" },
      "Cluster",
    ],
    [
      "must not set default internalTrafficPolicy when type is ExternalName",
      { type: "ExternalName" },
      undefined,
    ],
    [
      "must not set default internalTrafficPolicy when it's local",
      { internalTrafficPolicy: "Local" },
      "Local",
    ],
  ])("%s", (_name, spec, want) => {
    expect(roundTrip(spec).spec.internalTrafficPolicy).toBe(want);
  });
});
