// The main thread's handle on one simulation: typed methods in, hop batches / state / errors out.
// It starts a Web Worker when it can and holds messages until the worker says `ready`; when the worker
// cannot start (the constructor throws, or an error arrives before `ready`: strict CSP, file://), it
// runs the same runner on the main thread and sends the held messages there. Each client owns its
// worker, tables and ids, so several playgrounds on one page stay apart.
//
// A watchdog guards the worker once it runs: a command that gets no answer in time, or a worker that
// fails (an error event after `ready`), ends that worker and starts a fresh one. Commands still waiting
// are answered as interrupted, and `onRestart` listeners (the store) reload the last good cluster.
import type { Diagnostic } from "../model/diagnostics";
import type { ManifestFile } from "../model/load";
import type { SimAction, Tick } from "../engine/sim/types";
import type { Refusal } from "../protocol/errors";
import { HopBatchDecoder, type HopBatchView } from "../protocol/hopBatch";
import type {
  ClusterSummary,
  CommandMap,
  CommandMessage,
  CommandType,
  InMessage,
  Inspection,
  JournalEntry,
  OutMessage,
  OutOf,
  SimPoint,
  SimState,
} from "../protocol/messages";
import { startWebWorker, type WorkerLike } from "./transport";

/** A refusal; `interrupted` when the worker was restarted before it answered (the restart is reported). */
/** A command the worker refused: its text, and when the engine refused it, the reason as a code. */
export type Failure = { ok: false; error: string; refusal?: Refusal; interrupted?: true };
type CommandResult = { ok: true; phase: number | null } | Failure;
type LoadResult = { ok: true; diagnostics: Diagnostic[]; cluster: ClusterSummary; seed: number } | Failure;
type InspectResult = { ok: true; result: Inspection } | Failure;
/** The run so far: the seed, every action taken with its point, and the point it is at now. */
type JournalResult = { ok: true; seed: number; entries: JournalEntry[]; at: SimPoint } | Failure;
export interface SimError {
  /** The command this answers, or null for a fault outside any command. */
  requestId: number | null;
  message: string;
}

/** Why the worker was replaced. */
export interface SimRestart {
  /**
   * "timeout": a command (or a running simulation's frames) got no answer within `limitMs`; "crash":
   * the worker reported an error; "stopped": the person asked (`restart()`) not to wait any longer.
   */
  reason: "timeout" | "crash" | "stopped";
  /** The command that went unanswered, or null (frames, or a crash outside any command). */
  command: CommandType | null;
  /** The time allowed, for "timeout". */
  limitMs: number | null;
  /** The worker's own words, for "crash". */
  message: string | null;
  /** Restarts failed this many times in a row: no new worker was started, and commands are refused. */
  gaveUp: boolean;
}

/**
 * How long a command may go unanswered: counted from the worker's last message (the worker answers in
 * order, so a command queued behind a slow one waits its turn without being blamed). Generous for a slow
 * machine: the engine answers a command in milliseconds, and a load of a large manifest in a second or two.
 */
export const COMMAND_TIMEOUT_MS = 10_000;
/** A load gets one more second per 100,000 characters of text (a 2 MB manifest: 30 s). */
const LOAD_TIMEOUT_MS_PER_CHAR = 1_000 / 100_000;
/** Restarts in a row, with no command answered between them, before the client stops trying. */
export const MAX_RESTARTS = 3;

export interface SimClient {
  /** Where the simulation runs; "in-process" after a fallback. */
  readonly mode: "worker" | "in-process";
  load(files: ManifestFile[], seed?: number): Promise<LoadResult>;
  act(action: SimAction): Promise<CommandResult>;
  /** Plays; with `until`, pauses by itself at that tick. */
  run(until?: Tick): Promise<CommandResult>;
  pause(): Promise<CommandResult>;
  /** Runs to the next hop event and pauses. */
  step(): Promise<CommandResult>;
  /** Goes back to just before the latest hop event and pauses. */
  back(): Promise<CommandResult>;
  setSpeed(factor: number): Promise<CommandResult>;
  seek(tick: Tick): Promise<CommandResult>;
  /** For the inspector: "svc:NS/NAME" (kube-proxy rules on `node`) or "pod:NS/NAME" (env, DNS). */
  inspect(target: string, node?: string): Promise<InspectResult>;
  /** The run so far, to reproduce it elsewhere (a shared link). */
  journal(): Promise<JournalResult>;
  /** Reproduces a run on the loaded scenario: each action at its point, then pauses at `at`. */
  restore(entries: JournalEntry[], at: SimPoint): Promise<CommandResult>;
  /** Call once per display frame (from the page's rAF loop): a running simulation advances then. */
  frame(): void;
  /** The view is valid only during the callback: its buffers go back to the worker afterwards. */
  onHops(cb: (batch: HopBatchView) => void): () => void;
  onState(cb: (state: SimState) => void): () => void;
  onError(cb: (error: SimError) => void): () => void;
  /** Called after the watchdog replaced the worker: the new one has nothing loaded. */
  onRestart(cb: (restart: SimRestart) => void): () => void;
  /** Replaces the worker now, as the watchdog would: for a person who will not wait for a slow load. */
  restart(): void;
  dispose(): void;
}

interface SimClientOptions {
  forceInProcess?: boolean;
  /** How to start the worker; the default is the bundled Web Worker (tests pass a Node worker thread). */
  createWorker?: () => WorkerLike;
  /** The watchdog's base limit (tests make it short). */
  timeoutMs?: number;
  /** The watchdog's clock (tests may drive it). */
  now?: () => number;
}

type Interrupted = { type: "interrupted"; message: string };
type Answer =
  OutOf<"ack"> | OutOf<"loaded"> | OutOf<"inspected"> | OutOf<"journal"> | OutOf<"error"> | Interrupted;
type Payload<K extends CommandType> = CommandMap[K];

export function createSimClient(opts: SimClientOptions = {}): SimClient {
  const now = opts.now ?? (() => performance.now());
  const baseLimit = opts.timeoutMs ?? COMMAND_TIMEOUT_MS;
  // Null while a worker starts or the in-process fallback is imported; messages wait in the outbox.
  let transport: WorkerLike | null = null;
  let mode: SimClient["mode"] = "worker";
  let ready = false;
  let disposed = false;
  /** Set when restarts kept failing: no worker runs, and every command is refused. */
  let stopped = false;
  let nextId = 1;
  const outbox: { msg: InMessage; transfer: Transferable[] }[] = [];
  /** Commands awaiting an answer, oldest first; `postedAt` is null while one waits in the outbox. */
  const waiting = new Map<
    number,
    { resolve: (a: Answer) => void; type: CommandType; limitMs: number; postedAt: number | null }
  >();
  let decoder = new HopBatchDecoder();
  const hopListeners = new Set<(b: HopBatchView) => void>();
  const stateListeners = new Set<(s: SimState) => void>();
  const errorListeners = new Set<(e: SimError) => void>();
  const restartListeners = new Set<(r: SimRestart) => void>();

  // The watchdog's view of the worker: when it last said anything, and whether it owes an answer.
  let lastHeard = now();
  /** The simulation runs (as its last state said): then frames owe a state within the limit too. */
  let running = false;
  /**
   * While running, the worker sends a state every quarter second of frames. Frames sent without a pause
   * since `frameSince` and no word from the worker for the limit: it is stuck. A gap in the frames (a
   * hidden tab, a busy page) starts the watch afresh, since then nothing was asked of it meanwhile.
   */
  let frameSince: number | null = null;
  let lastFrameAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerDue = 0;
  let graced = false;
  let restartsInARow = 0;

  const post = (msg: InMessage, transfer: Transferable[] = []) => {
    if (!ready || !transport) return void outbox.push({ msg, transfer });
    transport.post(msg, transfer);
    if ("id" in msg) {
      const w = waiting.get(msg.id);
      if (w) w.postedAt = now();
      arm();
    }
  };

  const receive = (msg: OutMessage): void => {
    lastHeard = now();
    frameSince = null;
    graced = false;
    switch (msg.type) {
      case "ready":
        ready = true;
        for (const m of outbox.splice(0)) post(m.msg, m.transfer);
        return;
      case "hopBatch": {
        const { ints, floats } = msg.batch;
        try {
          const view = decoder.read(msg.batch);
          for (const cb of hopListeners) cb(view);
        } finally {
          post({ type: "release", ints, floats }, [ints.buffer, floats.buffer]);
        }
        return;
      }
      case "state":
        running = msg.state.running;
        for (const cb of stateListeners) cb(msg.state);
        return;
      case "error":
        for (const cb of errorListeners) cb({ requestId: msg.requestId, message: msg.message });
        if (msg.requestId !== null) answer(msg.requestId, msg);
        return;
      case "ack":
      case "loaded":
      case "inspected":
      case "journal":
        return answer(msg.requestId, msg);
      default: {
        const _exhaustive: never = msg;
        return _exhaustive;
      }
    }
  };

  const answer = (id: number, a: Answer) => {
    const w = waiting.get(id);
    waiting.delete(id);
    if (timer !== null && !oldestPosted()) {
      clearTimeout(timer);
      timer = null;
    }
    // A worker that answers is a worker that works: the count of failed restarts starts over.
    restartsInARow = 0;
    w?.resolve(a);
  };

  /** The oldest command the worker has and owes an answer for. */
  const oldestPosted = () => {
    for (const w of waiting.values()) if (w.postedAt !== null) return w;
    return null;
  };

  /** When the worker's silence over a command becomes a fault, or null while it owes no answer. */
  const deadline = (): number | null => {
    const w = oldestPosted();
    return w ? Math.max(w.postedAt!, lastHeard) + w.limitMs : null;
  };

  const arm = () => {
    if (timer !== null || disposed) return;
    const due = deadline();
    if (due === null) return;
    timerDue = due;
    timer = setTimeout(check, Math.max(0, due - now()));
  };

  const check = () => {
    timer = null;
    const due = deadline();
    if (due === null || disposed) return;
    const t = now();
    if (t < due) return arm();
    // Fired late: this thread was busy itself, and the worker's answer may be queued behind the timer.
    if (t - timerDue > GRACE_MS && !graced) {
      graced = true;
      timer = setTimeout(check, GRACE_MS);
      return;
    }
    const w = oldestPosted();
    restart({
      reason: "timeout",
      command: w?.type ?? null,
      limitMs: w?.limitMs ?? baseLimit,
      message: null,
    });
  };

  const restart = (r: Omit<SimRestart, "gaveUp">) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    transport?.terminate();
    transport = null;
    ready = false;
    running = false;
    frameSince = null;
    // Signals in the outbox were for the old worker (its buffers, its frames).
    outbox.length = 0;
    const message =
      r.reason === "timeout"
        ? `The simulation did not answer within ${Math.round((r.limitMs ?? baseLimit) / 1000)} s and was restarted`
        : r.reason === "crash"
          ? `The simulation failed (${r.message ?? "unknown error"}) and was restarted`
          : "The simulation was stopped and restarted";
    const interrupted = [...waiting.values()];
    waiting.clear();
    for (const w of interrupted) w.resolve({ type: "interrupted", message });
    const gaveUp = ++restartsInARow > MAX_RESTARTS;
    if (gaveUp) stopped = true;
    else start();
    for (const cb of restartListeners) cb({ ...r, gaveUp });
  };

  const attach = (t: WorkerLike) => {
    transport = t;
    t.listen(
      (msg) => {
        if (transport === t && !disposed) receive(msg);
      },
      (message) => {
        if (transport !== t || disposed) return;
        if (!ready) return fallBack();
        // An error event means an exception escaped the runner: its state can no longer be trusted.
        restart({ reason: "crash", command: oldestPosted()?.type ?? null, limitMs: null, message });
      },
    );
  };

  const fallBack = () => {
    transport?.terminate();
    transport = null;
    mode = "in-process";
    // The held messages were never sent, so the in-process runner gets all of them once it says ready.
    import("./inProcess").then(
      ({ startInProcess }) => {
        if (!disposed) attach(startInProcess());
      },
      (e: unknown) => {
        const message = `The simulation could not start: ${e instanceof Error ? e.message : String(e)}`;
        for (const cb of errorListeners) cb({ requestId: null, message });
      },
    );
  };

  /** Starts a runner: a worker, or the in-process one once the client has fallen back to it. */
  const start = () => {
    lastHeard = now();
    decoder = new HopBatchDecoder();
    if (mode === "in-process") return fallBack();
    let worker: WorkerLike | null;
    try {
      worker = (opts.createWorker ?? startWebWorker)();
    } catch {
      worker = null;
    }
    if (worker) attach(worker);
    else fallBack();
  };

  if (opts.forceInProcess) fallBack();
  else start();

  function request<K extends CommandType>(type: K, payload: Payload<K>): Promise<Answer> {
    if (disposed) return Promise.resolve(disposedError());
    if (stopped) return Promise.resolve(stoppedError());
    const id = nextId++;
    const limitMs =
      type === "load"
        ? loadLimit(
            baseLimit,
            (payload as Payload<"load">).files.reduce((n, f) => n + f.text.length, 0),
          )
        : baseLimit;
    return new Promise<Answer>((resolve) => {
      waiting.set(id, { resolve, type, limitMs, postedAt: null });
      post({ type, id, ...payload } as CommandMessage);
    });
  }

  const failure = (a: OutOf<"error"> | Interrupted): Failure =>
    a.type === "interrupted"
      ? { ok: false, error: a.message, interrupted: true }
      : a.refusal
        ? { ok: false, error: a.message, refusal: a.refusal }
        : { ok: false, error: a.message };

  const command = async <K extends CommandType>(type: K, payload: Payload<K>): Promise<CommandResult> => {
    const a = await request(type, payload);
    if (a.type === "error" || a.type === "interrupted") return failure(a);
    return { ok: true, phase: a.type === "ack" ? a.phase : null };
  };

  const subscribe =
    <T>(set: Set<T>) =>
    (cb: T) => {
      set.add(cb);
      return () => void set.delete(cb);
    };

  return {
    get mode() {
      return mode;
    },
    load: async (files, seed) => {
      const a = await request("load", seed === undefined ? { files } : { files, seed });
      if (a.type === "loaded")
        return { ok: true, diagnostics: a.diagnostics, cluster: a.cluster, seed: a.seed };
      if (a.type === "error" || a.type === "interrupted") return failure(a);
      return { ok: false, error: "Unexpected answer to load" };
    },
    act: (action) => command("act", { action }),
    run: (until) => command("run", until === undefined ? {} : { until }),
    pause: () => command("pause", {}),
    step: () => command("step", {}),
    back: () => command("back", {}),
    setSpeed: (factor) => command("speed", { factor }),
    seek: (tick) => command("seek", { tick }),
    inspect: async (target, node) => {
      const a = await request("inspect", node === undefined ? { target } : { target, node });
      if (a.type === "inspected") return { ok: true, result: a.result };
      if (a.type === "error" || a.type === "interrupted") return failure(a);
      return { ok: false, error: "Unexpected answer to inspect" };
    },
    journal: async () => {
      const a = await request("journal", {});
      if (a.type === "journal") return { ok: true, seed: a.seed, entries: a.entries, at: a.at };
      if (a.type === "error" || a.type === "interrupted") return failure(a);
      return { ok: false, error: "Unexpected answer to journal" };
    },
    restore: (entries, at) => command("restore", { entries, at }),
    frame: () => {
      // Frames before `ready` carry nothing worth keeping.
      if (!ready || disposed || !transport) return;
      transport.post({ type: "frame" }, []);
      if (!running) return;
      const t = now();
      if (frameSince === null || t - lastFrameAt > GRACE_MS) frameSince = t;
      lastFrameAt = t;
      if (t - Math.max(frameSince, lastHeard) >= baseLimit)
        restart({ reason: "timeout", command: null, limitMs: baseLimit, message: null });
    },
    onHops: subscribe(hopListeners),
    onState: subscribe(stateListeners),
    onError: subscribe(errorListeners),
    onRestart: subscribe(restartListeners),
    restart: () => {
      if (disposed || stopped) return;
      restart({ reason: "stopped", command: oldestPosted()?.type ?? null, limitMs: null, message: null });
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      transport?.terminate();
      for (const w of waiting.values()) w.resolve(disposedError());
      waiting.clear();
      hopListeners.clear();
      stateListeners.clear();
      errorListeners.clear();
      restartListeners.clear();
    },
  };
}

/** How late a watchdog check may fire before it waits a little longer for answers already queued. */
const GRACE_MS = 1_000;

/** The limit for a load of `chars` characters of text: the base, plus time in proportion to the text. */
export const loadLimit = (baseMs: number, chars: number): number =>
  baseMs + Math.round(chars * LOAD_TIMEOUT_MS_PER_CHAR);

const stoppedError = (): OutOf<"error"> => ({
  type: "error",
  requestId: null,
  message: "The simulation stopped after failing repeatedly; reload the page",
});

const disposedError = (): OutOf<"error"> => ({
  type: "error",
  requestId: null,
  message: "The simulation client was disposed",
});
