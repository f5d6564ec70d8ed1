import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { StoreApi } from "zustand/vanilla";
import { createSimClient } from "../worker/client";
import {
  createPlaygroundStore,
  type PlaygroundOptions,
  type PlaygroundStore,
} from "../store/playgroundStore";
import { capturePlayground, embedCode, shareLink } from "./capture";
import { decodeShared } from "./link";

const SCENARIO = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");

async function until(store: StoreApi<PlaygroundStore>, ok: (s: PlaygroundStore) => boolean) {
  for (let i = 0; i < 4000 && !ok(store.getState()); i++) await new Promise((r) => setTimeout(r, 5));
  return store.getState();
}

async function ready(opts: Partial<PlaygroundOptions> = {}) {
  const store = createPlaygroundStore({
    scenario: SCENARIO,
    client: createSimClient({ forceInProcess: true }),
    ...opts,
  });
  await until(store, (s) => s.cluster !== null && s.sim !== null);
  return store;
}

describe("a playground shared and opened again", { timeout: 60_000 }, () => {
  it("opens at the same moment with the same counts, layout and text", async () => {
    const a = await ready({ seed: 3 });
    a.getState().setPositions({ "node:node-1": { x: 120, y: 45 } });
    await a
      .getState()
      .client.act({ type: "burst", from: "client:laptop", to: "192.168.1.3:30080", count: 4 });
    await a.getState().client.seek(40_000);
    await a.getState().client.act({ type: "failNode", node: "node-3" });
    await a.getState().client.seek(90_000);
    const captured = await capturePlayground(a, "ko", "");
    if (!captured.ok) throw new Error(captured.code);
    const opened = await decodeShared(captured.payload);
    if (!opened.ok) throw new Error(opened.code);
    const st = opened.state;
    expect([st.seed, st.lang, st.journal.length]).toEqual([3, "ko", 2]);

    const b = await ready({
      scenario: st.yaml,
      seed: st.seed,
      positions: st.positions,
      replay: { entries: st.journal, at: st.at },
    });
    const sb = await until(b, (s) => s.sim?.now === 90_000);
    const sa = a.getState();
    expect(sb.yaml).toBe(sa.appliedYaml);
    expect(sb.positions).toEqual(sa.positions);
    expect([sb.sim!.eventsProcessed, sb.sim!.phases, sb.sim!.nodes]).toEqual([
      sa.sim!.eventsProcessed,
      sa.sim!.phases,
      sa.sim!.nodes,
    ]);
    expect(sb.sim!.running).toBe(false);
    a.getState().client.dispose();
    b.getState().client.dispose();
  });

  it("says so when the run cannot be replayed on the scenario, and keeps the scenario open", async () => {
    const b = await ready({ replay: { entries: [], at: { events: 7, tick: 0 } } });
    const s = await until(b, (x) => x.notice !== null);
    expect(s.notice).toMatchObject({ key: "share.runNotRestored" });
    expect(s.cluster).not.toBeNull();
    b.getState().client.dispose();
  });
});

describe("link and embed code", () => {
  it("puts the payload in the fragment of the page's address", () => {
    expect(shareLink("https://example.org/kube-hops/", "abc")).toBe("https://example.org/kube-hops/#s=abc");
  });

  it("makes an iframe in embed mode, lazily loaded and sandboxed, its title escaped", () => {
    expect(embedCode("https://example.org/k/", "abc", 'Kube Hops: "a" <b>')).toBe(
      '<iframe src="https://example.org/k/?embed#s=abc" width="700" height="450" ' +
        'title="Kube Hops: &quot;a&quot; &lt;b&gt;" loading="lazy" ' +
        'sandbox="allow-scripts allow-same-origin allow-popups" style="border:0"></iframe>',
    );
  });
});
