import { describe, expect, it } from "vitest";
import { RESTORE_EVENT_LIMIT } from "../protocol/messages";
import { packText } from "./codec";
import { sharedPayload, withSharedPayload } from "./fragment";
import { decodeShared, encodeShared, JOURNAL_LIMIT, type SharedState } from "./link";

const STATE: SharedState = {
  yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web # 웹\n",
  positions: { "node:node-1": { x: 10, y: -20.5 } },
  seed: 7,
  journal: [
    { events: 0, tick: 0, action: { type: "send", from: "client:laptop", to: "192.168.1.3:30080" } },
    { events: 12, tick: 4_000, action: { type: "failNode", node: "node-3" } },
  ],
  at: { events: 40, tick: 90_000 },
  lesson: 6,
  step: 2,
  lang: "ko",
};

async function payloadOf(json: unknown): Promise<string> {
  return packText(JSON.stringify(json));
}

/** The state's JSON as encodeShared writes it, with `patch` over it. */
const json = (patch: Record<string, unknown>) => ({ v: 1, ...STATE, ...patch });

async function roundTrip(s: SharedState) {
  const e = await encodeShared(s);
  if (!e.ok) throw new Error(e.code);
  return decodeShared(e.payload);
}

describe("encodeShared / decodeShared", () => {
  it("gives back the whole state", async () => {
    expect(await roundTrip(STATE)).toEqual({ ok: true, state: STATE });
  });

  it("gives back the namespace shown and the folded nodes", async () => {
    const view = { namespace: "shop", collapsed: { "node-1": true, "node-2": false } };
    expect(await roundTrip({ ...STATE, view })).toEqual({ ok: true, state: { ...STATE, view } });
  });

  it("leaves the default view out of the link", async () => {
    const view = { namespace: null, collapsed: {} };
    expect(await roundTrip({ ...STATE, view })).toEqual({ ok: true, state: STATE });
  });

  it("gives back a state with no lesson and no actions", async () => {
    const { lesson: _l, step: _s, ...plain } = STATE;
    const s = { ...plain, journal: [], at: { events: 0, tick: 0 } };
    expect(await roundTrip(s)).toEqual({ ok: true, state: s });
  });

  it("refuses to share more actions than a link carries", async () => {
    const journal = Array.from({ length: JOURNAL_LIMIT + 1 }, () => STATE.journal[0]!);
    expect(await encodeShared({ ...STATE, journal })).toMatchObject({
      ok: false,
      code: "tooManyActions",
      count: JOURNAL_LIMIT + 1,
    });
  });

  it("refuses to share a run longer than a visitor's page would replay", async () => {
    expect(
      await encodeShared({ ...STATE, at: { events: RESTORE_EVENT_LIMIT + 1, tick: 90_000 } }),
    ).toMatchObject({
      ok: false,
      code: "runTooLong",
    });
  });

  it("refuses to share a state whose link would pass the length limit", async () => {
    // Text that does not compress: random-looking names.
    let yaml = "";
    for (let i = 0; yaml.length < 400_000; i++) yaml += `${((i * 2654435761) >>> 0).toString(36)}\n`;
    expect(await encodeShared({ ...STATE, yaml })).toMatchObject({ ok: false, code: "tooLarge" });
  });
});

describe("decodeShared: a damaged or hostile link", () => {
  it("names the codec's reason for a cut-short payload", async () => {
    const e = await encodeShared({ ...STATE, yaml: STATE.yaml.repeat(100) });
    if (!e.ok) throw new Error(e.code);
    expect(await decodeShared(e.payload.slice(0, 40))).toEqual({ ok: false, code: "damaged" });
  });

  it("refuses text that would inflate past the limit before looking at its fields", async () => {
    // The limit on inflated text (LINK_TEXT_LIMIT) is also the autosave's limit on YAML.
    const yaml = "x".repeat(1_000_001);
    expect(await decodeShared(await payloadOf(json({ yaml })))).toEqual({ ok: false, code: "tooLarge" });
  });

  it("says a payload of other text is not JSON", async () => {
    expect(await decodeShared(await packText("kind: Service"))).toEqual({ ok: false, code: "notJson" });
  });

  it("says JSON that is not an object is not a link", async () => {
    expect(await decodeShared(await payloadOf([1, 2]))).toEqual({ ok: false, code: "notJson" });
  });

  it("refuses another version, saying which", async () => {
    expect(await decodeShared(await payloadOf(json({ v: 2 })))).toEqual({
      ok: false,
      code: "version",
      version: 2,
    });
  });

  it.each([
    ["yaml", { yaml: 42 }],
    ["positions", { positions: { "node:a": { x: "1", y: 2 } } }],
    ["positions", { positions: { "node:a": { x: 1e300, y: 2 } } }],
    ["seed", { seed: -1 }],
    ["seed", { seed: 1.5 }],
    ["journal", { journal: "send" }],
    ["journal", { journal: [{ events: 0, tick: 0, action: { type: "exec", command: "rm -rf /" } }] }],
    [
      "journal",
      { journal: [{ events: 0, tick: 0, action: { type: "burst", from: "a", to: "b", count: 1e9 } }] },
    ],
    ["journal", { journal: [{ events: -1, tick: 0, action: STATE.journal[0]!.action }] }],
    ["journal", { journal: [...STATE.journal].reverse() }],
    ["journal", { journal: Array.from({ length: JOURNAL_LIMIT + 1 }, () => STATE.journal[0]) }],
    ["at", { at: { events: RESTORE_EVENT_LIMIT + 1, tick: 0 } }],
    ["at", { at: { events: 1, tick: 1 } }],
    ["at", { at: undefined }],
    ["lesson", { lesson: 0 }],
    ["step", { step: "2" }],
    ["lang", { lang: "fr" }],
    ["view", { view: { namespace: 7, collapsed: {} } }],
    ["view", { view: { namespace: null, collapsed: { "node-1": "yes" } } }],
    ["view", { view: { namespace: "x".repeat(254), collapsed: {} } }],
    ["view", { view: { namespace: null } }],
  ])("names the field %s when it fails its check (case %#)", async (field, patch) => {
    expect(await decodeShared(await payloadOf(json(patch)))).toEqual({ ok: false, code: "field", field });
  });

  it("does not let a __proto__ position reach the object's prototype", async () => {
    const text = JSON.stringify(json({})).replace('"node:node-1"', '"__proto__"');
    expect(await decodeShared(await packText(text))).toEqual({
      ok: false,
      code: "field",
      field: "positions",
    });
  });
});

describe("the fragment", () => {
  it("reads the payload beside a lesson's parameters", () => {
    expect(sharedPayload("#lesson=6&step=3&s=abc-_")).toBe("abc-_");
  });

  it("has no payload when there is no s parameter", () => {
    expect(sharedPayload("#lesson=6&step=3")).toBeNull();
  });

  it("takes the payload out and keeps the lesson", () => {
    expect(withSharedPayload("#lesson=6&step=3&s=abc", null)).toBe("#lesson=6&step=3");
  });

  it("puts a payload in an empty fragment", () => {
    expect(withSharedPayload("", "abc-_")).toBe("#s=abc-_");
  });
});
