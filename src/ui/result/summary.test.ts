// The result line on real simulation output: a single request's path in words, a burst's split, and
// a drop's reason from its code.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- the result line is checked on real simulation output
import { Simulation } from "../../engine/sim/simulation";
import { HOP, type PhaseMetrics, type SimAction } from "../../protocol/simulation";
import { makeT } from "../../i18n/core";
import { en } from "../../i18n/en";
import { ko } from "../../i18n/ko/index";
import type { HopLogEntry } from "../../store/hopLog";
import { summarizePhase } from "./summary";
import { resultWords } from "./words";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
const LOCAL = DEFAULT.replace("  type: NodePort\n", "  type: NodePort\n  externalTrafficPolicy: Local\n");
const enT = makeT("en", en, en);
const koT = makeT("ko", ko, en);

/** Runs one action to its end and returns the phase with the hop rows the view would have logged. */
function run(manifests: string, action: SimAction) {
  const sim = Simulation.load([{ file: "s.yaml", text: manifests }], { seed: 1 });
  const r = sim.act(action);
  if (!r.ok) throw new Error(r.error.message);
  const out = sim.advanceTo(30_000_000);
  const log: HopLogEntry[] = out.hops.events().map((h, seq) => ({ ...h, seq }));
  return summarizePhase(sim.phases().at(-1)!, log);
}

const send = (to: string): SimAction => ({ type: "send", from: "client:laptop", to });

describe("result line", () => {
  it("says where a NodePort request went, the extra hop, the SNATed source and the time", () => {
    const r = run(DEFAULT, send("192.168.1.2:30080"));
    expect(resultWords(enT, r)).toMatch(
      /^Delivered to web-\w{5} on node-[23] · extra hop node-1 → node-[23] · the pod saw 192\.168\.1\.2 \(SNAT\) · [\d.]+ ms$/,
    );
  });

  it("says the client's own IP survived under externalTrafficPolicy Local, with no extra hop", () => {
    const r = run(LOCAL, send("192.168.1.4:30080"));
    expect(resultWords(enT, r)).toMatch(
      /^Delivered to web-\w{5} on node-3 · no extra hop · the pod saw 192\.168\.1\.10, the client's own IP/,
    );
  });

  it("names the node and the reason of a drop, from its reason code", () => {
    const r = run(LOCAL, send("192.168.1.2:30080"));
    expect(resultWords(enT, r)).toBe("Dropped at node-1: externalTrafficPolicy Local and no local endpoint");
    expect(resultWords(koT, r)).toBe(
      "node-1에서 드롭됨: externalTrafficPolicy가 Local인데 이 노드에 엔드포인트가 없음",
    );
  });

  it("sums a burst up per result and per pod, with the extra-hop share", () => {
    const r = run(DEFAULT, { type: "burst", from: "client:laptop", to: "192.168.1.3:30080", count: 30 });
    if (r.kind !== "many") throw new Error("a burst is many requests");
    const text = resultWords(enT, r);
    expect(text).toMatch(
      /^30 requests: 30 delivered · web-\w{5} \d+, web-\w{5} \d+, web-\w{5} \d+ · \d+% extra hops/,
    );
    expect(r.perPod.reduce((a, [, n]) => a + n, 0)).toBe(30);
  });
});

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

  it("ignores an earlier request's late hops (its timeout marker) when naming the phase's request", () => {
    const log = [
      hop(0, 5_000_000, "client:laptop", "client:laptop", HOP.timeout),
      hop(1, 4_999_000, "pod:default/client", "node:node-1"),
      hop(2, 4_999_100, "node:node-1", "node:node-2"),
    ].map((h, i) => ({ ...h, packet: i === 0 ? 3 : 7 }));
    const r = summarizePhase(phase(4.999), log);
    expect(r).toMatchObject({ kind: "single", entry: "node-1", client: "10.244.0.2" });
  });

  it("names the request's own packet, not its name lookup's query (HOP.dns) sent before it", () => {
    const log = [
      hop(0, 4_999_000, "pod:default/client", "node:node-3", HOP.dns),
      hop(1, 4_999_100, "node:node-3", "node:node-1", HOP.dns),
      hop(2, 5_002_000, "pod:default/client", "node:node-1"),
    ].map((h, i) => ({ ...h, packet: i < 2 ? 3 : 7 }));
    const r = summarizePhase(phase(4.999), log);
    expect(r).toMatchObject({ kind: "single", entry: "node-1" });
  });
});
