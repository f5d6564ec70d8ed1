import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { load } from "../testing";

const KUBEADM = readFileSync(
  new URL("../../../tests/fixtures/kubectl/kubeadm-cluster.yaml", import.meta.url),
  "utf8",
);

/** The fixture as an EKS-like cluster would list it: other ranges, no control-plane pods, no podCIDRs. */
const EKS_LIKE = KUBEADM.replace(/10\.96\.0\./g, "172.20.0.")
  .replace(/10\.104\.22\.183/g, "172.20.93.4")
  .replace(/10\.244\.(\d)\./g, "192.168.10$1.")
  .replace(/ {4}podCIDRs?:.*\n( {4}- .*\n)?/g, "")
  .replace(/--service-cluster-ip-range=\S+/, "--secure-port=6443");

const names = (objs: { metadata: { namespace?: string; name: string } }[]) =>
  objs.map((o) => `${o.metadata.namespace ? o.metadata.namespace + "/" : ""}${o.metadata.name}`).sort();

const infos = (r: ReturnType<typeof load>) =>
  r.diagnostics.filter((d) => d.severity === "info").map((d) => d.message);

describe("loading a kubectl listing", () => {
  it("loads a kubeadm cluster's listing with no error or warning", () => {
    const r = load(KUBEADM);
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  it("keeps exactly the listed pods, where they run and with their addresses (no second set made)", () => {
    const { cluster } = load(KUBEADM);
    expect(cluster.pods.map((p) => `${p.metadata.name} ${p.spec.nodeName} ${p.status.podIP}`).sort()).toEqual(
      [
        "coredns-668d6bf9bc-4xk8p cp-1 10.244.0.2",
        "coredns-668d6bf9bc-q2n7w cp-1 10.244.0.3",
        "kube-apiserver-cp-1 cp-1 192.168.56.10",
        "kube-proxy-8fj2k worker-1 192.168.56.11",
        "web-5f7c9b6d4-abc12 worker-1 10.244.1.7",
        "web-5f7c9b6d4-def34 worker-2 10.244.2.9",
      ],
    );
  });

  it("puts back the ReplicaSets the pods name, owned by their Deployments, and says so once", () => {
    const r = load(KUBEADM);
    expect(names(r.cluster.replicaSets)).toEqual(["kube-system/coredns-668d6bf9bc", "shop/web-5f7c9b6d4"]);
    expect(r.cluster.replicaSets.map((rs) => rs.metadata.ownerReferences?.[0]?.name).sort()).toEqual([
      "coredns",
      "web",
    ]);
    expect(infos(r)).toContain(
      "2 ReplicaSets put back from their pods' ownerReferences (the listing names them but does not hold them)",
    );
  });

  it("leaves the controller's EndpointSlices to the controller, with each pod's readiness as listed", () => {
    const { cluster } = load(KUBEADM);
    const web = cluster.endpointSlices.filter(
      (s) => s.metadata.labels?.["kubernetes.io/service-name"] === "web",
    );
    expect(web).toHaveLength(1);
    expect(web[0]!.endpoints.map((e) => `${e.addresses[0]} ${e.conditions?.ready}`)).toEqual([
      "10.244.1.7 true",
      "10.244.2.9 false",
    ]);
  });

  it("keeps an EndpointSlice of a Service without a selector as listed (default/kubernetes)", () => {
    const { cluster } = load(KUBEADM);
    const api = cluster.endpointSlices.find((s) => s.metadata.name === "kubernetes");
    expect(api?.endpoints[0]?.addresses).toEqual(["192.168.56.10"]);
  });

  it("reads the cluster's ranges from its clusterIPs and pod IPs when they are not the defaults", () => {
    const r = load(EKS_LIKE);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.cluster.config.serviceCIDR).toBe("172.20.0.0/17");
    expect(r.cluster.config.podCIDR).toBe("192.168.0.0/16");
    expect(r.cluster.services.map((s) => s.spec.clusterIP).sort()).toEqual(
      ["172.20.0.1", "172.20.0.10", "172.20.93.4"].sort(),
    );
    expect(infos(r).find((m) => m.startsWith("Cluster ranges read from the listing"))).toBe(
      "Cluster ranges read from the listing: serviceCIDR 172.20.0.0/17 (from Service clusterIPs), podCIDR 192.168.0.0/16 (from Pod IPs); a kubehops.dev/v1alpha1 ClusterConfig sets them instead",
    );
  });

  it("takes the service range from kube-apiserver's --service-cluster-ip-range when the listing has it", () => {
    const r = load(
      KUBEADM.replace("--service-cluster-ip-range=10.96.0.0/12", "--service-cluster-ip-range=10.96.0.0/16"),
    );
    expect(r.cluster.config.serviceCIDR).toBe("10.96.0.0/16");
  });

  it("lets a ClusterConfig given with the listing decide the ranges", () => {
    const r = load(
      `${EKS_LIKE}\n---\napiVersion: kubehops.dev/v1alpha1\nkind: ClusterConfig\nspec: {serviceCIDR: 172.20.0.0/16}\n`,
    );
    expect(r.cluster.config.serviceCIDR).toBe("172.20.0.0/16");
    expect(infos(r).some((m) => m.startsWith("Cluster ranges"))).toBe(false);
  });

  it("counts kinds it does not model in one line instead of an error per object", () => {
    const extra = `- apiVersion: cert-manager.io/v1\n  kind: Certificate\n  metadata: {name: a, namespace: shop}\n- apiVersion: cert-manager.io/v1\n  kind: Certificate\n  metadata: {name: b, namespace: shop}\n- apiVersion: apps/v1\n  kind: DaemonSet\n  metadata: {name: kube-proxy, namespace: kube-system}\n`;
    const r = load(KUBEADM.replace(/^items:\n/m, `items:\n${extra}`));
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(infos(r)).toContain(
      "Read but not modelled (they do not change how Services route packets): Certificate ×2, DaemonSet ×1",
    );
  });

  it("still refuses an unknown kind in a manifest that is not a listing", () => {
    const r = load("apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: a}\n");
    expect(r.diagnostics.map((d) => d.severity)).toEqual(["error"]);
  });

  it("runs a Deployment's replicas in its newest ReplicaSet only, older revisions scaled to 0", () => {
    const rs = (hash: string, revision: number) => `
- apiVersion: apps/v1
  kind: ReplicaSet
  metadata:
    name: web-${hash}
    namespace: shop
    annotations: {deployment.kubernetes.io/revision: "${revision}"}
    ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true}]
  spec:
    replicas: 0
    selector: {matchLabels: {app: web, pod-template-hash: "${hash}"}}
    template:
      metadata: {labels: {app: web, pod-template-hash: "${hash}"}}
      spec: {containers: [{name: nginx, image: nginx}]}`;
    const r = load(KUBEADM.replace(/^items:\n/m, `items:${rs("0ld0ld0ld", 1)}${rs("5f7c9b6d4", 3)}\n`));
    const replicas = Object.fromEntries(r.cluster.replicaSets.map((x) => [x.metadata.name, x.spec.replicas]));
    expect(replicas).toMatchObject({ "web-0ld0ld0ld": 0, "web-5f7c9b6d4": 2 });
    expect(r.cluster.pods.filter((p) => p.metadata.namespace === "shop")).toHaveLength(2);
  });
});
