import { describe, expect, it } from "vitest";
import type { PhaseMetrics } from "../../protocol/simulation";
import { enT } from "../../i18n/english.test-util";
import { formatMs, summarise } from "./stats";

const phase = (
  index: number,
  perPod: Record<string, number>,
  extra: Partial<PhaseMetrics> = {},
): PhaseMetrics => ({
  index,
  action: "burst",
  label: "",
  start: 0,
  end: 0,
  requests: Object.values(perPod).reduce((a, b) => a + b, 0),
  results: {
    delivered: Object.values(perPod).reduce((a, b) => a + b, 0),
    refused: 0,
    rejected: 0,
    dropped: 0,
    timeout: 0,
  },
  perPod,
  perNode: {},
  extraHops: 0,
  sourceIPs: {},
  latencyMs: { p50: 2, p95: 4, p99: 5 },
  timeline: [],
  ...extra,
});

describe("summarise", () => {
  it("sums requests per pod over phases, most first", () => {
    const s = summarise([phase(0, { "default/a": 2, "default/b": 1 }), phase(1, { "default/b": 3 })], enT);
    expect([s.requests, s.perPod]).toEqual([
      6,
      [
        { pod: "default/b", count: 4 },
        { pod: "default/a", count: 2 },
      ],
    ]);
  });
  it("adds results, extra hops and the source IPs each pod saw", () => {
    const s = summarise(
      [
        phase(0, { "default/a": 1 }, { extraHops: 1, sourceIPs: { "default/a": ["192.168.1.3"] } }),
        phase(
          1,
          {},
          {
            requests: 2,
            results: { delivered: 0, refused: 0, rejected: 1, dropped: 0, timeout: 1 },
            sourceIPs: { "default/a": ["192.168.1.10", "192.168.1.3"] },
          },
        ),
      ],
      enT,
    );
    expect([s.results, s.ended, s.extraHops, s.sourceIPs]).toEqual([
      { delivered: 1, refused: 0, rejected: 1, dropped: 0, timeout: 1 },
      3,
      1,
      [{ pod: "default/a", ips: ["192.168.1.10", "192.168.1.3"] }],
    ]);
  });
  it("names phases without a label by action and number", () => {
    expect(summarise([phase(0, {})], enT).phases[0]).toEqual({
      index: 0,
      label: "burst #1",
      requests: 0,
      delivered: 0,
      p50: 2,
      p95: 4,
    });
  });
});

describe("formatMs", () => {
  it("reads milliseconds", () => {
    const ms = (n: number) => formatMs(n, enT, "en");
    expect([ms(0.844), ms(12.34), ms(1200), ms(0), ms(NaN)]).toEqual([
      "0.84 ms",
      "12.3 ms",
      "1.20 s",
      "–",
      "–",
    ]);
  });
});
