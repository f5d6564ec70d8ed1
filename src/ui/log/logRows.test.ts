import { describe, expect, it } from "vitest";
import { HOP, type ClusterEvent } from "../../protocol/simulation";
import { enT } from "../../i18n/english.test-util";
import type { HopLogEntry } from "../../store/hopLog";
import { buildLogRows, connectionsOf } from "./logRows";

let seq = 0;
const hop = (
  packet: number,
  connection: number,
  from: string,
  to: string,
  start: number,
  src: string,
  dst: string,
  flags = 0,
): HopLogEntry => ({
  seq: seq++,
  start,
  end: start + 10,
  packet,
  connection,
  from,
  to,
  link: "external",
  flags,
  src,
  dst,
  rules: flags & HOP.dnat ? ["KUBE-SERVICES", "KUBE-NODEPORTS"] : [],
  note: "",
});

const hops = [
  hop(
    1,
    1,
    "client:laptop",
    "node:node-2",
    0,
    "192.168.1.10:40000",
    "192.168.1.3:30080",
    HOP.dnat | HOP.snat,
  ),
  hop(1, 1, "node:node-2", "pod:default/web-1", 10, "192.168.1.3:50000", "10.244.1.2:8080", HOP.deliver),
  hop(
    2,
    2,
    "pod:default/client",
    "pod:default/web-1",
    20,
    "10.244.1.9:40000",
    "10.244.1.2:8080",
    HOP.deliver,
  ),
];
const events: ClusterEvent[] = [
  { tick: 15, kind: "nodeNotReady", object: "Node/node-3", message: "node-3 is NotReady" },
];

describe("buildLogRows", () => {
  it("merges hops and cluster events in time order", () => {
    const rows = buildLogRows(hops, events, { packet: null, client: null }, enT);
    expect(rows.map((r) => (r.kind === "hop" ? `${r.tick} ${r.label}` : `${r.tick} ${r.label}`))).toEqual([
      "0 DNAT + SNAT",
      "10 delivered",
      "15 node NotReady",
      "20 delivered",
    ]);
  });
  it("shows the packet after a rewrite from the packet's next hop", () => {
    const [first, second] = buildLogRows(hops, [], { packet: 1, client: null }, enT);
    expect([first?.kind === "hop" && first.after, second?.kind === "hop" && second.after]).toEqual([
      { src: "192.168.1.3:50000", dst: "10.244.1.2:8080" },
      null,
    ]);
  });
  it("shows no rewrite where a reply leaves a pod", () => {
    const reply = [
      hop(3, 3, "node:node-2", "pod:default/web-1", 0, "10.0.0.1:1", "10.244.1.2:8080", HOP.deliver),
      hop(3, 3, "pod:default/web-1", "node:node-2", 5, "10.244.1.2:8080", "10.0.0.1:1", HOP.reply),
    ];
    expect(
      buildLogRows(reply, [], { packet: null, client: null }, enT).map((r) => r.kind === "hop" && r.after),
    ).toEqual([null, null]);
  });
  it("filters by packet, leaving cluster events out", () => {
    expect(buildLogRows(hops, events, { packet: 2, client: null }, enT).map((r) => r.key)).toEqual([
      `h${hops[2]!.seq}`,
    ]);
  });
  it("filters by client through its connections", () => {
    expect(connectionsOf(hops, "client:laptop")).toEqual(new Set([1]));
    expect(buildLogRows(hops, events, { packet: null, client: "client:laptop" }, enT).length).toBe(2);
  });
  it("keeps only the newest rows", () => {
    expect(buildLogRows(hops, events, { packet: null, client: null }, enT, 2).map((r) => r.tick)).toEqual([
      15, 20,
    ]);
  });
});
