// Hop events packed into typed arrays, so that a frame's worth of hops crosses threads as two
// transferred buffers instead of thousands of cloned objects (docs/architecture.md, "Packed hop batches").
// Strings (place names, addresses, rule lists, notes) are interned: a batch carries only the strings and
// edges its receiver has not seen yet, and columns hold their indices. The encoder and the decoder each
// keep the tables; batches must be decoded in the order they were encoded (postMessage keeps order).
// A hop's reason (why) is a few more int columns: its code and masquerade reason as indices into
// HOP_CODES and MASQ_REASONS, its Service as an interned string, the endpoint count, and flag bits.
import {
  HOP_CODES,
  type HopCode,
  type HopWhy,
  type LinkKind,
  MASQ_REASONS,
  type MasqReason,
} from "../engine/trace/types";
import type { HopEvent, Tick } from "../engine/sim/types";

const LINK_KINDS = ["start", "external", "node-node", "node-pod", "loadBalancer", "local"] as const;
// Compile-time check that every LinkKind has a code.
const _allLinks: [Exclude<LinkKind, (typeof LINK_KINDS)[number]>] extends [never] ? true : false = true;

/** Int32 columns per hop, in this order. */
const I_PACKET = 0;
const I_CONNECTION = 1;
const I_REQUEST = 2;
/** Index into the edge table: one edge per (from, to) pair of places. */
const I_EDGE = 3;
const I_LINK = 4;
const I_FLAGS = 5;
const I_SRC = 6;
const I_DST = 7;
const I_RULES = 8;
const I_NOTE = 9;
/** why.code as an index into HOP_CODES. */
const I_WHY_CODE = 10;
/** why.service as a string index, -1 when absent. */
const I_WHY_SERVICE = 11;
/** why.endpoints, -1 when absent. */
const I_WHY_ENDPOINTS = 12;
/** why.masq as an index into MASQ_REASONS, -1 when absent. */
const I_WHY_MASQ = 13;
/** why.local and why.affinity as bits (WHY_LOCAL, WHY_AFFINITY). */
const I_WHY_FLAGS = 14;
const INTS_PER_HOP = 15;

const WHY_LOCAL = 1;
const WHY_AFFINITY = 2;

// Codes and reasons by value, so that encoding a hop looks them up without scanning the lists.
const CODE_INDEX = new Map<HopCode, number>(HOP_CODES.map((c, i) => [c, i]));
const MASQ_INDEX = new Map<MasqReason, number>(MASQ_REASONS.map((m, i) => [m, i]));
/** Float64 columns per hop (ticks exceed Int32). */
export const F_START = 0;
export const F_END = 1;
export const FLOATS_PER_HOP = 2;

// Chain names never hold a newline, so one interned string carries a hop's rule list.
const RULE_SEPARATOR = "\n";

export interface PackedHopBatch {
  count: number;
  /** The simulation's time when the batch was made. */
  now: Tick;
  /**
   * The receiver drops every hop it is animating first: the simulation jumped (step back, seek, load)
   * and this batch holds the hops still in flight at `now`.
   */
  reset: boolean;
  /** Pooled buffers, possibly longer than `count` hops; give them back when read. */
  ints: Int32Array;
  floats: Float64Array;
  /** New strings, numbered from `stringBase`; a base below the receiver's table size restarts it there. */
  stringBase: number;
  strings: string[];
  /** New edges as (from, to) string-index pairs, numbered from `edgeBase` (same restart rule). */
  edgeBase: number;
  edges: number[];
}

/** A few reusable buffer pairs; the main thread hands them back after reading a batch. */
export class HopBufferPool {
  private free: { ints: Int32Array; floats: Float64Array }[] = [];

  constructor(
    private readonly minHops = 256,
    private readonly maxKept = 4,
  ) {}

  take(hops: number): { ints: Int32Array; floats: Float64Array } {
    const i = this.free.findIndex((b) => b.floats.length >= hops * FLOATS_PER_HOP);
    if (i >= 0) return this.free.splice(i, 1)[0]!;
    const size = Math.max(this.minHops, nextPowerOfTwo(hops));
    return { ints: new Int32Array(size * INTS_PER_HOP), floats: new Float64Array(size * FLOATS_PER_HOP) };
  }

  give(ints: Int32Array, floats: Float64Array): void {
    // Keep only pairs this pool could have made (a detached or mismatched pair is dropped).
    if (ints.length === 0 || floats.length / FLOATS_PER_HOP !== ints.length / INTS_PER_HOP) return;
    if (this.free.length < this.maxKept) this.free.push({ ints, floats });
  }

  get size(): number {
    return this.free.length;
  }
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

export class HopBatchEncoder {
  private strings = new Map<string, number>();
  private edges = new Map<string, number>();
  readonly pool: HopBufferPool;

  constructor(pool = new HopBufferPool()) {
    this.pool = pool;
  }

  /** Forgets every interned string and edge (after a load); the next batch restarts the receiver's tables. */
  resetTables(): void {
    this.strings.clear();
    this.edges.clear();
  }

  encode(hops: readonly HopEvent[], now: Tick, reset: boolean): PackedHopBatch {
    const stringBase = this.strings.size;
    const edgeBase = this.edges.size;
    const newStrings: string[] = [];
    const newEdges: number[] = [];
    const str = (s: string): number => {
      let i = this.strings.get(s);
      if (i === undefined) {
        i = this.strings.size;
        this.strings.set(s, i);
        newStrings.push(s);
      }
      return i;
    };
    const { ints, floats } = this.pool.take(hops.length);
    hops.forEach((h, k) => {
      const from = str(h.from);
      const to = str(h.to);
      const edgeKey = `${from}>${to}`;
      let edge = this.edges.get(edgeKey);
      if (edge === undefined) {
        edge = this.edges.size;
        this.edges.set(edgeKey, edge);
        newEdges.push(from, to);
      }
      const o = k * INTS_PER_HOP;
      ints[o + I_PACKET] = h.packet;
      ints[o + I_CONNECTION] = h.connection;
      ints[o + I_REQUEST] = h.request;
      ints[o + I_EDGE] = edge;
      ints[o + I_LINK] = LINK_KINDS.indexOf(h.link);
      ints[o + I_FLAGS] = h.flags;
      ints[o + I_SRC] = str(h.src);
      ints[o + I_DST] = str(h.dst);
      ints[o + I_RULES] = str(h.rules.join(RULE_SEPARATOR));
      ints[o + I_NOTE] = str(h.note);
      const why = h.why;
      ints[o + I_WHY_CODE] = CODE_INDEX.get(why.code) ?? 0;
      ints[o + I_WHY_SERVICE] = why.service === undefined ? -1 : str(why.service);
      ints[o + I_WHY_ENDPOINTS] = why.endpoints ?? -1;
      ints[o + I_WHY_MASQ] = why.masq === undefined ? -1 : (MASQ_INDEX.get(why.masq) ?? -1);
      ints[o + I_WHY_FLAGS] = (why.local ? WHY_LOCAL : 0) | (why.affinity ? WHY_AFFINITY : 0);
      floats[k * FLOATS_PER_HOP + F_START] = h.start;
      floats[k * FLOATS_PER_HOP + F_END] = h.end;
    });
    return {
      count: hops.length,
      now,
      reset,
      ints,
      floats,
      stringBase,
      strings: newStrings,
      edgeBase,
      edges: newEdges,
    };
  }
}

/** Reads packed batches; keeps the receiver's copy of the string and edge tables. */
export class HopBatchDecoder {
  private strings: string[] = [];
  private edgeFrom: number[] = [];
  private edgeTo: number[] = [];

  /** Takes in the batch's new strings and edges and returns a view that reads its hops. */
  read(batch: PackedHopBatch): HopBatchView {
    this.strings.length = Math.min(this.strings.length, batch.stringBase);
    if (this.strings.length !== batch.stringBase) throw new Error("hop batch out of order: strings missing");
    this.strings.push(...batch.strings);
    this.edgeFrom.length = Math.min(this.edgeFrom.length, batch.edgeBase);
    this.edgeTo.length = this.edgeFrom.length;
    if (this.edgeFrom.length !== batch.edgeBase) throw new Error("hop batch out of order: edges missing");
    for (let i = 0; i + 1 < batch.edges.length; i += 2) {
      this.edgeFrom.push(batch.edges[i]!);
      this.edgeTo.push(batch.edges[i + 1]!);
    }
    return new HopBatchView(batch, this.strings, this.edgeFrom, this.edgeTo);
  }
}

/**
 * One batch's hops, read column by column without making objects (the canvas layer's path), or as
 * HopEvent objects (logs, tests). Valid only until its buffers are handed back: copy what you keep.
 */
export class HopBatchView {
  readonly count: number;
  readonly now: Tick;
  readonly reset: boolean;

  constructor(
    private readonly batch: PackedHopBatch,
    private readonly strings: readonly string[],
    private readonly edgeFrom: readonly number[],
    private readonly edgeTo: readonly number[],
  ) {
    this.count = batch.count;
    this.now = batch.now;
    this.reset = batch.reset;
  }

  private int(i: number, column: number): number {
    return this.batch.ints[i * INTS_PER_HOP + column]!;
  }

  private text(index: number): string {
    return this.strings[index] ?? "";
  }

  packet(i: number): number {
    return this.int(i, I_PACKET);
  }
  connection(i: number): number {
    return this.int(i, I_CONNECTION);
  }
  request(i: number): number {
    return this.int(i, I_REQUEST);
  }
  /** A stable number for the (from, to) pair: cache edge geometry by it. */
  edge(i: number): number {
    return this.int(i, I_EDGE);
  }
  edgeEnds(edge: number): { from: string; to: string } {
    return { from: this.text(this.edgeFrom[edge] ?? -1), to: this.text(this.edgeTo[edge] ?? -1) };
  }
  from(i: number): string {
    return this.text(this.edgeFrom[this.edge(i)] ?? -1);
  }
  to(i: number): string {
    return this.text(this.edgeTo[this.edge(i)] ?? -1);
  }
  link(i: number): LinkKind {
    return LINK_KINDS[this.int(i, I_LINK)] ?? "start";
  }
  flags(i: number): number {
    return this.int(i, I_FLAGS);
  }
  start(i: number): Tick {
    return this.batch.floats[i * FLOATS_PER_HOP + F_START]!;
  }
  end(i: number): Tick {
    return this.batch.floats[i * FLOATS_PER_HOP + F_END]!;
  }
  src(i: number): string {
    return this.text(this.int(i, I_SRC));
  }
  dst(i: number): string {
    return this.text(this.int(i, I_DST));
  }
  rules(i: number): string[] {
    const r = this.text(this.int(i, I_RULES));
    return r === "" ? [] : r.split(RULE_SEPARATOR);
  }
  note(i: number): string {
    return this.text(this.int(i, I_NOTE));
  }
  /** The reason's code alone (no object made: the canvas layer's path). */
  whyCode(i: number): HopCode {
    return HOP_CODES[this.int(i, I_WHY_CODE)] ?? HOP_CODES[0];
  }
  /** The hop's reason, as the engine gave it (absent fields stay absent). */
  why(i: number): HopWhy {
    const why: HopWhy = { code: this.whyCode(i) };
    const service = this.int(i, I_WHY_SERVICE);
    if (service >= 0) why.service = this.text(service);
    const endpoints = this.int(i, I_WHY_ENDPOINTS);
    if (endpoints >= 0) why.endpoints = endpoints;
    const masq = MASQ_REASONS[this.int(i, I_WHY_MASQ)];
    if (masq) why.masq = masq;
    const flags = this.int(i, I_WHY_FLAGS);
    if (flags & WHY_LOCAL) why.local = true;
    if (flags & WHY_AFFINITY) why.affinity = true;
    return why;
  }

  event(i: number): HopEvent {
    return {
      packet: this.packet(i),
      connection: this.connection(i),
      request: this.request(i),
      from: this.from(i),
      to: this.to(i),
      link: this.link(i),
      start: this.start(i),
      end: this.end(i),
      flags: this.flags(i),
      src: this.src(i),
      dst: this.dst(i),
      rules: this.rules(i),
      note: this.note(i),
      why: this.why(i),
    };
  }

  events(): HopEvent[] {
    const out: HopEvent[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.event(i));
    return out;
  }
}
