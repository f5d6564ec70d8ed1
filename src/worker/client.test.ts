import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HopBatchEncoder } from "../protocol/hopBatch";
import type { InMessage, OutMessage } from "../protocol/messages";
import { createSimClient, loadLimit, MAX_RESTARTS, type SimRestart } from "./client";
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

describe("the watchdog", () => {
  const LIMIT = 1_000;
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  /** A client whose every worker is a fake the test drives; each restart adds one. */
  function watched() {
    const workers: ReturnType<typeof fakeWorker>["f"][] = [];
    const restarts: SimRestart[] = [];
    const c = createSimClient({
      timeoutMs: LIMIT,
      now: () => Date.now(),
      createWorker: () => {
        const { f, worker } = fakeWorker();
        workers.push(f);
        return worker;
      },
    });
    c.onRestart((r) => restarts.push(r));
    const latest = () => workers.at(-1)!;
    latest().toClient({ type: "ready" });
    return { c, workers, restarts, latest };
  }

  it("ends a worker that does not answer a command in time, starts a fresh one and reports it", async () => {
    const { c, workers, restarts } = watched();
    const step = c.step();
    vi.advanceTimersByTime(LIMIT - 1);
    expect(workers.length).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await step).toEqual({
      ok: false,
      error: expect.stringMatching(/did not answer within 1 s/),
      interrupted: true,
    });
    expect([workers.length, workers[0]!.terminated, workers[1]!.terminated]).toEqual([2, true, false]);
    expect(restarts).toEqual([
      { reason: "timeout", command: "step", limitMs: LIMIT, message: null, gaveUp: false },
    ]);
    c.dispose();
  });

  it("sends the fresh worker nothing until it is ready, and then what is asked of it", async () => {
    const { c, latest } = watched();
    void c.step();
    vi.advanceTimersByTime(LIMIT);
    const load = c.load(scenario(), 1);
    expect(latest().posted).toEqual([]);
    latest().toClient({ type: "ready" });
    expect(latest().posted.map((m) => m.type)).toEqual(["load"]);
    c.dispose();
    expect(await load).toMatchObject({ ok: false });
  });

  it("counts from the worker's last word, so a command queued behind a slow one is not blamed", async () => {
    const { c, workers, latest } = watched();
    const first = c.step();
    const second = c.step();
    vi.advanceTimersByTime(LIMIT - 100);
    const [a, b] = latest().posted as { id: number }[];
    latest().toClient({ type: "ack", requestId: a!.id, phase: null });
    vi.advanceTimersByTime(LIMIT - 100);
    latest().toClient({ type: "ack", requestId: b!.id, phase: null });
    vi.advanceTimersByTime(LIMIT * 3);
    expect([await first, await second, workers.length]).toEqual([
      { ok: true, phase: null },
      { ok: true, phase: null },
      1,
    ]);
    c.dispose();
  });

  it("gives a load more time the longer its text", () => {
    expect(loadLimit(10_000, 2_000_000)).toBe(30_000);
    const { c, workers } = watched();
    void c.load([{ file: "a.yaml", text: "x".repeat(100_000) }], 1);
    vi.advanceTimersByTime(LIMIT + 999);
    expect(workers.length).toBe(1);
    vi.advanceTimersByTime(1);
    expect(workers.length).toBe(2);
    c.dispose();
  });

  it("replaces a worker that fails after ready, and answers its waiting command as interrupted", async () => {
    const { c, workers, restarts, latest } = watched();
    const errors: unknown[] = [];
    c.onError((e) => errors.push(e));
    const act = c.act({ type: "failNode", node: "node-1" });
    latest().fail("RangeError: Maximum call stack size exceeded");
    expect(await act).toMatchObject({ ok: false, interrupted: true });
    expect([c.mode, workers.length, workers[0]!.terminated, errors]).toEqual(["worker", 2, true, []]);
    expect(restarts).toEqual([
      {
        reason: "crash",
        command: "act",
        limitMs: null,
        message: "RangeError: Maximum call stack size exceeded",
        gaveUp: false,
      },
    ]);
    c.dispose();
  });

  /** The page's frames for `ms`, one every 100 ms. */
  const frames = (c: ReturnType<typeof watched>["c"], ms: number) => {
    for (let t = 0; t < ms; t += 100) {
      c.frame();
      vi.advanceTimersByTime(100);
    }
    c.frame();
  };

  it("replaces a running simulation's worker when its frames go unanswered", () => {
    const { c, workers, restarts, latest } = watched();
    latest().toClient({ type: "state", state: { running: true } as never });
    frames(c, LIMIT - 200);
    expect(workers.length).toBe(1);
    frames(c, 200);
    expect([workers.length, restarts[0]?.command, restarts[0]?.reason]).toEqual([2, null, "timeout"]);
    c.dispose();
  });

  it("does not blame the worker for a pause in the frames (a hidden tab)", () => {
    const { c, workers, latest } = watched();
    latest().toClient({ type: "state", state: { running: true } as never });
    c.frame();
    vi.advanceTimersByTime(LIMIT * 10);
    frames(c, LIMIT / 2);
    expect(workers.length).toBe(1);
    c.dispose();
  });

  it("leaves a quiet worker alone while it owes nothing (paused, no command waiting)", () => {
    const { c, workers, latest } = watched();
    latest().toClient({ type: "state", state: { running: false } as never });
    c.frame();
    vi.advanceTimersByTime(LIMIT * 10);
    expect(workers.length).toBe(1);
    c.dispose();
  });

  it(`stops after ${MAX_RESTARTS} restarts in a row with no answer between, and refuses commands`, async () => {
    const { c, workers, restarts, latest } = watched();
    for (let i = 0; i <= MAX_RESTARTS; i++) {
      void c.step();
      vi.advanceTimersByTime(LIMIT);
      if (i < MAX_RESTARTS) latest().toClient({ type: "ready" });
    }
    expect([workers.length, restarts.map((r) => r.gaveUp)]).toEqual([
      MAX_RESTARTS + 1,
      [...Array(MAX_RESTARTS).fill(false), true],
    ]);
    expect(await c.step()).toEqual({ ok: false, error: expect.stringMatching(/reload the page/) });
    c.dispose();
  });

  it("starts counting failed restarts over once a worker answers", () => {
    const { c, restarts, latest } = watched();
    for (let i = 0; i < MAX_RESTARTS * 2; i++) {
      void c.step();
      vi.advanceTimersByTime(LIMIT);
      latest().toClient({ type: "ready" });
      void c.pause();
      const { id } = latest().posted.at(-1) as { id: number };
      latest().toClient({ type: "ack", requestId: id, phase: null });
    }
    expect(restarts.some((r) => r.gaveUp)).toBe(false);
    c.dispose();
  });

  it("replaces the worker at once when asked, reporting it as stopped", async () => {
    const { c, workers, restarts } = watched();
    const load = c.load(scenario(), 1);
    c.restart();
    expect(await load).toMatchObject({ ok: false, interrupted: true });
    expect([workers.length, workers[0]!.terminated]).toEqual([2, true]);
    expect(restarts).toEqual([
      { reason: "stopped", command: "load", limitMs: null, message: null, gaveUp: false },
    ]);
    c.dispose();
  });

  it("does nothing after dispose", () => {
    const { c, workers } = watched();
    void c.step();
    c.dispose();
    vi.advanceTimersByTime(LIMIT * 2);
    expect(workers.length).toBe(1);
  });
});
