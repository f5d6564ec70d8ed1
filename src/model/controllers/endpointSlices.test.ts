import { describe, expect, it } from "vitest";
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME, type Service } from "../k8s";
import { load } from "../testing";
import { syncEndpointSlices } from "./endpointSlices";

const pod = (name: string, extra: string, port = "{name: http, containerPort: 8080}") => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: web}${extra.includes("deletionTimestamp") ? `, deletionTimestamp: "2026-01-01T00:00:00Z"` : ""}}
spec: {nodeName: node-2, containers: [{name: c, image: nginx, ports: [${port}]}]}
${extra.includes("notReady") ? 'status: {conditions: [{type: Ready, status: "False"}]}' : ""}
---`;

const svc = (extra = "") => `
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]${extra}
`;

const slicesOf = (yaml: string) =>
  load(yaml).cluster.endpointSlices.filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === "web");

describe("EndpointSlice controller", () => {
  it("lists a ready pod as ready, serving and not terminating, with its node and the resolved port", () => {
    const [s] = slicesOf(pod("a", "") + svc());
    expect(s!.metadata.labels?.[LABEL_MANAGED_BY]).toBe("endpointslice-controller.k8s.io");
    expect(s!.ports).toEqual([{ name: "http", port: 8080, protocol: "TCP" }]);
    expect(s!.endpoints[0]).toMatchObject({
      addresses: ["10.244.1.2"],
      nodeName: "node-2",
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: "Pod", name: "a" },
    });
  });

  it("marks a not-ready pod not ready and not serving", () => {
    const [s] = slicesOf(pod("a", "notReady") + svc());
    expect(s!.endpoints[0]!.conditions).toEqual({ ready: false, serving: false, terminating: false });
  });

  it("keeps a terminating ready pod as serving and terminating but not ready", () => {
    const [s] = slicesOf(pod("a", "deletionTimestamp") + svc());
    expect(s!.endpoints[0]!.conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it("counts a not-ready pod as ready when publishNotReadyAddresses is set", () => {
    const [s] = slicesOf(pod("a", "notReady") + svc("\n  publishNotReadyAddresses: true"));
    expect(s!.endpoints[0]!.conditions!.ready).toBe(true);
  });

  it("groups pods that resolve a named targetPort differently into separate slices", () => {
    const slices = slicesOf(pod("a", "") + pod("b", "", "{name: http, containerPort: 9090}") + svc());
    expect(slices.map((s) => s.ports?.[0]?.port).sort()).toEqual([8080, 9090]);
  });

  it("leaves out the port a pod cannot resolve, so that pod serves no traffic for it", () => {
    const slices = slicesOf(pod("a", "", "{name: metrics, containerPort: 9100}") + svc());
    expect(slices).toHaveLength(1);
    expect(slices[0]!.ports).toEqual([]);
    expect(slices[0]!.endpoints).toHaveLength(1);
  });

  it("keeps one empty slice for a Service whose selector matches nothing", () => {
    const slices = slicesOf(svc());
    expect(slices).toHaveLength(1);
    expect(slices[0]!.endpoints).toEqual([]);
  });

  it("makes no slice for a Service without a selector", () => {
    expect(
      slicesOf(`apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n`),
    ).toEqual([]);
  });

  describe("a Service the controller stops managing", () => {
    const before = () => load(pod("a", "") + svc()).cluster;
    const withSpec = (cluster: ReturnType<typeof before>, spec: Partial<Service["spec"]>) => ({
      ...cluster,
      endpointSlices: [],
      services: cluster.services.map((s) =>
        s.metadata.name === "web" ? { ...s, spec: { ...s.spec, ...spec } } : s,
      ),
    });
    const webSlices = (slices: ReturnType<typeof syncEndpointSlices>) =>
      slices.filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === "web");

    it("keeps the slices it made, managed-by label and endpoints unchanged, once the selector is removed", () => {
      const cluster = before();
      const made = webSlices(cluster.endpointSlices);
      const kept = webSlices(syncEndpointSlices(withSpec(cluster, { selector: undefined }), made));
      expect(kept).toEqual(made);
      expect(kept[0]!.metadata.labels?.[LABEL_MANAGED_BY]).toBe("endpointslice-controller.k8s.io");
    });

    it("no longer follows the pods of a selector-less Service: a pod that goes away stays listed", () => {
      const cluster = before();
      const made = webSlices(cluster.endpointSlices);
      const next = { ...withSpec(cluster, { selector: undefined }), pods: [] };
      expect(webSlices(syncEndpointSlices(next, made))[0]!.endpoints).toHaveLength(1);
    });

    it("keeps a Service's slices when it turns ExternalName, as syncService skips those too", () => {
      const cluster = before();
      const made = webSlices(cluster.endpointSlices);
      const next = withSpec(cluster, { type: "ExternalName", externalName: "example.com" });
      expect(webSlices(syncEndpointSlices(next, made))).toEqual(made);
    });

    it("keeps no slice another controller or a person made for it", () => {
      const cluster = before();
      const mirrored = webSlices(cluster.endpointSlices).map((s) => ({
        ...s,
        metadata: { ...s.metadata, labels: { ...s.metadata.labels, [LABEL_MANAGED_BY]: "someone-else" } },
      }));
      expect(webSlices(syncEndpointSlices(withSpec(cluster, { selector: undefined }), mirrored))).toEqual([]);
    });
  });

  it("adds same-zone hints under trafficDistribution PreferClose", () => {
    const yaml =
      `apiVersion: v1\nkind: Node\nmetadata: {name: node-2, labels: {topology.kubernetes.io/zone: z1}}\n---` +
      pod("a", "") +
      svc("\n  trafficDistribution: PreferClose");
    const [s] = slicesOf(yaml);
    expect(s!.endpoints[0]!.zone).toBe("z1");
    expect(s!.endpoints[0]!.hints).toEqual({ forZones: [{ name: "z1" }] });
  });
});

describe("EndpointSlice mirroring controller", () => {
  const external = `
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {ports: [{name: pg, port: 5432}]}
---
apiVersion: v1
kind: Endpoints
metadata: {name: db}
subsets:
- addresses: [{ip: 192.168.50.10}]
  notReadyAddresses: [{ip: 192.168.50.11}]
  ports: [{name: pg, port: 5432}]
`;

  it("mirrors a selector-less Service's Endpoints into a slice kube-proxy can read", () => {
    const s = load(external).cluster.endpointSlices.find(
      (x) => x.metadata.labels?.[LABEL_SERVICE_NAME] === "db",
    )!;
    expect(s.metadata.labels?.[LABEL_MANAGED_BY]).toBe("endpointslicemirroring-controller.k8s.io");
    expect(s.ports).toEqual([{ name: "pg", port: 5432, protocol: "TCP" }]);
    expect(s.endpoints.map((e) => [e.addresses[0], e.conditions?.ready])).toEqual([
      ["192.168.50.10", true],
      ["192.168.50.11", false],
    ]);
  });

  it("does not mirror Endpoints whose Service has a selector", () => {
    const yaml = external.replace(
      "spec: {ports: [{name: pg, port: 5432}]}",
      "spec: {selector: {app: db}, ports: [{name: pg, port: 5432}]}",
    );
    const slices = load(yaml).cluster.endpointSlices.filter(
      (x) => x.metadata.labels?.[LABEL_SERVICE_NAME] === "db",
    );
    expect(
      slices.every((s) => s.metadata.labels?.[LABEL_MANAGED_BY] === "endpointslice-controller.k8s.io"),
    ).toBe(true);
  });
});
