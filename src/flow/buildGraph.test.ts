import { describe, expect, it } from "vitest";
import type { SimState } from "../protocol/messages";
import { buildGraph, parseStatus, serviceEndpoints, statusKey } from "./buildGraph";
import { BUS_ID } from "../scene/ids";
import { pod, testCluster } from "./testCluster";

const empty = { nodes: {}, endpoints: null };

describe("buildGraph", () => {
  it("puts pods inside their node boxes, after their parent", () => {
    const g = buildGraph({ cluster: testCluster(), status: empty, positions: {}, selection: null });
    const ids = g.nodes.map((n) => n.id);
    const p = g.nodes.find((n) => n.type === "pod")!;
    expect(p.parentId).toBe("node:node-2");
    expect(p.extent).toBe("parent");
    expect(ids.indexOf("node:node-2")).toBeLessThan(ids.indexOf(p.id));
    expect(ids[0]).toBe(BUS_ID);
  });

  it("taps every node, client and load balancer into the node network", () => {
    const g = buildGraph({ cluster: testCluster(3, true), status: empty, positions: {}, selection: null });
    const taps = g.edges.filter((e) => e.type === "tap").map((e) => e.source);
    expect(taps.sort()).toEqual([
      "client:laptop",
      "lb:default/web",
      "node:node-1",
      "node:node-2",
      "node:node-3",
    ]);
    expect(g.edges.every((e) => e.type !== "tap" || e.target === BUS_ID)).toBe(true);
    const lb = g.nodes.find((n) => n.id === "lb:default/web")!;
    expect(lb.data).toMatchObject({ ips: ["203.0.113.1"] });
  });

  it("links a Service to its endpoints, from the simulation when it has spoken", () => {
    const cluster = testCluster();
    const status = {
      nodes: {},
      endpoints: {
        "default/web": [
          {
            ip: "1",
            pod: "default/web-7bcfd56d5b-abc0x",
            node: "node-2",
            ready: true,
            serving: true,
            terminating: false,
          },
          {
            ip: "2",
            pod: "default/web-7bcfd56d5b-abc1x",
            node: "node-3",
            ready: false,
            serving: true,
            terminating: true,
          },
        ],
      },
    };
    const g = buildGraph({ cluster, status, positions: {}, selection: "svc:default/web" });
    const eps = g.edges.filter((e) => e.type === "endpoint");
    expect(eps.map((e) => e.data?.state)).toEqual(["ready", "serving"]);
    expect(eps.every((e) => e.data?.highlighted)).toBe(true);
    const svc = g.nodes.find((n) => n.id === "svc:default/web")!;
    expect(svc.data).toMatchObject({ ready: 1, total: 2 });
  });

  it("counts endpoints written by hand by IP alone, with no line to draw", () => {
    const outside = {
      ip: "192.168.49.50",
      pod: null,
      node: null,
      ready: true,
      serving: true,
      terminating: false,
    };
    const status = { nodes: {}, endpoints: { "default/web": [outside] } };
    const g = buildGraph({ cluster: testCluster(), status, positions: {}, selection: null });
    expect(g.nodes.find((n) => n.id === "svc:default/web")!.data).toMatchObject({ ready: 1, total: 1 });
    expect(g.edges.some((e) => e.type === "endpoint")).toBe(false);
  });

  it("hides the API server's own Service", () => {
    const g = buildGraph({ cluster: testCluster(), status: empty, positions: {}, selection: null });
    expect(g.nodes.some((n) => n.id === "svc:default/kubernetes")).toBe(false);
  });

  it("shows a dead node and its pods as such", () => {
    const g = buildGraph({
      cluster: testCluster(),
      status: { nodes: { "node-2": { up: false, ready: false } }, endpoints: null },
      positions: {},
      selection: null,
    });
    expect(g.nodes.find((n) => n.id === "node:node-2")!.data).toMatchObject({ up: false, ready: false });
    expect(g.nodes.find((n) => n.type === "pod" && n.parentId === "node:node-2")!.data).toMatchObject({
      nodeDown: true,
    });
  });

  it("uses saved positions, and stretches the bus under the boxes", () => {
    const g = buildGraph({
      cluster: testCluster(),
      status: empty,
      positions: { "node:node-1": { x: -500, y: 400 }, [BUS_ID]: { x: 0, y: 300 } },
      selection: "node:node-1",
    });
    const n1 = g.nodes.find((n) => n.id === "node:node-1")!;
    expect(n1.position).toEqual({ x: -500, y: 400 });
    expect(n1.selected).toBe(true);
    const bus = g.nodes[0]!;
    expect(bus.position.y).toBe(300);
    expect(bus.position.x).toBeLessThan(-500);
  });
});

describe("status", () => {
  it("is a string that stays equal while only the clock moves", () => {
    const sim = {
      now: 1,
      nodes: [{ name: "a", up: true, ready: true }],
      endpoints: {},
      phases: [],
    } as unknown as SimState;
    expect(statusKey(sim)).toBe(statusKey({ ...sim, now: 2 }));
    expect(parseStatus(statusKey(sim)).nodes.a).toEqual({ up: true, ready: true });
    expect(parseStatus("")).toEqual({ nodes: {}, endpoints: null });
  });

  it("falls back to the selector before the simulation reports endpoints", () => {
    const c = testCluster();
    c.pods.push(pod("other", "node-1", { labels: { app: "db" } }));
    c.pods.push(pod("starting", "node-1", { ready: false }));
    const eps = serviceEndpoints("default/web", { app: "web" }, c, empty);
    expect(eps.map((e) => e.state)).toEqual(["ready", "ready", "notReady"]);
  });
});
