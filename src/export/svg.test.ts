import { describe, expect, it } from "vitest";
import { buildGraph } from "../flow/buildGraph";
import { testCluster } from "../flow/testCluster";
import { enT } from "../i18n/english.test-util";
import { buildScene, estimateWidth } from "./scene";
import { esc, sceneToSvg } from "./svg";
import { exportColours } from "./theme";

const svgOf = (clientName = "laptop") => {
  const cluster = testCluster(3);
  cluster.clients = [{ name: clientName, ip: "192.168.1.10" }];
  const g = buildGraph({ cluster, status: { nodes: {}, endpoints: null }, positions: {}, selection: null });
  const scene = buildScene({
    nodes: g.nodes,
    edges: g.edges,
    colours: exportColours("light"),
    t: enT,
    measure: estimateWidth,
  });
  return { scene, svg: sceneToSvg(scene, "Kube Hops <graph>") };
};

describe("the SVG file", () => {
  it("is one <svg> of the scene's size, with a title and no foreignObject, script or outside reference", () => {
    const { scene, svg } = svgOf();
    expect(svg).toMatch(
      new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}"`),
    );
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain("<title>Kube Hops &lt;graph&gt;</title>");
    expect(svg).not.toMatch(/foreignObject|<script|href=|url\(/i);
  });

  it("escapes names, which anyone can write in a scenario", () => {
    const { svg } = svgOf(`x"><script>alert(1)</script>`);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("x&quot;&gt;&lt;script&gt;");
    expect(esc(`a&b'c`)).toBe("a&amp;b&apos;c");
  });

  it("writes names and addresses as text elements", () => {
    const { svg } = svgOf();
    expect(svg).toMatch(/<text [^>]*>node-1<\/text>/);
    expect(svg).toMatch(/<text [^>]*font-family="[^"]*Mono[^"]*"[^>]*>192\.168\.1\.2<\/text>/);
  });
});
