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
  private latencies: number[] = [];
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

  served(pod: string | null, node: string | null, sourceIP: string | null, extraHop: boolean): void {
    if (pod) this.perPod[pod] = (this.perPod[pod] ?? 0) + 1;
    if (node) this.perNode[node] = (this.perNode[node] ?? 0) + 1;
    if (pod && sourceIP) (this.sourceIPs[pod] ??= new Set()).add(sourceIP);
    if (extraHop) this.extraHops++;
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
    this.latencies.push(ms);
    if (this.latencies.length >= LATENCY_SAMPLES) {
      this.latencies = this.latencies.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
    }
  }

  get done(): boolean {
    return !this.generating && this.open === 0;
  }

  snapshot(): PhaseMetrics {
    const sorted = [...this.latencies].sort((a, b) => a - b);
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

const round = (x: number) => Math.round(x * 1000) / 1000;
const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort());
