import { describe, expect, it } from "vitest";
import { defaultService } from "./defaults";
import { makeService } from "./testing";

describe("defaultService", () => {
  it("a bare Service becomes ClusterIP with sessionAffinity None and internalTrafficPolicy Cluster", () => {
    const svc = makeService({ ports: [{ port: 80 }] });
    defaultService(svc);
    expect(svc.spec.type).toBe("ClusterIP");
    expect(svc.spec.sessionAffinity).toBe("None");
    expect(svc.spec.internalTrafficPolicy).toBe("Cluster");
  });

  it("a missing namespace becomes default", () => {
    const svc = makeService({ ports: [{ port: 80 }] });
    defaultService(svc);
    expect(svc.metadata.namespace).toBe("default");
  });

  it("ports default to TCP and targetPort to the port", () => {
    const svc = makeService({ ports: [{ port: 80 }, { port: 53, protocol: "UDP", targetPort: 5353 }] });
    defaultService(svc);
    expect(svc.spec.ports).toEqual([
      { port: 80, protocol: "TCP", targetPort: 80 },
      { port: 53, protocol: "UDP", targetPort: 5353 },
    ]);
  });

  it("targetPort 0 and the empty string both mean the port", () => {
    const svc = makeService({
      ports: [
        { port: 80, targetPort: 0 },
        { port: 81, targetPort: "" },
      ],
    });
    defaultService(svc);
    expect(svc.spec.ports!.map((p) => p.targetPort)).toEqual([80, 81]);
  });

  it("ClientIP affinity without a timeout gets 10800 seconds", () => {
    const svc = makeService({ sessionAffinity: "ClientIP", ports: [{ port: 80 }] });
    defaultService(svc);
    expect(svc.spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });

  it("sessionAffinity None drops a sessionAffinityConfig", () => {
    const svc = makeService({
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } },
      ports: [{ port: 80 }],
    });
    defaultService(svc);
    expect(svc.spec.sessionAffinityConfig).toBeUndefined();
  });

  it("NodePort gets externalTrafficPolicy Cluster, a plain ClusterIP does not", () => {
    const np = makeService({ type: "NodePort", ports: [{ port: 80 }] });
    const cip = makeService({ ports: [{ port: 80 }] });
    defaultService(np);
    defaultService(cip);
    expect(np.spec.externalTrafficPolicy).toBe("Cluster");
    expect(cip.spec.externalTrafficPolicy).toBeUndefined();
  });

  it("a ClusterIP Service with externalIPs is externally accessible and gets externalTrafficPolicy Cluster", () => {
    const svc = makeService({ externalIPs: ["192.0.2.7"], ports: [{ port: 80 }] });
    defaultService(svc);
    expect(svc.spec.externalTrafficPolicy).toBe("Cluster");
  });

  it("LoadBalancer gets allocateLoadBalancerNodePorts true and VIP ipMode on given ingress IPs", () => {
    const svc = makeService({ type: "LoadBalancer", ports: [{ port: 80 }] });
    svc.status = { loadBalancer: { ingress: [{ ip: "203.0.113.9" }, { hostname: "lb.example.com" }] } };
    defaultService(svc);
    expect(svc.spec.allocateLoadBalancerNodePorts).toBe(true);
    expect(svc.status.loadBalancer!.ingress).toEqual([
      { ip: "203.0.113.9", ipMode: "VIP" },
      { hostname: "lb.example.com" },
    ]);
  });

  it("ExternalName gets no internalTrafficPolicy", () => {
    const svc = makeService({ type: "ExternalName", externalName: "db.example.com" });
    defaultService(svc);
    expect(svc.spec.internalTrafficPolicy).toBeUndefined();
  });

  it("an explicit allocateLoadBalancerNodePorts false stays false", () => {
    const svc = makeService({
      type: "LoadBalancer",
      allocateLoadBalancerNodePorts: false,
      ports: [{ port: 80 }],
    });
    defaultService(svc);
    expect(svc.spec.allocateLoadBalancerNodePorts).toBe(false);
  });
});
