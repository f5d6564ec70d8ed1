import { describe, expect, it } from "vitest";
import { HopBatchEncoder } from "../protocol/hopBatch";
import type { InMessage, OutMessage } from "../protocol/messages";
import { createSimClient } from "./client";
import { scenario } from "./testing/fixtures";
import type { WorkerLike } from "./transport";

/** A worker that does only what the test tells it to. */
function fakeWorker() {
  const f = {
    posted: [] as InMessage[],
    terminated: false,
    toClient: (_: OutMessage): void => {},
    fail: (_: string): void => {},
  };
  const worker: WorkerLike = {
    post: (msg) => void f.posted.push(msg),
    listen: (onMessage, onError) => {
      f.toClient = onMessage;
      f.fail = onError;
    },
    terminate: () => {
      f.terminated = true;
    },
  };
  return { f, worker };
}

describe("createSimClient", () => {
  it("runs in process where Worker does not exist (here, in Node)", async () => {
    const c = createSimClient();
    const r = await c.load(scenario(), 1);
    expect([c.mode, r.ok]).toEqual(["in-process", true]);
    c.dispose();
  });

  it("falls back to in-process when starting the worker throws", async () => {
    const c = createSimClient({
      createWorker: () => {
        throw new Error("blocked by Content-Security-Policy");
      },
    });
    const r = await c.load(scenario(), 1);
    expect([c.mode, r.ok]).toEqual(["in-process", true]);
    c.dispose();
  });

  it("falls back when the worker fails before ready, and runs the held commands there", async () => {
    const { f, worker } = fakeWorker();
    const c = createSimClient({ createWorker: () => worker });
    const load = c.load(scenario(), 1);
    f.fail("Failed to fetch the worker script");
    const r = await load;
    expect([c.mode, r.ok, f.terminated, f.posted]).toEqual(["in-process", true, true, []]);
    c.dispose();
  });

  it("holds commands until the worker says ready", () => {
    const { f, worker } = fakeWorker();
    const c = createSimClient({ createWorker: () => worker });
    void c.run();
    const held = f.posted.length;
    f.toClient({ type: "ready" });
    expect([held, f.posted.map((m) => m.type)]).toEqual([0, ["run"]]);
    c.dispose();
  });

  it("drops frames sent before ready", () => {
    const { f, worker } = fakeWorker();
    const c = createSimClient({ createWorker: () => worker });
    c.frame();
    f.toClient({ type: "ready" });
    expect(f.posted).toEqual([]);
    c.dispose();
  });

  it("reports a worker error after ready through onError, without a request id", () => {
    const { f, worker } = fakeWorker();
    const c = createSimClient({ createWorker: () => worker });
    const errors: unknown[] = [];
    c.onError((e) => errors.push(e));
    f.toClient({ type: "ready" });
    f.fail("out of memory");
    expect([c.mode, errors]).toEqual(["worker", [{ requestId: null, message: "out of memory" }]]);
    c.dispose();
  });

  it("gives a hop batch's buffers back to the worker after the listeners have read it", () => {
    const { f, worker } = fakeWorker();
    const c = createSimClient({ createWorker: () => worker });
    f.toClient({ type: "ready" });
    const batch = new HopBatchEncoder().encode([], 0, true);
    let readFirst = false;
    c.onHops(() => {
      readFirst = f.posted.length === 0;
    });
    f.toClient({ type: "hopBatch", batch });
    expect([readFirst, f.posted]).toEqual([
      true,
      [{ type: "release", ints: batch.ints, floats: batch.floats }],
    ]);
    c.dispose();
  });

  it("stops calling a listener once unsubscribed", () => {
    const { f, worker } = fakeWorker();
    const c = createSimClient({ createWorker: () => worker });
    let calls = 0;
    const off = c.onState(() => calls++);
    off();
    f.toClient({ type: "ready" });
    f.toClient({ type: "error", requestId: null, message: "x" });
    f.toClient({ type: "state", state: {} as never });
    expect(calls).toBe(0);
    c.dispose();
  });

  it("answers commands still waiting at dispose with an error", async () => {
    const { worker } = fakeWorker();
    const c = createSimClient({ createWorker: () => worker });
    const pending = c.step();
    c.dispose();
    expect(await pending).toEqual({ ok: false, error: expect.stringMatching(/disposed/) });
  });
});
