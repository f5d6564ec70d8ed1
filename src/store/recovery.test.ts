// The store's recoveries: a damaged saved entry, a first load that fails, a worker that hangs or fails.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { enT } from "../i18n/english.test-util";
import { say } from "../i18n/phrase";
import type { InMessage } from "../protocol/messages";
import { createSimClient, type SimClient } from "../worker/client";
import { startInProcess } from "../worker/inProcess";
import type { WorkerLike } from "../worker/transport";
import { createPlaygroundStore, type PlaygroundStore } from "./playgroundStore";
import type { StoreApi } from "zustand/vanilla";

const SCENARIO = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");
const MINE = SCENARIO.replace("replicas: 3", "replicas: 2");
const LIMIT = 300;

const memory = new Map<string, string>();
Object.defineProperty(globalThis, "localStorage", {
  configurable: true,
  value: {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  },
});
const stores: StoreApi<PlaygroundStore>[] = [];
afterEach(() => {
  memory.clear();
  for (const s of stores.splice(0)) s.getState().client.dispose();
});

function make(client: SimClient, storageKey?: string) {
  const store = createPlaygroundStore({ scenario: SCENARIO, client, ...(storageKey ? { storageKey } : {}) });
  stores.push(store);
  return store;
}

/** Waits until `ok` holds (the worker answers in microtasks and timers). */
async function until(ok: () => boolean, ms = 20_000): Promise<void> {
  for (let t = 0; t < ms && !ok(); t += 10) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
}

/** An in-process runner that never answers the commands `hangs` picks (the worker stuck in them). */
function hangingWorker(hangs: (msg: InMessage) => boolean, workers: WorkerLike[] = []): () => WorkerLike {
  return () => {
    const inner = startInProcess();
    const w: WorkerLike = {
      post: (msg, transfer) => (hangs(msg) ? undefined : inner.post(msg, transfer)),
      listen: (onMessage, onError) => inner.listen(onMessage, onError),
      terminate: () => inner.terminate(),
    };
    workers.push(w);
    return w;
  };
}

const loadsText = (text: string) => (m: InMessage) => m.type === "load" && m.files[0]?.text === text;
const notice = (s: StoreApi<PlaygroundStore>) => {
  const n = s.getState().notice;
  return n ? say(enT, n) : "";
};

describe("a damaged saved entry", { timeout: 60_000 }, () => {
  it("with a null among the positions: the text comes back, the rest is left out, and a notice says so", async () => {
    memory.set(
      "main",
      JSON.stringify({
        version: 1,
        yaml: MINE,
        positions: { "node:node-1": null, "node:node-2": { x: 5, y: 6 } },
      }),
    );
    const store = make(createSimClient({ forceInProcess: true }), "main");
    expect([store.getState().yaml, store.getState().positions]).toEqual([
      MINE,
      { "node:node-2": { x: 5, y: 6 } },
    ]);
    await until(() => !!store.getState().notice);
    expect(notice(store)).toMatch(
      /Part of your saved work could not be read.*your YAML is back.*main:damaged/,
    );
    expect(store.getState().cluster?.pods.filter((p) => p.owner?.startsWith("default/")).length).toBe(2);
  });

  it("whose text is not a string: the scenario loads, and a notice says where the entry went", async () => {
    memory.set("main", JSON.stringify({ version: 1, yaml: { evil: true } }));
    const store = make(createSimClient({ forceInProcess: true }), "main");
    expect(store.getState().yaml).toBe(SCENARIO);
    await until(() => !!store.getState().notice);
    expect(notice(store)).toMatch(/default scenario is loaded.*main:damaged/);
    expect(store.getState().cluster?.nodes.length).toBe(3);
  });
});

describe("a first load that fails outright", { timeout: 60_000 }, () => {
  it("shows the scenario instead, keeps the text in the editor, and says why", async () => {
    const real = createSimClient({ forceInProcess: true });
    const client: SimClient = Object.assign(Object.create(real) as SimClient, {
      load: (files: Parameters<SimClient["load"]>[0], seed?: number) =>
        files[0]?.text === MINE
          ? Promise.resolve({ ok: false as const, error: "TypeError: boom" })
          : real.load(files, seed),
    });
    memory.set("main", JSON.stringify({ version: 1, yaml: MINE }));
    const store = make(client, "main");
    await until(() => !!store.getState().cluster && !!store.getState().notice);
    const s = store.getState();
    expect([s.yaml, s.appliedYaml, s.cluster?.nodes.length]).toEqual([MINE, SCENARIO, 3]);
    expect(notice(store)).toMatch(
      /could not be loaded \(TypeError: boom\), so the default scenario is shown/,
    );
  });
});

describe("after the watchdog replaces the worker", { timeout: 60_000 }, () => {
  it("a first load that hangs: the scenario is loaded in a fresh worker, the text stays in the editor", async () => {
    memory.set("main", JSON.stringify({ version: 1, yaml: MINE }));
    const workers: WorkerLike[] = [];
    const client = createSimClient({
      createWorker: hangingWorker(loadsText(MINE), workers),
      timeoutMs: LIMIT,
    });
    const store = make(client, "main");
    await until(() => !!store.getState().cluster && !!store.getState().notice);
    const s = store.getState();
    expect([workers.length, s.yaml, s.appliedYaml, s.cluster?.nodes.length]).toEqual([2, MINE, SCENARIO, 3]);
    expect(notice(store)).toMatch(/took longer than 1\ss to load.*restarted with the default scenario/);
  });

  it("an edit that hangs: the last good cluster is loaded again, the edit stays in the editor", async () => {
    const client = createSimClient({ createWorker: hangingWorker(loadsText(MINE)), timeoutMs: LIMIT });
    const store = make(client);
    await until(() => !!store.getState().cluster);
    await store.getState().setYaml(MINE);
    await until(() => !!store.getState().notice);
    const s = store.getState();
    expect([
      s.yaml,
      s.appliedYaml,
      s.cluster?.pods.filter((p) => p.owner?.startsWith("default/")).length,
    ]).toEqual([MINE, SCENARIO, 3]);
    expect(notice(store)).toMatch(/took longer than .* restarted with the last cluster that loaded/);
  });

  it("an action that hangs: the cluster is loaded again, history is cleared, and a notice says so", async () => {
    const client = createSimClient({
      createWorker: hangingWorker((m) => m.type === "act"),
      timeoutMs: LIMIT,
    });
    const store = make(client);
    await until(() => !!store.getState().cluster);
    const ok = await store.getState().perform({
      label: { key: "history.failNode", params: { node: "node-1" } },
      actions: [{ type: "failNode", node: "node-1" }],
      inverse: [{ type: "recoverNode", node: "node-1" }],
    });
    expect(ok).toBe(false);
    await until(() => !!store.getState().notice);
    expect(notice(store)).toMatch(/did not answer for 1\ss, so it was restarted with the last cluster/);
    expect([store.getState().past, store.getState().appliedYaml]).toEqual([[], SCENARIO]);
    // The fresh worker answers.
    expect(await store.getState().client.pause()).toEqual({ ok: true, phase: null });
  });

  it("a slow first load the person stops: the scenario shows at once, the text stays in the editor", async () => {
    memory.set("main", JSON.stringify({ version: 1, yaml: MINE }));
    const client = createSimClient({ createWorker: hangingWorker(loadsText(MINE)) });
    const store = make(client, "main");
    await new Promise((r) => setTimeout(r, 50));
    client.restart();
    await until(() => !!store.getState().cluster, 1_000);
    expect([store.getState().yaml, store.getState().appliedYaml]).toEqual([MINE, SCENARIO]);
    expect(notice(store)).toMatch(/Loading was stopped, and the default scenario is shown/);
  });

  it("a worker that fails: the cluster is loaded again and the failure is named", async () => {
    let fail: (message: string) => void = () => {};
    const client = createSimClient({
      createWorker: () => {
        const inner = startInProcess();
        return {
          post: inner.post,
          listen: (onMessage, onError) => {
            fail = onError;
            inner.listen(onMessage, onError);
          },
          terminate: inner.terminate,
        };
      },
    });
    const store = make(client);
    await until(() => !!store.getState().cluster);
    fail("RangeError: Maximum call stack size exceeded");
    await until(() => !!store.getState().notice);
    expect(notice(store)).toBe(
      "The simulation failed (RangeError: Maximum call stack size exceeded), so it was restarted with the last cluster that loaded. Traffic and failed nodes start afresh.",
    );
    expect(store.getState().cluster?.nodes.length).toBe(3);
  });
});
