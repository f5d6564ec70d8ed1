// The result line on real simulation output: a single request's path in words, a burst's split, and
// a drop's reason from its code.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Simulation } from "../../engine/sim/simulation";
import type { SimAction } from "../../engine/sim/types";
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
  if (!r.ok) throw new Error(r.error);
  const out = sim.advanceTo(30_000_000);
  const log: HopLogEntry[] = out.hops.map((h, seq) => ({ ...h, seq }));
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
