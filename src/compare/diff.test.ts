import { describe, expect, it } from "vitest";
import { compareFigures } from "./diff";
import { cluster20, dropped20, figs, local20, phase } from "./testing";

describe("compareFigures", () => {
  it("waits until both sides have ended the same number of requests", () => {
    const running = figs([{ ...local20, results: { ...local20.results, delivered: 12 } }]);
    expect(compareFigures(figs([cluster20]), running).settled).toBe(false);
    expect(compareFigures(figs([cluster20]), running).differs.size).toBe(0);
  });

  it("marks extra hops, source IPs and pods answering for Cluster vs Local at a node with pods", () => {
    const d = compareFigures(figs([cluster20]), figs([local20]));
    expect([...d.differs].sort()).toEqual(["extraHops", "podsUsed", "sourceIPs"]);
    expect(d.higher.extraHops).toBe(0);
    expect(d.badges).toEqual([["masqueraded"], ["senderKept", "noExtraHops"]]);
  });

  it("marks the drops on the Local side when sent to a node without pods", () => {
    const d = compareFigures(figs([cluster20]), figs([dropped20]));
    expect(d.differs.has("dropped")).toBe(true);
    expect(d.differs.has("delivered")).toBe(true);
    expect(d.higher.dropped).toBe(1);
    expect(d.badges[1]).toContain("failed");
    expect(d.differs.has("extraHops")).toBe(false);
  });

  it("treats the random spread of the same traffic as no difference", () => {
    const other = phase({
      perPod: { "default/web-a": 6, "default/web-b": 8, "default/web-c": 6 },
      extraHops: 6,
      sourceIPs: { "default/web-a": ["10.244.1.1"], "default/web-c": ["192.168.1.3"] },
    });
    expect(compareFigures(figs([cluster20]), figs([other])).differs.size).toBe(0);
  });
});
