import { describe, expect, it } from "vitest";
import { cluster20, dropped20, figs, local20 } from "./testing";

describe("paneFigures", () => {
  it("lists every endpoint pod, the idle ones with 0, in name order", () => {
    expect(figs([local20]).perPod).toEqual([
      { pod: "default/web-a", count: 12 },
      { pod: "default/web-b", count: 8 },
      { pod: "default/web-c", count: 0 },
    ]);
  });

  it("names a node's pod-network gateway and its InternalIP as node addresses (masquerade)", () => {
    expect(figs([cluster20]).sources).toEqual([
      { ip: "10.244.1.1", kind: "node", owner: "node-2" },
      { ip: "192.168.1.3", kind: "node", owner: "node-2" },
    ]);
    expect(figs([cluster20]).senderKept).toBe(false);
  });

  it("knows the pods saw only the client's own address under Local", () => {
    const f = figs([local20]);
    expect(f.sources).toEqual([{ ip: "192.168.1.10", kind: "sender", owner: null }]);
    expect(f.senderKept).toBe(true);
  });

  it("adds up phases and takes the latest p50 of a phase that delivered", () => {
    const f = figs([cluster20, dropped20]);
    expect([f.requests, f.ended, f.results.delivered, f.results.dropped, f.p50]).toEqual([
      40, 40, 20, 20, 5.25,
    ]);
    expect(f.extraHopShare).toBeCloseTo(7 / 20);
  });
});
