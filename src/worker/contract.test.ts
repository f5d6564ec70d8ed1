// One contract, two engines: the same suite runs against the in-process client and through a real
// worker thread (DigitalJS runs every suite on both of its engines the same way).
import { afterEach, describe, expect, it } from "vitest";
import { HOP, type HopEvent } from "../engine/sim/types";
import type { SimState } from "../protocol/messages";
import { createSimClient, type SimClient, type SimError } from "./client";
import { LAPTOP_TO_NODEPORT, scenario } from "./testing/fixtures";
import { startNodeWorker } from "./testing/nodeWorker";

function observe(client: SimClient) {
  const seen = { hops: [] as HopEvent[], batches: 0, states: [] as SimState[], errors: [] as SimError[] };
  client.onHops((b) => {
    seen.batches++;
    seen.hops.push(...b.events());
  });
  client.onState((s) => seen.states.push(s));
  client.onError((e) => seen.errors.push(e));
  return { get: () => seen, lastState: () => seen.states.at(-1)! };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function contractSuite(name: string, makeClient: () => SimClient, mode: SimClient["mode"]) {
  // A worker thread compiles the engine (tsx) before it answers: several seconds on a busy 2-core
  // machine, so each test gets time for a boot under load, not vitest's 5 s.
  const timeout = mode === "worker" ? 60_000 : 10_000;
  describe(`simulation client contract: ${name}`, { timeout }, () => {
    const clients: SimClient[] = [];
    const make = () => {
      const c = makeClient();
      clients.push(c);
      return c;
    };
    afterEach(() => {
      for (const c of clients.splice(0)) c.dispose();
    });

    it(`runs ${mode === "worker" ? "in a worker" : "in process"}`, async () => {
      const c = make();
      await c.load(scenario(), 3);
      expect(c.mode).toBe(mode);
    });

    it("answers load with the cluster summary", async () => {
      const r = await make().load(scenario(), 3);
      expect(r.ok && r.cluster.nodes.map((n) => n.name)).toEqual(["node-1", "node-2", "node-3"]);
    });

    it("holds commands sent before ready and answers them in order", async () => {
      const c = make();
      const order: string[] = [];
      const track = <T>(label: string, p: Promise<T>) => p.then((r) => (order.push(label), r));
      const results = await Promise.all([
        track("load", c.load(scenario(), 3)),
        track("act", c.act(LAPTOP_TO_NODEPORT)),
        track("step", c.step()),
      ]);
      expect([order, results.map((r) => r.ok)]).toEqual([
        ["load", "act", "step"],
        [true, true, true],
      ]);
    });

    it("delivers a request in hop batches while running", async () => {
      const c = make();
      const o = observe(c);
      await c.load(scenario(), 3);
      await c.act(LAPTOP_TO_NODEPORT);
      await c.setSpeed(20);
      await c.run();
      const delivered = () => o.get().hops.some((h) => h.flags & HOP.reply && h.flags & HOP.deliver);
      // Wall time only decides how soon; the loop is bounded so a broken run fails instead of hanging.
      for (let i = 0; i < 2000 && !delivered(); i++) {
        c.frame();
        await sleep(5);
      }
      expect(delivered()).toBe(true);
    });

    it("gives the run's journal, and a second client restores it to the same point", async () => {
      const a = make();
      await a.load(scenario(), 3);
      await a.act(LAPTOP_TO_NODEPORT);
      await a.step();
      await a.act({ type: "failNode", node: "node-3" });
      await a.seek(30_000);
      const j = await a.journal();
      if (!j.ok) throw new Error(j.error);
      expect(j.entries.map((e) => e.action.type)).toEqual(["send", "failNode"]);
      const b = make();
      const o = observe(b);
      await b.load(scenario(), j.seed);
      expect((await b.restore(j.entries, j.at)).ok).toBe(true);
      expect([o.lastState().now, o.lastState().eventsProcessed]).toEqual([j.at.tick, j.at.events]);
    });

    it("answers an action on a missing node with an error naming it", async () => {
      const c = make();
      const o = observe(c);
      await c.load(scenario(), 3);
      const r = await c.act({ type: "failNode", node: "node-9" });
      expect([r, o.get().errors.map((e) => e.message)]).toEqual([
        {
          ok: false,
          error: 'no node named "node-9"',
          refusal: { code: "unknown-node", params: { node: "node-9" }, message: 'no node named "node-9"' },
        },
        [expect.stringContaining("node-9")],
      ]);
    });

    it("keeps the simulation going after a refused action", async () => {
      const c = make();
      await c.load(scenario(), 3);
      await c.act({ type: "failNode", node: "node-9" });
      await c.act(LAPTOP_TO_NODEPORT);
      expect(await c.step()).toEqual({ ok: true, phase: null });
    });

    it("step gives exactly one hop event", async () => {
      const c = make();
      const o = observe(c);
      await c.load(scenario(), 3);
      await c.act(LAPTOP_TO_NODEPORT);
      await c.step();
      expect(o.get().hops.length).toBe(1);
    });

    it("back returns to the previous state, and the same hop comes next", async () => {
      const c = make();
      const o = observe(c);
      await c.load(scenario(), 3);
      await c.act(LAPTOP_TO_NODEPORT);
      await c.step();
      const before = o.lastState();
      await c.step();
      const next = o.get().hops.at(-1);
      await c.back();
      const after = o.lastState();
      await c.step();
      expect([after.now, after.eventsProcessed, o.get().hops.at(-1)]).toEqual([
        before.now,
        before.eventsProcessed,
        next,
      ]);
    });

    it("gives identical batches for the same seed and the same actions", async () => {
      const record = async () => {
        const c = make();
        const o = observe(c);
        await c.load(scenario(), 11);
        await c.act({ ...LAPTOP_TO_NODEPORT, type: "burst", count: 3, intervalTicks: 400 });
        for (let i = 0; i < 6; i++) await c.step();
        await c.back();
        await c.step();
        await c.seek(6000);
        return { hops: o.get().hops, batches: o.get().batches, state: o.lastState() };
      };
      expect(await record()).toEqual(await record());
    });

    it("reports a speed change in its state", async () => {
      const c = make();
      const o = observe(c);
      await c.load(scenario(), 3);
      await c.setSpeed(5);
      expect(o.lastState().speed).toBe(5);
    });

    it("refuses a speed outside 0.1..20 and keeps the old one", async () => {
      const c = make();
      const o = observe(c);
      await c.load(scenario(), 3);
      const r = await c.setSpeed(0);
      await c.pause();
      expect([r.ok, o.lastState().speed]).toEqual([false, 1]);
    });

    it("inspects a Service's rules on a node and a Pod's discovery", async () => {
      const c = make();
      const r = await c.load(scenario(), 3);
      const pod = r.ok ? r.cluster.pods[0]!.name : "";
      const svc = await c.inspect("svc:default/web", "node-2");
      const p = await c.inspect(`pod:${pod}`);
      const bad = await c.inspect("node:node-1");
      const s = svc.ok && svc.result.kind === "service" ? svc.result : null;
      const env = p.ok && p.result.kind === "pod" ? p.result.env.map((e) => e.name) : [];
      expect({
        node: s?.node,
        chains: s?.chains.some((ch) => ch.chain.startsWith("KUBE-SVC-")),
        sample: s?.samples[0]?.action,
        env: env.includes("KUBERNETES_SERVICE_HOST"),
        bad: bad.ok,
      }).toEqual({ node: "node-2", chains: true, sample: "dnat", env: true, bad: false });
    });

    it("keeps two clients apart", async () => {
      const a = make();
      const b = make();
      const ob = observe(b);
      await Promise.all([a.load(scenario(), 3), b.load(scenario(), 3)]);
      await a.act(LAPTOP_TO_NODEPORT);
      await a.step();
      await b.pause();
      expect([ob.get().hops.length, ob.lastState().eventsProcessed]).toEqual([0, 0]);
    });
  });
}

contractSuite("in process", () => createSimClient({ forceInProcess: true }), "in-process");
contractSuite("worker thread", () => createSimClient({ createWorker: startNodeWorker }), "worker");
