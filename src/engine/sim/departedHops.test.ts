// Packed hops: what goes in comes out as the same hop events, however many a window holds.
import { describe, expect, it } from "vitest";
import type { PathStep } from "./compiledPath";
import { DepartedHops } from "./departedHops";
import { HOP } from "./types";

const step: PathStep = {
  at: "node:node-1",
  link: "external",
  src: ["192.168.1.10", ""],
  dst: "192.168.1.2:30080",
  rules: ["KUBE-SERVICES"],
  note: ["from port", " on"],
  why: { code: "dnat-node-port" },
  flags: HOP.dnat,
  latency: 2000,
  node: "node-1",
  pod: null,
  servesRequest: false,
  lostEpoch: -1,
  lost: false,
  next: null,
};

describe("DepartedHops", () => {
  it("reads a hop back as the hop event, the connection's port put into its addresses", () => {
    const hops = new DepartedHops();
    hops.push(7, 3, "client:laptop", step, 40000, 100, 2100);
    expect(hops.event(0)).toEqual({
      packet: 7,
      connection: 3,
      request: 7,
      from: "client:laptop",
      to: "node:node-1",
      link: "external",
      start: 100,
      end: 2100,
      flags: HOP.dnat,
      src: "192.168.1.10:40000",
      dst: "192.168.1.2:30080",
      rules: ["KUBE-SERVICES"],
      note: "from port:40000 on",
      why: { code: "dnat-node-port" },
    });
  });

  it("keeps every hop in order past its first buffer, and holds none after clear", () => {
    const hops = new DepartedHops();
    for (let i = 0; i < 1000; i++) hops.push(i, 1, "client:laptop", step, null, i, i + 2 ** 40);
    expect([hops.length, hops.packet(999), hops.start(500), hops.end(999)]).toEqual([
      1000,
      999,
      500,
      999 + 2 ** 40,
    ]);
    hops.clear();
    expect(hops.events()).toEqual([]);
  });
});
