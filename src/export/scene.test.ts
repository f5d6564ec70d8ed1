import { describe, expect, it } from "vitest";
import { buildGraph } from "../flow/buildGraph";
import { pod, testCluster } from "../flow/testCluster";
import { enT } from "../i18n/english.test-util";
import { buildScene, ellipsize, estimateWidth, type Shape } from "./scene";
import { exportColours, mix } from "./theme";

const status = { nodes: {}, endpoints: null };
const sceneOf = (cluster = testCluster(3, true), theme: "light" | "dark" = "light") => {
  const g = buildGraph({ cluster, status, positions: {}, selection: null });
  return buildScene({
    nodes: g.nodes,
    edges: g.edges,
    colours: exportColours(theme),
    t: enT,
    measure: estimateWidth,
  });
};
const texts = (shapes: Shape[]) => shapes.flatMap((s) => (s.kind === "text" ? [s.text] : []));

describe("the graph's scene", () => {
  it("writes every node, pod, client and load balancer with its address, and the Service with its ports", () => {
    const all = texts(sceneOf().shapes).join("\n");
    for (const t of ["node-1", "192.168.1.2", "node-3", "192.168.1.4", "laptop", "192.168.1.10"])
      expect(all).toContain(t);
    expect(all).toContain("web-abc0x");
    expect(all).toContain("10.244.0.1");
    expect(all).toContain("10.96.0.12:80");
    expect(all).toContain("30080");
    expect(all).toContain("203.0.113.1");
    expect(all).toContain("NODE NETWORK");
  });

  it("keeps every shape inside the picture", () => {
    const s = sceneOf(testCluster(7));
    for (const sh of s.shapes) {
      const [x, y] =
        sh.kind === "circle"
          ? [sh.cx, sh.cy]
          : sh.kind === "rect" || sh.kind === "text"
            ? [sh.x, sh.y]
            : [0, 0];
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(s.width);
      expect(y).toBeLessThanOrEqual(s.height);
    }
  });

  it("cuts a name too long for its pod with an ellipsis, inside the pod", () => {
    const cluster = testCluster(2);
    cluster.pods = [pod("a-very-long-pod-name-that-does-not-fit-in-any-pill-at-all", "node-2")];
    const s = sceneOf(cluster);
    const name = s.shapes.find((sh) => sh.kind === "text" && sh.text.startsWith("a-very-long"));
    expect(name?.kind === "text" && name.text.endsWith("…")).toBe(true);
    const box = s.places.get("pod:default/a-very-long-pod-name-that-does-not-fit-in-any-pill-at-all")!;
    if (name?.kind !== "text") throw new Error("no name");
    expect(name.x + estimateWidth(name.text, name.font)).toBeLessThanOrEqual(box.x + box.w);
  });

  it("places packets' boxes where it draws them: pods inside their node box", () => {
    const s = sceneOf();
    const node = s.places.get("node:node-2")!;
    const p = s.places.get("pod:default/web-7bcfd56d5b-abc0x")!;
    expect(p.x).toBeGreaterThan(node.x);
    expect(p.y + p.h).toBeLessThanOrEqual(node.y + node.h);
  });

  it("paints in the theme's colours", () => {
    expect(sceneOf(undefined, "dark").bg).toBe(exportColours("dark").bg);
    expect(sceneOf(undefined, "light").bg).toBe(exportColours("light").bg);
  });

  it("mixes colours as CSS color-mix in sRGB does", () => {
    expect(mix("#000000", 50, "#ffffff")).toBe("#808080");
    expect(mix("#0072b2", 100, "#ffffff")).toBe("#0072b2");
  });

  it("ellipsizes to the longest prefix that fits", () => {
    const font = { size: 10, weight: 400, mono: true };
    expect(ellipsize("abcdefghij", 60, font, estimateWidth)).toBe("abcdefghij");
    expect(ellipsize("abcdefghijk", 60, font, estimateWidth)).toBe("abcdefghi…");
  });
});
