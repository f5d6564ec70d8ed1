import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Cluster } from "../cluster";
import { load, NODES_2, userObjects, webDeployment } from "../testing";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
const OWN_DNS = `
apiVersion: v1
kind: Service
metadata: {name: kube-dns, namespace: kube-system}
spec: {clusterIP: 10.96.0.10, selector: {k8s-app: kube-dns}, ports: [{name: dns, port: 53, protocol: UDP}]}
`;
const dnsPods = (c: Cluster) => c.pods.filter((p) => p.metadata.namespace === "kube-system");
const placed = (c: Cluster) =>
  userObjects(c.pods).map((p) => [p.metadata.name, p.spec.nodeName, p.status.podIP]);

describe("the cluster DNS kubeadm installs", () => {
  it("is there without a manifest: kube-dns at the service CIDR's tenth address, dns/dns-tcp/metrics ports", () => {
    const { cluster, diagnostics } = load(DEFAULT);
    expect(diagnostics).toEqual([]);
    const svc = cluster.services.find((s) => s.metadata.name === "kube-dns")!;
    expect(svc.metadata.namespace).toBe("kube-system");
    expect(svc.metadata.labels).toMatchObject({ "k8s-app": "kube-dns", "kubernetes.io/name": "CoreDNS" });
    expect(svc.spec.selector).toEqual({ "k8s-app": "kube-dns" });
    expect(svc.spec.clusterIP).toBe("10.96.0.10");
    expect(svc.spec.ports!.map((p) => [p.name, p.port, p.protocol])).toEqual([
      ["dns", 53, "UDP"],
      ["dns-tcp", 53, "TCP"],
      ["metrics", 9153, "TCP"],
    ]);
  });

  it("runs Deployment coredns's two ready pods on the first node (the control plane), with endpoints", () => {
    const { cluster } = load(DEFAULT);
    expect(cluster.deployments.find((d) => d.metadata.name === "coredns")!.spec.replicas).toBe(2);
    const pods = dnsPods(cluster);
    expect(pods.map((p) => [p.spec.nodeName, p.status.podIP])).toEqual([
      ["node-1", "10.244.0.2"],
      ["node-1", "10.244.0.3"],
    ]);
    const slice = cluster.endpointSlices.find((s) => s.metadata.namespace === "kube-system")!;
    expect(slice.endpoints.map((e) => [e.addresses[0], e.conditions?.ready])).toEqual([
      ["10.244.0.2", true],
      ["10.244.0.3", true],
    ]);
  });

  it("leaves the user's pods where and with the addresses they have without it", () => {
    // Nodes without taints: web's pods share node a with CoreDNS, which takes the addresses after theirs.
    const implicit = load(`${NODES_2}---${webDeployment(3)}`).cluster;
    const own = load(`${NODES_2}---${webDeployment(3)}---${OWN_DNS}`).cluster;
    expect(placed(implicit)).toEqual(placed(own));
    expect(dnsPods(implicit).map((p) => p.status.podIP)).toEqual(["10.244.0.4", "10.244.0.5"]);
  });

  it("is not added when the manifests define kube-system/kube-dns", () => {
    const { cluster } = load(`${DEFAULT}---${OWN_DNS}`);
    expect(cluster.deployments.map((d) => d.metadata.name)).toEqual(["web"]);
    expect(cluster.services.filter((s) => s.metadata.name === "kube-dns")).toHaveLength(1);
  });

  it("is not added when a listing already holds CoreDNS pods", () => {
    const listing = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: coredns-abc, namespace: kube-system, labels: {k8s-app: kube-dns}}
  spec: {nodeName: node-1, containers: [{name: coredns, image: coredns}]}
  status: {podIP: 10.244.0.9}
`;
    const { cluster } = load(listing);
    expect(cluster.services.map((s) => s.metadata.name)).toEqual(["kubernetes"]);
    expect(dnsPods(cluster).map((p) => p.metadata.name)).toEqual(["coredns-abc"]);
  });

  it("is not added when another Service holds its address", () => {
    const { cluster } = load(
      `${DEFAULT}---${OWN_DNS.replace("name: kube-dns, namespace: kube-system", "name: my-dns")}`,
    );
    expect(cluster.services.map((s) => s.metadata.name)).toEqual(["kubernetes", "web", "my-dns"]);
    expect(cluster.deployments.map((d) => d.metadata.name)).toEqual(["web"]);
  });
});
