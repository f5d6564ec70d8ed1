// A phase's metrics: served counts kept by the caller's key and added up when read; latency samples thinned.
import { describe, expect, it } from "vitest";
import { PhaseRecorder } from "./metrics";
import { TICKS_PER_MS } from "./types";

describe("PhaseRecorder.served", () => {
  it("adds up requests served under many keys into per-pod, per-node, source and extra-hop totals", () => {
    const rec = new PhaseRecorder(0, "rate", "", 0);
    // More keys than are kept apart, so that some counts are added up before the snapshot.
    for (let i = 0; i < 1000; i++) {
      const key = { i };
      rec.served(key, `default/web-${i % 3}`, `node-${i % 2}`, "192.168.1.2", i % 4 === 0);
      rec.served(key, `default/web-${i % 3}`, `node-${i % 2}`, "192.168.1.2", i % 4 === 0);
    }
    const m = rec.snapshot();
    expect([m.perPod, m.perNode, m.sourceIPs, m.extraHops]).toEqual([
      { "default/web-0": 668, "default/web-1": 666, "default/web-2": 666 },
      { "node-0": 1000, "node-1": 1000 },
      {
        "default/web-0": ["192.168.1.2"],
        "default/web-1": ["192.168.1.2"],
        "default/web-2": ["192.168.1.2"],
      },
      500,
    ]);
    expect(rec.snapshot().perPod).toEqual(m.perPod);
  });
});

describe("PhaseRecorder latencies", () => {
  it("keeps the percentiles of far more delivered requests than it holds samples", () => {
    const rec = new PhaseRecorder(0, "rate", "", 0);
    // 1..1001 ms over and over (an odd period, so every other sample still sees every value).
    for (let i = 0; i < 450_000; i++) {
      rec.started();
      rec.ended("delivered", 0, ((i % 1001) + 1) * TICKS_PER_MS);
    }
    const { p50, p95, p99 } = rec.snapshot().latencyMs;
    expect([p50 / 501, p95 / 951, p99 / 991].map((x) => Math.abs(x - 1) < 0.005)).toEqual([true, true, true]);
  });
});
