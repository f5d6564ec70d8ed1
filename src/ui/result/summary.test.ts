import { describe, expect, it } from "vitest";
import { HOP, type PhaseMetrics } from "../../engine/sim/types";
import type { HopLogEntry } from "../../store/hopLog";
import { summarizePhase } from "./summary";

const phase = (start: number): PhaseMetrics => ({
  index: 0,
  action: "send",
  label: "",
  start,
  end: start + 0.004,
  requests: 1,
  results: { delivered: 1, refused: 0, rejected: 0, dropped: 0, timeout: 0 },
  perPod: { "default/web-1": 1 },
  perNode: { "node-2": 1 },
  extraHops: 1,
  sourceIPs: { "default/web-1": ["10.244.0.2"] },
  latencyMs: { p50: 3.45, p95: 3.45, p99: 3.45 },
  timeline: [],
});

const hop = (seq: number, start: number, from: string, to: string, flags = 0): HopLogEntry => ({
  seq,
  start,
  end: start + 100,
  packet: 7,
  connection: 6,
  from,
  to,
  link: "",
  flags,
  src: "10.244.0.2:40000",
  dst: "10.244.1.2:80",
  rules: [],
  note: "",
});

describe("summarizePhase", () => {
  it("finds a request whose first hop starts just before the phase's start rounded to the millisecond", () => {
    // The phase began at tick 10_996_600, which the metrics round to 10.997 s.
    const log = [
      hop(0, 10_996_600, "pod:default/client", "node:node-1"),
      hop(1, 10_996_700, "node:node-1", "node:node-2"),
      hop(2, 10_997_700, "node:node-2", "pod:default/web-1", HOP.deliver),
    ];
    const r = summarizePhase(phase(10.997), log);
    expect(r).toMatchObject({ kind: "single", entry: "node-1", client: "10.244.0.2", seen: "10.244.0.2" });
  });
});
