import { describe, expect, it } from "vitest";
import { HOP, type HopEvent } from "../protocol/simulation";
import type { Rect } from "../scene/geometry";
import { BUS_ID } from "../scene/ids";
import { makeT } from "../i18n/core";
import { en } from "../i18n/en";
import { ko } from "../i18n/ko/index";
import { HopBatchDecoder, HopBatchEncoder } from "../protocol/hopBatch";
import { PacketScene, type PlaceLookup } from "./scene";

const rects: Record<string, Rect> = {
  [BUS_ID]: { x: 0, y: 100, w: 600, h: 20 },
  "client:laptop": { x: 0, y: 0, w: 100, h: 50 },
  "node:node-1": { x: 300, y: 200, w: 200, h: 150 },
  "pod:default/web": { x: 310, y: 260, w: 180, h: 40 },
};
const places: PlaceLookup = { rect: (id) => rects[id] ?? null, bus: () => rects[BUS_ID]! };
const view = { x: -1000, y: -1000, w: 5000, h: 5000 };

function hop(p: Partial<HopEvent>): HopEvent {
  return {
    packet: 1,
    connection: 1,
    request: 1,
    from: "client:laptop",
    to: "node:node-1",
    link: "external",
    start: 0,
    end: 1000,
    flags: 0,
    src: "192.168.1.10:4000",
    dst: "192.168.1.2:30080",
    rules: [],
    note: "",
    why: { code: "dnat-node-port", service: "default/web", endpoints: 1 },
    ...p,
  };
}

const english = () => makeT("en", en, en);

function feed(scene: PacketScene, hops: HopEvent[], now: number, reset = false) {
  const enc = new HopBatchEncoder();
  const dec = new HopBatchDecoder();
  scene.ingest(dec.read(enc.encode(hops, now, reset)));
}

describe("PacketScene", () => {
  it("moves a packet along its route and finds it under the pointer", () => {
    const s = new PacketScene(english);
    feed(s, [hop({})], 0);
    s.advance(500, places, view, false);
    expect(s.shown[0]).toBe(1);
    // Halfway along laptop -> bus -> node-1 (route length 50 + 350 + 90 = 490).
    const x = s.xs[0]!;
    const y = s.ys[0]!;
    expect(y).toBeCloseTo(110);
    expect(x).toBeGreaterThan(50);
    expect(s.hitTest(x + 2, y, 6)).toBe(1);
    expect(s.hitTest(x + 50, y, 6)).toBeNull();
    s.advance(1000, places, view, false);
    expect(s.pool.count).toBe(0);
  });

  it("skips packets off screen and waits for a hop's start", () => {
    const s = new PacketScene(english);
    feed(s, [hop({ start: 100, end: 200 })], 0);
    s.advance(50, places, view, false);
    expect(s.shown[0]).toBe(0);
    s.advance(150, places, { x: 5000, y: 5000, w: 10, h: 10 }, false);
    expect(s.shown[0]).toBe(0);
  });

  it("labels a NAT with the header of the packet's next hop, and marks a drop", () => {
    const s = new PacketScene(english);
    const enc = new HopBatchEncoder();
    const dec = new HopBatchDecoder();
    s.ingest(dec.read(enc.encode([hop({ flags: HOP.dnat | HOP.snat })], 0, false)));
    expect(s.overlays.slots).toHaveLength(0);
    s.ingest(
      dec.read(
        enc.encode(
          [
            hop({
              from: "node:node-1",
              to: "pod:default/web",
              link: "node-pod",
              start: 1000,
              end: 1100,
              src: "192.168.1.2:4000",
              dst: "10.244.0.5:8080",
            }),
            hop({ packet: 2, flags: HOP.drop, why: { code: "drop-etp-local", service: "default/web" } }),
          ],
          1000,
          false,
        ),
      ),
    );
    const [nat, drop] = s.overlays.slots;
    expect(nat).toMatchObject({ kind: "nat", place: "node:node-1", at: 1000 });
    expect(nat!.lines).toEqual([
      "DNAT dst 192.168.1.2:30080 → 10.244.0.5:8080",
      "SNAT src 192.168.1.10 → 192.168.1.2",
    ]);
    expect(drop).toMatchObject({ kind: "drop", lines: ["DROP: eTP Local, no local endpoint"] });
    expect(s.history.of(1)).toHaveLength(2);
  });

  it("words an end mark by the hop's reason code, whatever its note says", () => {
    const marks = (note: string) => {
      const s = new PacketScene(english);
      feed(
        s,
        [hop({ flags: HOP.reject, note, why: { code: "reject-no-endpoints", service: "default/web" } })],
        0,
      );
      return s.overlays.slots.map((o) => o.lines);
    };
    expect(marks('default/web has no endpoints: REJECT (the client gets "connection refused")')).toEqual([
      ["REJECT: no endpoints"],
    ]);
    expect(marks("externalTrafficPolicy Local and no local endpoint; the node is down")).toEqual([
      ["REJECT: no endpoints"],
    ]);
  });

  it("words labels in the language the layer's words give, read at each batch", () => {
    let t = makeT("en", en, en);
    const s = new PacketScene(() => t);
    feed(s, [hop({ flags: HOP.lost, why: { code: "lost-node-down" } })], 0);
    t = makeT("ko", ko, en);
    feed(s, [hop({ packet: 2, flags: HOP.lost, why: { code: "lost-node-down" } })], 0);
    expect(s.overlays.slots.map((o) => o.lines[0])).toEqual(["LOST: node down", "유실: 노드 다운"]);
  });

  it("drops everything on a reset batch", () => {
    const s = new PacketScene(english);
    feed(s, [hop({})], 0);
    feed(s, [], 0, true);
    expect(s.pool.count).toBe(0);
    expect(s.history.of(1)).toHaveLength(0);
  });

  it("holds 2,000 packets in flight", () => {
    const s = new PacketScene(english);
    const hops = Array.from({ length: 2000 }, (_, i) =>
      hop({ packet: i, connection: i, start: i, end: i + 5000 }),
    );
    feed(s, hops, 0);
    expect(s.advance(2500, places, view, false)).toBe(2000);
    let shown = 0;
    for (let i = 0; i < 2000; i++) shown += s.shown[i]!;
    expect(shown).toBe(2000);
  });
});
