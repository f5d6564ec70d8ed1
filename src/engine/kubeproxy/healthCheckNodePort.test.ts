import { describe, expect, it } from "vitest";
import { hasLocalReadyEndpoint } from "./healthCheckNodePort";
import { makeTestCluster, makeTestEndpointSlice, makeTestService } from "./testCluster";

const svc = makeTestService("ns1", "web", (s) => {
  s.spec.type = "LoadBalancer";
  s.spec.externalTrafficPolicy = "Local";
});
const cluster = makeTestCluster(
  [svc],
  [
    makeTestEndpointSlice("ns1", "web", 1, (eps) => {
      eps.endpoints = [
        { addresses: ["10.180.0.1"], nodeName: "node-a" },
        { addresses: ["10.180.1.1"], nodeName: "node-b", conditions: { ready: false, serving: true } },
        { addresses: ["10.180.2.1"], nodeName: "node-c", conditions: {} },
      ];
    }),
    // Another Service's endpoint on node-d, in a slice of the same namespace.
    makeTestEndpointSlice("ns1", "db", 1, (eps) => {
      eps.endpoints = [{ addresses: ["10.180.3.1"], nodeName: "node-d" }];
    }),
  ],
);

describe("healthCheckNodePort", () => {
  it("passes a node with a ready endpoint of the Service, a missing ready condition counting as ready", () => {
    expect(hasLocalReadyEndpoint(cluster, svc, "node-a")).toBe(true);
    expect(hasLocalReadyEndpoint(cluster, svc, "node-c")).toBe(true);
  });

  it("fails a node whose only endpoint is not ready, or that has only another Service's", () => {
    expect(hasLocalReadyEndpoint(cluster, svc, "node-b")).toBe(false);
    expect(hasLocalReadyEndpoint(cluster, svc, "node-d")).toBe(false);
  });
});
