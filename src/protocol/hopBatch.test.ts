import { describe, expect, it } from "vitest";
import { HOP, type HopEvent } from "../engine/sim/types";
import { HOP_CODES, type HopWhy, MASQ_REASONS } from "../engine/trace/types";
import { HopBatchDecoder, HopBatchEncoder, HopBufferPool } from "./hopBatch";

function hop(over: Partial<HopEvent> = {}): HopEvent {
  return {
    packet: 1,
    connection: 1,
    request: 1,
    from: "client:laptop",
    to: "node:node-2",
    link: "external",
    start: 0,
    end: 250,
    flags: 0,
    src: "192.168.1.10:40000",
    dst: "192.168.1.3:30080",
    rules: [],
    note: "",
    why: { code: "send-client" },
    ...over,
  };
}

const sample: HopEvent[] = [
  hop(),
  hop({
    from: "node:node-2",
    to: "pod:default/web-abc",
    link: "node-pod",
    start: 250,
    end: 300,
    flags: HOP.dnat | HOP.snat,
    rules: ["KUBE-NODEPORTS", "KUBE-SVC-ABC", "KUBE-SEP-XYZ"],
    note: "DNAT to 10.244.1.5:8080",
    why: { code: "dnat-node-port", service: "default/web:http", endpoints: 3, masq: "external" },
  }),
  hop({
    packet: 2,
    from: "pod:default/web-abc",
    to: "node:node-2",
    link: "node-pod",
    start: 2 ** 40,
    end: 2 ** 40 + 7,
    flags: HOP.reply | HOP.deliver,
    why: { code: "reply-receive" },
  }),
];

describe("hop batches", () => {
  it("round-trips every field of every hop", () => {
    const batch = new HopBatchEncoder().encode(sample, 300, false);
    expect(new HopBatchDecoder().read(batch).events()).toEqual(sample);
  });

  it("round-trips a hop's reason: code, Service, endpoint count, masquerade reason and flags", () => {
    const whys: HopWhy[] = [
      { code: "dnat-node-port", service: "default/web:http", endpoints: 3, masq: "external" },
      { code: "dnat-cluster-ip", service: "default/web", endpoints: 1, local: true, affinity: true },
      { code: "dnat-lb-ip", service: "shop/front", endpoints: 0, masq: "hairpin", local: true },
      { code: "drop-etp-local", service: "default/web:http" },
      { code: "vanish" },
      { code: "timeout" },
    ];
    for (const code of HOP_CODES) whys.push({ code });
    for (const masq of MASQ_REASONS) whys.push({ code: "dnat-cluster-ip", masq });
    const hops = whys.map((why, i) => hop({ packet: i, why }));
    const view = new HopBatchDecoder().read(new HopBatchEncoder().encode(hops, 0, false));
    expect(hops.map((_, i) => view.why(i))).toEqual(whys);
    expect(hops.map((_, i) => view.whyCode(i))).toEqual(whys.map((w) => w.code));
    // Absent fields stay absent, rather than coming back as undefined or -1.
    expect(Object.keys(view.why(4))).toEqual(["code"]);
  });

  it("interns a reason's Service like any other string", () => {
    const enc = new HopBatchEncoder();
    const why: HopWhy = { code: "dnat-node-port", service: "default/web:http", endpoints: 3 };
    enc.encode([hop({ why })], 0, false);
    expect(enc.encode([hop({ packet: 2, why })], 0, false).strings).toEqual([]);
  });

  it("sends a string only in the first batch that uses it", () => {
    const enc = new HopBatchEncoder();
    enc.encode(sample, 0, false);
    const second = enc.encode([hop({ packet: 9 })], 0, false);
    expect(second.strings).toEqual([]);
  });

  it("gives the same edge number to the same pair of places across batches", () => {
    const enc = new HopBatchEncoder();
    const dec = new HopBatchDecoder();
    const a = dec.read(enc.encode([hop()], 0, false)).edge(0);
    const b = dec.read(enc.encode([hop({ packet: 5 })], 0, false)).edge(0);
    expect(b).toBe(a);
  });

  it("decodes a later batch with strings from earlier ones", () => {
    const enc = new HopBatchEncoder();
    const dec = new HopBatchDecoder();
    dec.read(enc.encode(sample, 0, false));
    const later = [hop({ packet: 7, start: 10, end: 20 })];
    expect(dec.read(enc.encode(later, 0, false)).events()).toEqual(later);
  });

  it("restarts the receiver's tables after the encoder forgets its own", () => {
    const enc = new HopBatchEncoder();
    const dec = new HopBatchDecoder();
    dec.read(enc.encode(sample, 0, false));
    enc.resetTables();
    const fresh = [hop({ from: "client:other", src: "1.2.3.4:1" })];
    expect(dec.read(enc.encode(fresh, 0, true)).events()).toEqual(fresh);
  });

  it("refuses a batch whose strings it never received", () => {
    const enc = new HopBatchEncoder();
    enc.encode(sample, 0, false);
    expect(() => new HopBatchDecoder().read(enc.encode([hop({ note: "new" })], 0, false))).toThrow(
      /out of order/,
    );
  });

  it("reuses a buffer pair once it is given back", () => {
    const enc = new HopBatchEncoder();
    const first = enc.encode(sample, 0, false);
    enc.pool.give(first.ints, first.floats);
    const second = enc.encode(sample, 0, false);
    expect(second.ints).toBe(first.ints);
  });

  it("does not hand out a buffer pair that is still lent", () => {
    const enc = new HopBatchEncoder();
    const first = enc.encode(sample, 0, false);
    expect(enc.encode(sample, 0, false).ints).not.toBe(first.ints);
  });

  it("grows buffers for a batch larger than the pooled ones", () => {
    const pool = new HopBufferPool(2);
    const many = Array.from({ length: 100 }, (_, i) => hop({ packet: i }));
    const batch = new HopBatchEncoder(pool).encode(many, 0, false);
    expect(new HopBatchDecoder().read(batch).events()).toEqual(many);
  });

  it("keeps at most the configured number of free buffer pairs", () => {
    const pool = new HopBufferPool(4, 2);
    const taken = [pool.take(1), pool.take(1), pool.take(1)];
    for (const b of taken) pool.give(b.ints, b.floats);
    expect(pool.size).toBe(2);
  });
});
