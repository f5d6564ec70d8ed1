// Frame-time summaries.
export interface FrameSample {
  deltas: number[];
  flight: { n: number; src: string }[];
  elapsed: number;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export function frameStats(s: FrameSample) {
  const d = [...s.deltas].sort((a, b) => a - b);
  const out = {
    frames: d.length,
    seconds: r2(s.elapsed / 1000),
    fps: r1(d.length / (s.elapsed / 1000)),
    p50ms: r2(quantile(d, 0.5)),
    p95ms: r2(quantile(d, 0.95)),
    p99ms: r2(quantile(d, 0.99)),
    maxMs: r2(d.at(-1) ?? NaN),
    over33ms: d.filter((x) => x > 33.4).length,
  };
  if (!s.flight.some((f) => f.n > 0)) return out;
  const n = s.flight.map((f) => f.n).sort((a, b) => a - b);
  return {
    ...out,
    packetsInFlight: {
      source: s.flight[0]?.src ?? "none",
      mean: Math.round(n.reduce((a, b) => a + b, 0) / n.length),
      min: n[0]!,
      p50: quantile(n, 0.5),
      max: n.at(-1)!,
      samples: n.length,
    },
  };
}
