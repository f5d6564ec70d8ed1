import { describe, expect, it } from "vitest";
import type { ClusterSummary } from "../protocol/messages";
import { buildGraph } from "./buildGraph";
import { AUTO_COLLAPSE_PODS, drawnCluster, isFolded, namespacesOf } from "./graphView";
import { pod, testCluster } from "./testCluster";

const ALL = { namespace: null, collapsed: {} };
const empty = { nodes: {}, endpoints: null };

/** testCluster with a second namespace: a "shop" pod on node-3 and its Service. */
function twoNamespaces(): ClusterSummary {
  const c = testCluster();
  c.pods.push(pod("cart-1", "node-3", { name: "shop/cart-1", labels: { app: "cart" } }));
  c.services.push({ ...c.services[1]!, name: "shop/cart", selector: { app: "cart" } });
  return c;
}

function bigCluster(pods: number): ClusterSummary {
  const c = testCluster();
  c.pods = Array.from({ length: pods }, (_, i) => pod(`p-${i}`, `node-${(i % 3) + 1}`));
  return c;
}

/** The test cluster's graph with node-2 folded by the person. */
const node2Folded = () =>
  buildGraph({
    cluster: testCluster(),
    status: empty,
    positions: {},
    selection: null,
    view: { namespace: null, collapsed: { "node-2": true } },
  });

describe("what the graph draws of a cluster", () => {
  it("leaves kube-system (CoreDNS) out of all namespaces, and draws it when it is the one picked", () => {
    const c = testCluster();
    c.pods.push(
      pod("coredns-1", "node-1", { name: "kube-system/coredns-1", labels: { "k8s-app": "kube-dns" } }),
    );
    c.services.push({ ...c.services[1]!, name: "kube-system/kube-dns", selector: { "k8s-app": "kube-dns" } });
    const names = (namespace: string | null) => {
      const d = drawnCluster(c, { namespace, collapsed: {} }).cluster;
      return [...d.pods.map((p) => p.name), ...d.services.map((s) => s.name)].filter((n) =>
        n.startsWith("kube-system/"),
      );
    };
    expect(names(null)).toEqual([]);
    expect(names("kube-system")).toEqual(["kube-system/coredns-1", "kube-system/kube-dns"]);
  });

  it("sends packets for an undrawn kube-system pod to its node's box, which counts them", () => {
    const c = testCluster();
    c.pods.push(pod("coredns-1", "node-1", { name: "kube-system/coredns-1" }));
    const box = (namespace: string | null) =>
      buildGraph({
        cluster: c,
        status: empty,
        positions: {},
        selection: null,
        view: { namespace, collapsed: {} },
      }).nodes.find((n) => n.id === "node:node-1")!.data as { systemPods: number; foldedPodIds: string[] };
    expect(box(null).systemPods).toBe(1);
    expect(box(null).foldedPodIds).toContain("pod:kube-system/coredns-1");
    // Drawn when kube-system is picked: a pod of its own then.
    expect(box("kube-system").systemPods).toBe(0);
    expect(box("kube-system").foldedPodIds).toEqual([]);
  });

  it("lists the namespaces that hold pods or Services, with their counts", () => {
    expect(namespacesOf(twoNamespaces())).toEqual([
      { name: "default", pods: 2, services: 2 },
      { name: "shop", pods: 1, services: 1 },
    ]);
  });

  it("draws only the chosen namespace's pods and Services", () => {
    const { cluster } = drawnCluster(twoNamespaces(), { namespace: "shop", collapsed: {} });
    expect(cluster.pods.map((p) => p.name)).toEqual(["shop/cart-1"]);
    expect(cluster.services.map((s) => s.name)).toEqual(["shop/cart"]);
    expect(cluster.nodes).toHaveLength(3);
  });

  it("folds a node's pods into its box when the person folds it", () => {
    const g = node2Folded();
    expect(g.nodes.filter((n) => n.type === "pod").map((n) => n.parentId)).toEqual(["node:node-3"]);
    const box = g.nodes.find((n) => n.id === "node:node-2")!;
    expect(box.data).toMatchObject({ pods: 0, folded: { pods: 1, notReady: 0 } });
    expect((box.data as { foldedPodIds: string[] }).foldedPodIds).toEqual([
      "pod:default/web-7bcfd56d5b-abc0x",
    ]);
  });

  it("ends a folded pod's endpoint line at its node box", () => {
    const g = node2Folded();
    const targets = g.edges.filter((e) => e.type === "endpoint").map((e) => e.target);
    expect(targets.sort()).toEqual(["node:node-2", "pod:default/web-7bcfd56d5b-abc1x"]);
  });

  it(`starts with every node folded past ${AUTO_COLLAPSE_PODS} pods, and not at or below`, () => {
    expect(isFolded(bigCluster(AUTO_COLLAPSE_PODS + 1), ALL, "node-1")).toBe(true);
    expect(isFolded(bigCluster(AUTO_COLLAPSE_PODS), ALL, "node-1")).toBe(false);
    expect(drawnCluster(bigCluster(AUTO_COLLAPSE_PODS + 1), ALL).cluster.pods).toEqual([]);
  });

  it("lets the person unfold one node of a big cluster", () => {
    const view = { namespace: null, collapsed: { "node-1": false } };
    const { cluster, folded } = drawnCluster(bigCluster(300), view);
    expect(new Set(cluster.pods.map((p) => p.node))).toEqual(new Set(["node-1"]));
    expect([...folded.keys()].sort()).toEqual(["node-2", "node-3"]);
  });

  it("counts only the chosen namespace's pods towards folding by default", () => {
    const c = bigCluster(300);
    c.pods.push(pod("cart-1", "node-1", { name: "shop/cart-1" }));
    expect(isFolded(c, { namespace: "shop", collapsed: {} }, "node-1")).toBe(false);
  });
});
