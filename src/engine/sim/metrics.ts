// Metrics per traffic action (a phase): where requests were served, how they ended, how long they took.
import type { Tick } from "./types";
import { type PhaseMetrics, type RequestResult, TICKS_PER_MS, TICKS_PER_SECOND } from "./types";

export class PhaseRecorder {
  private requests = 0;
  private results: Record<RequestResult, number> = {
    delivered: 0,
    refused: 0,
    rejected: 0,
    dropped: 0,
    timeout: 0,
  };
  private perPod: Record<string, number> = {};
  private perNode: Record<string, number> = {};
  private sourceIPs: Record<string, Set<string>> = {};
  /** Served requests not yet in the totals, by the caller's key (see served). */
  private serving = new Map<object, Served>();
  /** The first latencyCount hold samples; the array grows by doubling up to LATENCY_SAMPLES. */
  private latencies = new Float64Array(64);
  private latencyCount = 0;
  private timeline = new Map<number, Partial<Record<RequestResult, number>>>();
  private extraHops = 0;
  private lastEnd: Tick;
  open = 0;
  /** Whether the action will start more requests (a burst or a rate still running). */
  generating = true;

  constructor(
    readonly index: number,
    readonly action: PhaseMetrics["action"],
    readonly label: string,
    readonly start: Tick,
  ) {
    this.lastEnd = start;
  }

  started(): void {
    this.requests++;
    this.open++;
  }

  /**
   * One request served. `key` stands for the rest (the simulation passes the path step where the request
   * is served, which fixes them): a request costs one lookup, and the totals are added up when read.
   */
  served(
    key: object,
    pod: string | null,
    node: string | null,
    sourceIP: string | null,
    extraHop: boolean,
  ): void {
    let s = this.serving.get(key);
    if (!s) {
      if (this.serving.size >= SERVING_KEYS) this.addServed();
      this.serving.set(key, (s = { pod, node, sourceIP, extraHop, count: 0 }));
    }
    s.count++;
  }

  private addServed(): void {
    for (const { pod, node, sourceIP, extraHop, count } of this.serving.values()) {
      if (pod) this.perPod[pod] = (this.perPod[pod] ?? 0) + count;
      if (node) this.perNode[node] = (this.perNode[node] ?? 0) + count;
      if (pod && sourceIP) (this.sourceIPs[pod] ??= new Set()).add(sourceIP);
      if (extraHop) this.extraHops += count;
    }
    this.serving.clear();
  }

  ended(result: RequestResult, startTick: Tick, endTick: Tick): void {
    this.open--;
    this.results[result]++;
    if (result === "delivered") this.keepLatency((endTick - startTick) / TICKS_PER_MS);
    const second = Math.floor(startTick / TICKS_PER_SECOND);
    let bucket = this.timeline.get(second);
    if (!bucket) this.timeline.set(second, (bucket = {}));
    bucket[result] = (bucket[result] ?? 0) + 1;
    this.lastEnd = Math.max(this.lastEnd, endTick);
  }

  /**
   * Latencies for the percentiles, bounded: past LATENCY_SAMPLES every other sample is dropped and
   * only every 2^k-th new one kept, a deterministic thinning that keeps the distribution's shape.
   */
  private stride = 1;
  private seen = 0;
  private keepLatency(ms: number): void {
    if (this.seen++ % this.stride !== 0) return;
    if (this.latencyCount === this.latencies.length) {
      const grown = new Float64Array(Math.min(LATENCY_SAMPLES, 2 * this.latencies.length));
      grown.set(this.latencies);
      this.latencies = grown;
    }
    this.latencies[this.latencyCount++] = ms;
    if (this.latencyCount >= LATENCY_SAMPLES) {
      let kept = 0;
      for (let i = 0; i < this.latencyCount; i += 2) this.latencies[kept++] = this.latencies[i]!;
      this.latencyCount = kept;
      this.stride *= 2;
    }
  }

  get done(): boolean {
    return !this.generating && this.open === 0;
  }

  snapshot(): PhaseMetrics {
    this.addServed();
    const sorted = this.latencies.slice(0, this.latencyCount).sort();
    const pct = (p: number) =>
      sorted.length
        ? round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!)
        : 0;
    return {
      index: this.index,
      action: this.action,
      label: this.label,
      start: round(this.start / TICKS_PER_SECOND),
      end: round(this.lastEnd / TICKS_PER_SECOND),
      requests: this.requests,
      results: { ...this.results },
      perPod: sortKeys(this.perPod),
      perNode: sortKeys(this.perNode),
      extraHops: this.extraHops,
      sourceIPs: Object.fromEntries(
        Object.entries(this.sourceIPs)
          .sort()
          .map(([k, v]) => [k, [...v].sort()]),
      ),
      latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99) },
      timeline: [...this.timeline.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([second, counts]) => ({ second, ...counts })),
    };
  }
}

const LATENCY_SAMPLES = 100_000;
/** Served keys kept apart at most: past them the counts go into the totals (old paths are let go). */
const SERVING_KEYS = 256;

interface Served {
  pod: string | null;
  node: string | null;
  sourceIP: string | null;
  extraHop: boolean;
  count: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort());
