// A ClusterConfig's timings and latencies: every one a duration from 0 to 24h, and the load balancers'
// probe interval at least 1s, since a zero interval would keep the simulation's clock at one instant.
import { describe, expect, it } from "vitest";
import { load } from "./testing";

const config = (body: string) => `apiVersion: kubehops.dev/v1alpha1
kind: ClusterConfig
spec:
${body}`;

const errorsOf = (yaml: string) =>
  load(yaml).diagnostics.filter((d) => d.severity === "error" && d.object === "ClusterConfig");

describe("ClusterConfig timings", () => {
  it("refuses healthCheckInterval: 0s at its path and line", () => {
    expect(errorsOf(config("  timing:\n    healthCheckInterval: 0s\n"))).toEqual([
      expect.objectContaining({
        path: "spec.timing.healthCheckInterval",
        line: 5,
        message:
          'Invalid value: "0s": must be at least 1s: load balancers probe every interval, and 0 would stop the clock',
      }),
    ]);
  });

  it("refuses a probe interval under a second, written as a number of seconds too", () => {
    expect(errorsOf(config("  timing: {healthCheckInterval: 0.5}\n")).map((d) => d.path)).toEqual([
      "spec.timing.healthCheckInterval",
    ]);
  });

  it("refuses a timing or a latency longer than 24h", () => {
    const errs = errorsOf(
      config("  timing: {nodeMonitorGracePeriod: 100000000000000s}\n  latency: {external: 25h}\n"),
    );
    expect(errs.map((d) => [d.path, d.line, d.message])).toEqual([
      ["spec.latency.external", 5, 'Invalid value: "25h": must be at most 24h'],
      ["spec.timing.nodeMonitorGracePeriod", 4, 'Invalid value: "100000000000000s": must be at most 24h'],
    ]);
  });

  it("refuses negative durations", () => {
    const errs = errorsOf(config("  timing: {clientTimeout: -1s, proxySyncDelay: -3}\n"));
    expect(errs.map((d) => d.path).sort()).toEqual([
      "spec.timing.clientTimeout",
      "spec.timing.proxySyncDelay",
    ]);
  });

  it("refuses a non-finite duration where it stands (YAML's .inf cannot become JSON)", () => {
    const errs = errorsOf(config("  timing: {podStartup: .inf}\n"));
    expect(errs.map((d) => d.path)).toEqual(["spec.timing.podStartup"]);
  });

  it("takes thresholds from 1 to 10 probes", () => {
    expect(errorsOf(config("  timing: {healthyThreshold: 10, unhealthyThreshold: 1}\n"))).toEqual([]);
    expect(
      errorsOf(config("  timing: {healthyThreshold: 11, unhealthyThreshold: 1e300}\n")).map((d) => d.message),
    ).toEqual([
      "Invalid value: 11: must be a whole number from 1 to 10",
      "Invalid value: 1e+300: must be a whole number from 1 to 10",
    ]);
  });

  it("takes zero for every other timing and latency, and 24h and 1s at the bounds", () => {
    const zeros = config(
      "  latency: {external: 0s, loadBalancer: 0s, nodeNode: 0s, nodePod: 0s, local: 0s}\n" +
        "  timing: {podProcessing: 0s, clientTimeout: 0s, nodeMonitorGracePeriod: 0s, podEvictionTimeout: 0s,\n" +
        "           proxySyncDelay: 0s, podStartup: 0s, terminationGracePeriod: 0s, nodeRecovery: 24h,\n" +
        "           healthCheckInterval: 1s}\n",
    );
    expect(errorsOf(zeros)).toEqual([]);
    expect(load(zeros).cluster.config.timing).toMatchObject({
      nodeRecovery: 86_400_000_000,
      healthCheckInterval: 1_000_000,
    });
  });
});

describe("ClusterConfig loadBalancerMode", () => {
  it("takes NodePort, VIP and Proxy, and NodePort by default", () => {
    expect(load(config("  podCIDR: 10.244.0.0/16\n")).cluster.config.loadBalancerMode).toBe("NodePort");
    for (const mode of ["NodePort", "VIP", "Proxy"])
      expect(load(config(`  loadBalancerMode: ${mode}\n`)).cluster.config.loadBalancerMode).toBe(mode);
  });
  it("refuses any other mode with the values it supports", () => {
    const errors = load(config("  loadBalancerMode: nlb\n")).diagnostics.filter(
      (d) => d.path === "spec.loadBalancerMode",
    );
    expect(errors.map((d) => d.message)).toEqual([
      'Unsupported value: "nlb": supported values: "NodePort", "VIP", "Proxy"',
    ]);
  });
});

describe("ClusterConfig routes", () => {
  it("reads a CIDR or a bare address (a route for it alone) via a node", () => {
    const { cluster } = load(
      config(
        "  routes:\n    - {destination: 198.51.100.0/24, via: node-2}\n    - {destination: 2001:db8::7, via: node-3}\n",
      ),
    );
    expect(cluster.config.routes).toEqual([
      { destination: "198.51.100.0/24", via: "node-2" },
      { destination: "2001:db8::7/128", via: "node-3" },
    ]);
  });
  it("refuses a destination that is no CIDR and a route without via, at their paths", () => {
    const paths = load(
      config("  routes:\n    - {destination: 198.51.100.0/33, via: node-2}\n    - {destination: 10.0.0.1}\n"),
    )
      .diagnostics.filter((d) => d.severity === "error")
      .map((d) => d.path);
    expect(paths).toEqual(["spec.routes[0].destination", "spec.routes[1].via"]);
  });
});

describe("ClusterConfig routes limit", () => {
  it("refuses more than 1000 routes as Too many, keeping none", () => {
    const routes = Array.from(
      { length: 1001 },
      (_, i) => `    - {destination: 10.${i >> 8}.${i & 255}.0/24, via: n}\n`,
    ).join("");
    const r = load(config(`  routes:\n${routes}`));
    expect(r.cluster.config.routes).toEqual([]);
    expect(r.diagnostics.filter((d) => d.path === "spec.routes").map((d) => d.message)).toEqual([
      "Too many: 1001: must have at most 1000 items",
    ]);
  });
});
