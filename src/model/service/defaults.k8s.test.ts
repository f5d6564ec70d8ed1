// Ported from kubernetes/kubernetes pkg/apis/core/v1/defaults_test.go: TestSetDefaultService,
// TestSetDefaultServiceSessionAffinityConfig, TestSetDefaultServiceLoadbalancerIPMode,
// TestSetDefaultServiceTargetPort, TestSetDefaultServicePort, TestSetDefaultServiceExternalTraffic
// and TestSetDefaultServiceInternalTrafficPolicy (SetDefaults_Service on a decoded v1 Service).
import { describe, expect, it } from "vitest";
import type { LoadBalancerIngress, Service, ServiceSpec } from "../k8s";
import { DEFAULT_CLIENT_IP_TIMEOUT_SECONDS, defaultService } from "./defaults";

const roundTrip = (spec: ServiceSpec, status: Service["status"] = {}): Service => {
  const svc: Service = { apiVersion: "v1", kind: "Service", metadata: { name: "" }, spec, status };
  defaultService(svc);
  return svc;
};

describe("TestSetDefaultService (defaults_test.go)", () => {
  it("an empty Service gets sessionAffinity None and type ClusterIP", () => {
    const svc = roundTrip({});
    expect(svc.spec.sessionAffinity).toBe("None");
    expect(svc.spec.sessionAffinityConfig).toBeUndefined();
    expect(svc.spec.type).toBe("ClusterIP");
  });
});

describe("TestSetDefaultServiceSessionAffinityConfig (defaults_test.go)", () => {
  it.each<[string, ServiceSpec]>([
    ["SessionAffinityConfig is empty", { sessionAffinity: "ClientIP" }],
    ["ClientIP is empty", { sessionAffinity: "ClientIP", sessionAffinityConfig: {} }],
    ["TimeoutSeconds is empty", { sessionAffinity: "ClientIP", sessionAffinityConfig: { clientIP: {} } }],
  ])("%s", (_name, spec) => {
    // v1.DefaultClientIPServiceAffinitySeconds
    expect(DEFAULT_CLIENT_IP_TIMEOUT_SECONDS).toBe(10800);
    expect(roundTrip(spec).spec.sessionAffinityConfig?.clientIP?.timeoutSeconds).toBe(10800);
  });
});

// The LoadBalancerIPMode gate is GA and locked on in 1.34: the gate-off case is not ported.
describe("TestSetDefaultServiceLoadbalancerIPMode (defaults_test.go)", () => {
  it.each<[string, LoadBalancerIngress[], (string | undefined)[]]>([
    ["Set IP but bot set IPMode with LoadbalancerIPMode enabled", [{ ip: "1.2.3.4" }], ["VIP"]],
    [
      "Both IP and IPMode are set with LoadbalancerIPMode enabled",
      [{ ip: "1.2.3.4", ipMode: "Proxy" }],
      ["Proxy"],
    ],
  ])("%s", (_name, ingress, want) => {
    const svc = roundTrip({ type: "LoadBalancer" }, { loadBalancer: { ingress } });
    expect(svc.status.loadBalancer!.ingress!.map((i) => i.ipMode)).toEqual(want);
  });
});

describe("TestSetDefaultServiceTargetPort (defaults_test.go)", () => {
  it("defaults targetPort to port, keeps a given one", () => {
    expect(roundTrip({ ports: [{ port: 1234 }] }).spec.ports![0]!.targetPort).toBe(1234);
    expect(roundTrip({ ports: [{ port: 1234, targetPort: 5678 }] }).spec.ports![0]!.targetPort).toBe(5678);
  });
});

describe("TestSetDefaultServicePort (defaults_test.go)", () => {
  it("unchanged if set", () => {
    const out = roundTrip({
      ports: [
        { protocol: "UDP", port: 9376, targetPort: "p" },
        { protocol: "UDP", port: 8675, targetPort: 309 },
      ],
    });
    expect(out.spec.ports!.map((p) => [p.protocol, p.targetPort])).toEqual([
      ["UDP", "p"],
      ["UDP", 309],
    ]);
  });
  it("defaulted", () => {
    // intstr.FromString("") and intstr.FromInt32(0) are both the zero value.
    const out = roundTrip({
      ports: [
        { port: 9376, targetPort: "" },
        { port: 8675, targetPort: 0 },
      ],
    });
    expect(out.spec.ports!.map((p) => [p.protocol, p.targetPort])).toEqual([
      ["TCP", 9376],
      ["TCP", 8675],
    ]);
  });
});

describe("TestSetDefaultServiceExternalTraffic (defaults_test.go)", () => {
  it.each<[string, ServiceSpec, string | undefined]>([
    ["empty Service", {}, undefined],
    ["NodePort", { type: "NodePort" }, "Cluster"],
    ["LoadBalancer", { type: "LoadBalancer" }, "Cluster"],
    ["ClusterIP with externalIPs", { type: "ClusterIP", externalIPs: ["1.2.3.4"] }, "Cluster"],
    ["ClusterIP", { type: "ClusterIP" }, undefined],
    ["ExternalName", { type: "ExternalName" }, undefined],
  ])("%s", (_name, spec, want) => {
    expect(roundTrip(spec).spec.externalTrafficPolicy).toBe(want);
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
