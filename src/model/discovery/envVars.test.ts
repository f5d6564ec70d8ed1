import { describe, expect, it } from "vitest";
import { envVarsFromServices, serviceEnv } from "./envVars";
import { makeCluster, pod, service } from "./fixtures";
import type { Protocol, Service } from "../k8s";
import type { EnvVar } from "./types";

const byName = (vs: EnvVar[]) => [...vs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** buildService of pkg/kubelet/kubelet_pods_test.go: one unnamed port. */
const build = (name: string, ns: string, clusterIP: string, protocol: Protocol, port: number): Service =>
  service(ns, name, { clusterIP, ports: [{ protocol, port }] });

/** The expected variables of one single-port TCP service, in envvars order. */
const tcpVars = (prefix: string, ip: string, port: number): EnvVar[] => [
  { name: `${prefix}_SERVICE_HOST`, value: ip },
  { name: `${prefix}_SERVICE_PORT`, value: String(port) },
  { name: `${prefix}_PORT`, value: `tcp://${ip}:${port}` },
  { name: `${prefix}_PORT_${port}_TCP`, value: `tcp://${ip}:${port}` },
  { name: `${prefix}_PORT_${port}_TCP_PROTO`, value: "tcp" },
  { name: `${prefix}_PORT_${port}_TCP_PORT`, value: String(port) },
  { name: `${prefix}_PORT_${port}_TCP_ADDR`, value: ip },
];

describe("envVarsFromServices (pkg/kubelet/envvars TestFromServices)", () => {
  it("emits host, ports, named ports and link variables per service in order, skipping unset ClusterIPs", () => {
    const sl = [
      service("default", "foo-bar", { clusterIP: "1.2.3.4", ports: [{ port: 8080, protocol: "TCP" }] }),
      service("default", "abc-123", {
        clusterIP: "5.6.7.8",
        ports: [
          { name: "u-d-p", port: 8081, protocol: "UDP" },
          { name: "t-c-p", port: 8081, protocol: "TCP" },
        ],
      }),
      service("default", "q-u-u-x", {
        clusterIP: "9.8.7.6",
        ports: [
          { port: 8082, protocol: "TCP" },
          { name: "8083", port: 8083, protocol: "TCP" },
        ],
      }),
      service("default", "svrc-clusterip-none", {
        clusterIP: "None",
        ports: [{ port: 8082, protocol: "TCP" }],
      }),
      service("default", "svrc-clusterip-empty", { clusterIP: "", ports: [{ port: 8082, protocol: "TCP" }] }),
    ];
    expect(envVarsFromServices(sl)).toEqual([
      ...tcpVars("FOO_BAR", "1.2.3.4", 8080),
      { name: "ABC_123_SERVICE_HOST", value: "5.6.7.8" },
      { name: "ABC_123_SERVICE_PORT", value: "8081" },
      { name: "ABC_123_SERVICE_PORT_U_D_P", value: "8081" },
      { name: "ABC_123_SERVICE_PORT_T_C_P", value: "8081" },
      { name: "ABC_123_PORT", value: "udp://5.6.7.8:8081" },
      { name: "ABC_123_PORT_8081_UDP", value: "udp://5.6.7.8:8081" },
      { name: "ABC_123_PORT_8081_UDP_PROTO", value: "udp" },
      { name: "ABC_123_PORT_8081_UDP_PORT", value: "8081" },
      { name: "ABC_123_PORT_8081_UDP_ADDR", value: "5.6.7.8" },
      { name: "ABC_123_PORT_8081_TCP", value: "tcp://5.6.7.8:8081" },
      { name: "ABC_123_PORT_8081_TCP_PROTO", value: "tcp" },
      { name: "ABC_123_PORT_8081_TCP_PORT", value: "8081" },
      { name: "ABC_123_PORT_8081_TCP_ADDR", value: "5.6.7.8" },
      { name: "Q_U_U_X_SERVICE_HOST", value: "9.8.7.6" },
      { name: "Q_U_U_X_SERVICE_PORT", value: "8082" },
      { name: "Q_U_U_X_SERVICE_PORT_8083", value: "8083" },
      { name: "Q_U_U_X_PORT", value: "tcp://9.8.7.6:8082" },
      { name: "Q_U_U_X_PORT_8082_TCP", value: "tcp://9.8.7.6:8082" },
      { name: "Q_U_U_X_PORT_8082_TCP_PROTO", value: "tcp" },
      { name: "Q_U_U_X_PORT_8082_TCP_PORT", value: "8082" },
      { name: "Q_U_U_X_PORT_8082_TCP_ADDR", value: "9.8.7.6" },
      { name: "Q_U_U_X_PORT_8083_TCP", value: "tcp://9.8.7.6:8083" },
      { name: "Q_U_U_X_PORT_8083_TCP_PROTO", value: "tcp" },
      { name: "Q_U_U_X_PORT_8083_TCP_PORT", value: "8083" },
      { name: "Q_U_U_X_PORT_8083_TCP_ADDR", value: "9.8.7.6" },
    ]);
  });

  it("brackets an IPv6 ClusterIP in URLs but not in _ADDR or _SERVICE_HOST (net.JoinHostPort)", () => {
    const vars = envVarsFromServices([
      service("default", "v6", { clusterIP: "fd00::a", ports: [{ port: 80 }] }),
    ]);
    expect(vars).toContainEqual({ name: "V6_SERVICE_HOST", value: "fd00::a" });
    expect(vars).toContainEqual({ name: "V6_PORT", value: "tcp://[fd00::a]:80" });
    expect(vars).toContainEqual({ name: "V6_PORT_80_TCP", value: "tcp://[fd00::a]:80" });
    expect(vars).toContainEqual({ name: "V6_PORT_80_TCP_ADDR", value: "fd00::a" });
  });

  it("treats a port without protocol as TCP", () => {
    const vars = envVarsFromServices([
      service("default", "web", { clusterIP: "10.96.0.5", ports: [{ port: 80 }] }),
    ]);
    expect(vars).toContainEqual({ name: "WEB_PORT_80_TCP_PROTO", value: "tcp" });
  });

  it("uses only the primary ClusterIP of a dual-stack service", () => {
    const vars = envVarsFromServices([
      service("default", "ds", {
        clusterIP: "10.96.0.7",
        clusterIPs: ["10.96.0.7", "fd00::7"],
        ports: [{ port: 80 }],
      }),
    ]);
    expect(vars.filter((v) => v.value.includes("fd00"))).toEqual([]);
  });
});

describe("serviceEnv (pkg/kubelet TestMakeEnvironmentVariables, service variables)", () => {
  // The services of the Kubernetes test, all created before the pod.
  const services = [
    build("kubernetes", "default", "1.2.3.1", "TCP", 8081),
    build("test", "test1", "1.2.3.3", "TCP", 8083),
    build("kubernetes", "test2", "1.2.3.4", "TCP", 8084),
    build("test", "test2", "1.2.3.5", "TCP", 8085),
    build("not-special", "default", "1.2.3.8", "TCP", 8088),
  ];
  const envFor = (ns: string, enableServiceLinks: boolean) => {
    const p = pod(ns, "p", { enableServiceLinks });
    return byName(serviceEnv(makeCluster([...services, p], { withMasterService: false }), p));
  };

  it("gives only the master service's variables when service links are disabled", () => {
    expect(envFor("test1", false)).toEqual(byName(tcpVars("KUBERNETES", "1.2.3.1", 8081)));
  });

  it("adds the pod namespace's services when service links are enabled", () => {
    expect(envFor("test1", true)).toEqual(
      byName([...tcpVars("TEST", "1.2.3.3", 8083), ...tcpVars("KUBERNETES", "1.2.3.1", 8081)]),
    );
  });

  it("keeps the master service when the pod namespace has its own 'kubernetes' but links are disabled", () => {
    expect(envFor("test2", false)).toEqual(byName(tcpVars("KUBERNETES", "1.2.3.1", 8081)));
  });

  it("lets a 'kubernetes' service in the pod namespace override the master one when links are enabled", () => {
    expect(envFor("test2", true)).toEqual(
      byName([...tcpVars("TEST", "1.2.3.5", 8085), ...tcpVars("KUBERNETES", "1.2.3.4", 8084)]),
    );
  });

  it("gives a pod in the default namespace only the master service when links are disabled", () => {
    expect(envFor("default", false)).toEqual(byName(tcpVars("KUBERNETES", "1.2.3.1", 8081)));
  });

  it("gives a pod in the default namespace all default services when links are enabled", () => {
    expect(envFor("default", true)).toEqual(
      byName([...tcpVars("NOT_SPECIAL", "1.2.3.8", 8088), ...tcpVars("KUBERNETES", "1.2.3.1", 8081)]),
    );
  });
});

describe("serviceEnv (playground rules)", () => {
  it("omits services created after the pod", () => {
    const before = service("shop", "early", { clusterIP: "10.96.0.20", ports: [{ port: 80 }] });
    const p = pod("shop", "client");
    const after = service("shop", "late", { clusterIP: "10.96.0.21", ports: [{ port: 80 }] });
    const names = serviceEnv(makeCluster([before, p, after]), p).map((v) => v.name);
    expect(names).toContain("EARLY_SERVICE_HOST");
    expect(names).not.toContain("LATE_SERVICE_HOST");
  });

  it("enables service links by default", () => {
    const svc = service("shop", "web", { clusterIP: "10.96.0.12", ports: [{ port: 80 }] });
    const p = pod("shop", "client");
    expect(serviceEnv(makeCluster([svc, p]), p)).toContainEqual({
      name: "WEB_SERVICE_HOST",
      value: "10.96.0.12",
    });
  });

  it("ignores services of other namespaces except default/kubernetes", () => {
    const other = service("other", "db", { clusterIP: "10.96.0.30", ports: [{ port: 5432 }] });
    const dflt = service("default", "web", { clusterIP: "10.96.0.31", ports: [{ port: 80 }] });
    const p = pod("shop", "client");
    const names = serviceEnv(makeCluster([other, dflt, p]), p).map((v) => v.name);
    expect(names.filter((n) => n.endsWith("_SERVICE_HOST"))).toEqual(["KUBERNETES_SERVICE_HOST"]);
  });

  it("skips headless and ExternalName services", () => {
    const headless = service("shop", "db", { clusterIP: "None", ports: [{ port: 5432 }] });
    const ext = service("shop", "ext", {
      type: "ExternalName",
      externalName: "example.com",
      ports: [{ port: 80 }],
    });
    const p = pod("shop", "client");
    const names = serviceEnv(makeCluster([headless, ext, p]), p).map((v) => v.name);
    expect(names.some((n) => n.startsWith("DB_") || n.startsWith("EXT_"))).toBe(false);
  });

  it("gives the master service's variables from the implicit default/kubernetes", () => {
    const p = pod("shop", "client", { enableServiceLinks: false });
    expect(serviceEnv(makeCluster([p]), p)).toEqual([
      { name: "KUBERNETES_SERVICE_HOST", value: "10.96.0.1" },
      { name: "KUBERNETES_SERVICE_PORT", value: "443" },
      { name: "KUBERNETES_SERVICE_PORT_HTTPS", value: "443" },
      { name: "KUBERNETES_PORT", value: "tcp://10.96.0.1:443" },
      { name: "KUBERNETES_PORT_443_TCP", value: "tcp://10.96.0.1:443" },
      { name: "KUBERNETES_PORT_443_TCP_PROTO", value: "tcp" },
      { name: "KUBERNETES_PORT_443_TCP_PORT", value: "443" },
      { name: "KUBERNETES_PORT_443_TCP_ADDR", value: "10.96.0.1" },
    ]);
  });

  it("orders services by name, each keeping envvars order", () => {
    const zeta = service("shop", "zeta", { clusterIP: "10.96.0.40", ports: [{ port: 80 }] });
    const alpha = service("shop", "alpha", { clusterIP: "10.96.0.41", ports: [{ port: 80 }] });
    const p = pod("shop", "client");
    const hosts = serviceEnv(makeCluster([zeta, alpha, p]), p)
      .map((v) => v.name)
      .filter((n) => n.endsWith("_SERVICE_HOST"));
    expect(hosts).toEqual(["ALPHA_SERVICE_HOST", "KUBERNETES_SERVICE_HOST", "ZETA_SERVICE_HOST"]);
  });
});
