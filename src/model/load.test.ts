import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LABEL_SERVICE_NAME } from "./k8s";
import { load, NODES_2, userObjects, webDeployment } from "./testing";

const svc = (extra = "") => `
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]${extra}
`;

describe("loadManifests", () => {
  it("makes a three-node cluster when no Node is given", () => {
    const { cluster } = load(svc());
    expect(cluster.nodes.map((n) => n.metadata.name)).toEqual(["node-1", "node-2", "node-3"]);
    expect(cluster.nodes.map((n) => n.status.addresses?.[0]?.address)).toEqual([
      "192.168.1.2",
      "192.168.1.3",
      "192.168.1.4",
    ]);
    expect(cluster.nodes.map((n) => n.spec.podCIDR)).toEqual([
      "10.244.0.0/24",
      "10.244.1.0/24",
      "10.244.2.0/24",
    ]);
  });

  it("uses exactly the manifests' Nodes when any is given", () => {
    expect(load(NODES_2).cluster.nodes.map((n) => n.metadata.name)).toEqual(["a", "b"]);
  });

  it("gives a node without podCIDR the first /24 that no other node holds", () => {
    const { cluster } = load(`
apiVersion: v1
kind: Node
metadata: {name: a}
spec: {podCIDR: 10.244.0.0/24}
---
apiVersion: v1
kind: Node
metadata: {name: b}
`);
    expect(cluster.nodes[1]!.spec.podCIDR).toBe("10.244.1.0/24");
  });

  it("always has the default/kubernetes Service on the first service address, port 443 to 6443", () => {
    const { cluster } = load("");
    const k = cluster.services.find((s) => s.metadata.name === "kubernetes")!;
    expect(k.spec.clusterIP).toBe("10.96.0.1");
    expect(k.spec.ports).toEqual([{ name: "https", protocol: "TCP", port: 443, targetPort: 6443 }]);
    const slice = cluster.endpointSlices.find(
      (s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === "kubernetes",
    )!;
    expect(slice.endpoints[0]!.addresses).toEqual(["192.168.1.2"]);
  });

  it("creates a Deployment's ReplicaSet and its pods, spread over the nodes", () => {
    const { cluster } = load(NODES_2 + "---" + webDeployment(3));
    expect(userObjects(cluster.replicaSets)).toHaveLength(1);
    expect(cluster.replicaSets[0]!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(userObjects(cluster.pods)).toHaveLength(3);
    const perNode = userObjects(cluster.pods)
      .map((p) => p.spec.nodeName)
      .sort();
    expect(perNode).toEqual(["a", "a", "b"]);
  });

  it("gives pods IPs from their node's podCIDR, starting after the bridge's .1", () => {
    const { cluster } = load(NODES_2 + "---" + webDeployment(2));
    const ips = userObjects(cluster.pods)
      .map((p) => p.status.podIP)
      .sort();
    expect(ips).toEqual(["10.244.0.2", "10.244.1.2"]);
  });

  it("keeps a pod's given status.podIP and Ready condition", () => {
    const { cluster } = load(`
apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {nodeName: node-2, containers: [{name: c, image: nginx}]}
status: {podIP: 10.244.1.77, conditions: [{type: Ready, status: "False"}]}
`);
    const p = cluster.pods[0]!;
    expect(p.status.podIP).toBe("10.244.1.77");
    expect(p.status.conditions).toEqual([{ type: "Ready", status: "False" }]);
  });

  it("does not schedule pods on a node whose taint they do not tolerate, and says why a pod stays Pending", () => {
    const { cluster, diagnostics } = load(`
apiVersion: v1
kind: Node
metadata: {name: cp}
spec: {taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {containers: [{name: c, image: nginx}]}
`);
    expect(cluster.pods[0]!.spec.nodeName).toBeUndefined();
    expect(cluster.pods[0]!.status.podIP).toBeUndefined();
    expect(diagnostics.find((d) => d.object === "Pod/default/p")!.message).toContain(
      "0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }",
    );
  });

  it("refuses an object that fails decoding and keeps loading the others", () => {
    const { cluster, diagnostics } = load(`
apiVersion: v1
kind: Service
metadata: {name: bad}
spec: {ports: [{port: "x"}]}
---${svc()}`);
    expect(userObjects(cluster.services).map((s) => s.metadata.name)).toEqual(["kubernetes", "web"]);
    expect(diagnostics[0]).toMatchObject({
      object: "Service/default/bad",
      path: "spec.ports[0].port",
      file: "test.yaml",
      line: 5,
      severity: "error",
    });
  });

  it("refuses a second object with the same kind, namespace and name", () => {
    const { diagnostics } = load(svc() + "---" + svc());
    expect(diagnostics.find((d) => d.severity === "error")!.message).toBe(
      'Duplicate value: services "web" already exists',
    );
  });

  // SetDefaults_Service (pkg/apis/core/v1/defaults.go) clears the config while the v1 request is
  // decoded, before ValidateService could answer "Forbidden: must not be set when session affinity is
  // None": kubectl apply of such a Service succeeds.
  it.each(["\n  sessionAffinity: None", ""])(
    "accepts a sessionAffinityConfig without ClientIP affinity and drops it, as the v1 API does (%j)",
    (affinity) => {
      const { cluster, diagnostics } = load(
        webDeployment(1) +
          "---" +
          svc(`${affinity}\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}`),
      );
      expect(diagnostics).toEqual([]);
      const web = cluster.services.find((s) => s.metadata.name === "web")!;
      expect(web.spec.sessionAffinity).toBe("None");
      expect(web.spec.sessionAffinityConfig).toBeUndefined();
    },
  );

  it("names objects read but not modelled, and unknown kinds, Kind/namespace/name in diagnostics", () => {
    const { diagnostics } = load(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\n---\n" +
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\n---\n" +
        "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\n---\n" +
        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n",
    );
    expect(diagnostics.map((d) => d.object)).toEqual([
      "ConfigMap/default/app",
      "Ingress/shop/web",
      "IngressClass/nginx",
      "Widget/default/w",
    ]);
  });

  it("names a ClusterConfig's problems by the ClusterConfig's own name", () => {
    const { diagnostics } = load(
      "apiVersion: kubehops.dev/v1alpha1\nkind: ClusterConfig\nmetadata: {name: lab}\nspec: {podCIDR: nope}\n",
    );
    expect(diagnostics.map((d) => d.object)).toEqual(["ClusterConfig/lab"]);
  });

  it("warns when a Service's selector matches no pod", () => {
    const { diagnostics } = load(svc());
    expect(diagnostics.find((d) => d.path === "spec.selector")).toMatchObject({
      severity: "warning",
      object: "Service/default/web",
    });
  });

  it("warns when a named targetPort is declared by no selected container", () => {
    const { diagnostics } = load(
      webDeployment(1) + "---" + svc().replace("targetPort: http", "targetPort: web-http"),
    );
    const w = diagnostics.find((d) => d.path === "spec.ports[0].targetPort")!;
    expect(w.severity).toBe("warning");
    expect(w.message).toContain('named "web-http"');
  });

  it("reads a ClusterConfig's CIDRs and clients", () => {
    const { cluster, diagnostics } = load(`
apiVersion: kubehops.dev/v1alpha1
kind: ClusterConfig
spec:
  serviceCIDR: 10.100.0.0/16
  clients: [{name: phone, ip: 198.51.100.7}]
`);
    expect(diagnostics).toEqual([]);
    expect(cluster.services[0]!.spec.clusterIP).toBe("10.100.0.1");
    expect(cluster.config.clients).toEqual([{ name: "phone", ip: "198.51.100.7" }]);
  });

  it("loads the default scenario without a diagnostic, with pods on two of its three nodes", () => {
    const text = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");
    const { cluster, diagnostics } = load(text);
    expect(diagnostics).toEqual([]);
    expect(userObjects(cluster.pods)).toHaveLength(3);
    expect(new Set(userObjects(cluster.pods).map((p) => p.spec.nodeName))).toEqual(
      new Set(["node-2", "node-3"]),
    );
    expect(cluster.services.find((s) => s.metadata.name === "web")!.spec.ports![0]!.nodePort).toBe(30080);
  });
});
