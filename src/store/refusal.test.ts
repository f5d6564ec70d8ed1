// The engine's refusals in the view's words: in English exactly the engine's message (the CLI's words),
// checked on refusals the real simulation gives for every worded code; in Korean, Korean.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- the view's words are checked against the engine's own
import { Simulation } from "../engine/sim/simulation";
import { makeT } from "../i18n/core";
import { en } from "../i18n/en";
import { ko } from "../i18n/ko/index";
import { say } from "../i18n/phrase";
import { type EngineError, WORKER_REFUSAL_CODES, workerRefusal } from "../protocol/errors";
import type { SimAction } from "../protocol/simulation";
import { refusalMessage } from "./refusal";

const DEFAULT = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");
const tEn = makeT("en", en, en);
const tKo = makeT("ko", ko, en);

const EXTRA = `
apiVersion: v1
kind: Service
metadata: {name: away}
spec: {type: ExternalName, externalName: example.com}
---
apiVersion: v1
kind: Pod
metadata: {name: waiting}
spec: {nodeSelector: {disk: none}, containers: [{name: c, image: nginx}]}
`;
const sim = Simulation.load([{ file: "s.yaml", text: `${DEFAULT}---${EXTRA}` }]);
const web = sim.cluster.pods.find((p) => p.metadata.name.startsWith("web-"))!.metadata.name;
const from = (f: string, to = "192.168.1.2:30080"): SimAction => ({ type: "send", from: f, to });

/** One action per worded code, each refused by the real simulation (some after an action that sets it up). */
const CASES: [string, SimAction[]][] = [
  ["unknown-node", [{ type: "failNode", node: "node-9" }]],
  ["unknown-pod", [{ type: "deletePod", pod: "default/none" }]],
  ["unknown-deployment", [{ type: "scale", deployment: "default/none", replicas: 1 }]],
  ["unknown-client", [from("client:phone")]],
  ["unknown-phase", [{ type: "stopTraffic", phase: 7 }]],
  [
    "node-already-down",
    [
      { type: "failNode", node: "node-3" },
      { type: "failNode", node: "node-3" },
    ],
  ],
  ["node-not-down", [{ type: "recoverNode", node: "node-2" }]],
  [
    "pod-already-terminating",
    [
      { type: "deletePod", pod: `default/${web}` },
      { type: "deletePod", pod: `default/${web}` },
    ],
  ],
  ["pod-without-ip", [from("pod:default/waiting")]],
  ["invalid-source", [from("pod")]],
  ["invalid-source-ip", [from("ip:zz")]],
  ["invalid-destination", [from("client:laptop", "1.2.3.4")]],
  ["name-needs-pod", [from("client:laptop", "web:80")]],
  ["name-external", [from(`pod:default/${web}`, "away:80")]],
  ["name-not-found", [from(`pod:default/${web}`, "nowhere:80")]],
  ["family-mismatch", [from("client:laptop", "[fd00::1]:80")]],
];

function refusal(actions: SimAction[]): EngineError {
  let last = null;
  for (const a of actions) last = sim.act(a);
  if (!last || last.ok) throw new Error(`not refused: ${JSON.stringify(actions)}`);
  return last.error;
}

describe("the engine's refusals in the view's words", () => {
  for (const [code, actions] of CASES)
    it(`words ${code} in English as the engine says it, and in Korean otherwise`, () => {
      const e = refusal(actions);
      expect(e.code).toBe(code);
      const m = refusalMessage({ ok: false, error: e.message, refusal: e });
      expect("key" in m).toBe(true);
      expect(say(tEn, m)).toBe(e.message);
      expect(say(tKo, m)).not.toBe(e.message);
    });

  it("shows the engine's and the API server's own words as they came (invalid-action, invalid-object)", () => {
    const bad = refusal([{ type: "scale", deployment: "default/web", replicas: -1 }]);
    const object = refusal([{ type: "apply", manifest: "kind: Pod" }]);
    expect([bad.code, object.code]).toEqual(["invalid-action", "invalid-object"]);
    for (const e of [bad, object])
      expect(refusalMessage({ ok: false, error: e.message, refusal: e })).toEqual({ text: e.message });
  });

  it("shows a fault without a code as it came", () => {
    expect(refusalMessage({ ok: false, error: "boom" })).toEqual({ text: "boom" });
  });
});

describe("the worker's own refusals in the view's words", () => {
  const params = { factor: 99, min: 0.1, max: 10, tick: -1, limit: 5, events: 7, reason: "no pod x" };
  for (const code of WORKER_REFUSAL_CODES)
    it(`words ${code} in English as the worker says it, and in Korean otherwise`, () => {
      const r = workerRefusal(code, params);
      const m = refusalMessage({ ok: false, error: r.message, refusal: r });
      expect("key" in m).toBe(true);
      expect(say(tEn, m)).toBe(r.message);
      expect(say(tKo, m)).not.toBe(r.message);
    });
});
