import { describe, expect, it } from "vitest";
import { loadManifests } from "../../model/load";
import { userObjects } from "../../model/testing";
import { largeScenario } from "./largeScenario";

const OPTS = { nodes: 20, pods: 200, services: 50, seed: 7 };

describe("largeScenario", () => {
  const { cluster, diagnostics } = loadManifests([{ file: "large.yaml", text: largeScenario(OPTS) }]);
  // The API server's own default/kubernetes Service comes on top of the generated ones.
  const services = userObjects(cluster.services).filter((s) => s.metadata.name !== "kubernetes");

  it("loads without a single error", () => {
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("has the nodes, pods, services and clients asked for, every pod running with an IP", () => {
    expect(cluster.nodes).toHaveLength(20);
    expect(userObjects(cluster.pods)).toHaveLength(200);
    expect(cluster.pods.every((p) => p.status.phase === "Running" && p.status.podIP)).toBe(true);
    expect(services).toHaveLength(50);
    expect(cluster.config.clients).toHaveLength(20);
    const replicas = userObjects(cluster.deployments).reduce((n, d) => n + (d.spec.replicas ?? 0), 0);
    expect(replicas).toBe(200);
  });

  it("spreads nodes over zones and mixes service types, policies, affinity and named targetPorts", () => {
    const zones = new Set(cluster.nodes.map((n) => n.metadata.labels?.["topology.kubernetes.io/zone"]));
    expect(zones.size).toBe(3);
    const types = new Set(services.map((s) => s.spec.type));
    expect([...types].sort()).toEqual(["ClusterIP", "LoadBalancer", "NodePort"]);
    expect(services.some((s) => s.spec.externalTrafficPolicy === "Local")).toBe(true);
    expect(services.some((s) => s.spec.sessionAffinity === "ClientIP")).toBe(true);
    const targets = services.flatMap((s) => (s.spec.ports ?? []).map((p) => p.targetPort));
    expect(targets.some((t) => typeof t === "string")).toBe(true);
    expect(services.every((s) => s.spec.type === "ClusterIP" || s.spec.ports?.[0]?.nodePort)).toBe(true);
  });

  it("gives every Service endpoints", () => {
    for (const s of services) {
      const slices = cluster.endpointSlices.filter(
        (e) =>
          e.metadata.namespace === s.metadata.namespace &&
          e.metadata.labels?.["kubernetes.io/service-name"] === s.metadata.name,
      );
      expect(slices.flatMap((e) => e.endpoints).length, s.metadata.name).toBeGreaterThan(0);
    }
  });

  it("is the same text for the same options, and different for another seed", () => {
    expect(largeScenario(OPTS)).toBe(largeScenario(OPTS));
    expect(largeScenario({ ...OPTS, seed: 8 })).not.toBe(largeScenario(OPTS));
  });

  it("scales down to a small cluster", () => {
    const small = loadManifests(largeScenario({ nodes: 3, pods: 6, services: 4, clients: 2, seed: 1 }));
    expect(small.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(userObjects(small.cluster.pods)).toHaveLength(6);
    expect(small.cluster.config.clients).toHaveLength(2);
  });
});
