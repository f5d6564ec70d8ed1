// The main thread's handle on one simulation: typed methods in, hop batches / state / errors out.
// It starts a Web Worker when it can and holds messages until the worker says `ready`; when the worker
// cannot start (the constructor throws, or an error arrives before `ready`: strict CSP, file://), it
// runs the same runner on the main thread and sends the held messages there. Each client owns its
// worker, tables and ids, so several playgrounds on one page stay apart.
import type { Diagnostic } from "../model/diagnostics";
import type { ManifestFile } from "../model/load";
import type { SimAction, Tick } from "../engine/sim/types";
import { HopBatchDecoder, type HopBatchView } from "../protocol/hopBatch";
import type {
  ClusterSummary,
  CommandMap,
  CommandMessage,
  CommandType,
  InMessage,
  Inspection,
  OutMessage,
  OutOf,
  SimState,
} from "../protocol/messages";
import { startWebWorker, type WorkerLike } from "./transport";

export type CommandResult = { ok: true; phase: number | null } | { ok: false; error: string };
export type LoadResult =
  | { ok: true; diagnostics: Diagnostic[]; cluster: ClusterSummary; seed: number }
  | { ok: false; error: string };
export type InspectResult = { ok: true; result: Inspection } | { ok: false; error: string };
export interface SimError {
  /** The command this answers, or null for a fault outside any command. */
  requestId: number | null;
  message: string;
}

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
  /** Call once per display frame (from the page's rAF loop): a running simulation advances then. */
  frame(): void;
  /** The view is valid only during the callback: its buffers go back to the worker afterwards. */
  onHops(cb: (batch: HopBatchView) => void): () => void;
  onState(cb: (state: SimState) => void): () => void;
  onError(cb: (error: SimError) => void): () => void;
  dispose(): void;
}

export interface SimClientOptions {
  forceInProcess?: boolean;
  /** How to start the worker; the default is the bundled Web Worker (tests pass a Node worker thread). */
  createWorker?: () => WorkerLike;
}

type Answer = OutOf<"ack"> | OutOf<"loaded"> | OutOf<"inspected"> | OutOf<"error">;
type Payload<K extends CommandType> = CommandMap[K];

export function createSimClient(opts: SimClientOptions = {}): SimClient {
  // Null while the in-process fallback is being imported; messages wait in the outbox meanwhile.
  let transport: WorkerLike | null = null;
  let mode: SimClient["mode"] = "worker";
  let ready = false;
  let disposed = false;
  let nextId = 1;
  const outbox: { msg: InMessage; transfer: Transferable[] }[] = [];
  const waiting = new Map<number, (a: Answer) => void>();
  const decoder = new HopBatchDecoder();
  const hopListeners = new Set<(b: HopBatchView) => void>();
  const stateListeners = new Set<(s: SimState) => void>();
  const errorListeners = new Set<(e: SimError) => void>();

  const post = (msg: InMessage, transfer: Transferable[] = []) => {
    if (ready && transport) transport.post(msg, transfer);
    else outbox.push({ msg, transfer });
  };

  const receive = (msg: OutMessage): void => {
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
        for (const cb of stateListeners) cb(msg.state);
        return;
      case "error":
        for (const cb of errorListeners) cb({ requestId: msg.requestId, message: msg.message });
        if (msg.requestId !== null) answer(msg.requestId, msg);
        return;
      case "ack":
      case "loaded":
      case "inspected":
        return answer(msg.requestId, msg);
      default: {
        const _exhaustive: never = msg;
        return _exhaustive;
      }
    }
  };

  const answer = (id: number, a: Answer) => {
    const resolve = waiting.get(id);
    waiting.delete(id);
    resolve?.(a);
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
        for (const cb of errorListeners) cb({ requestId: null, message });
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

  if (opts.forceInProcess) fallBack();
  else {
    let worker: WorkerLike | null;
    try {
      worker = (opts.createWorker ?? startWebWorker)();
    } catch {
      worker = null;
    }
    if (worker) attach(worker);
    else fallBack();
  }

  function request<K extends CommandType>(type: K, payload: Payload<K>): Promise<Answer> {
    if (disposed) return Promise.resolve(disposedError());
    const id = nextId++;
    return new Promise<Answer>((resolve) => {
      waiting.set(id, resolve);
      post({ type, id, ...payload } as CommandMessage);
    });
  }

  const command = async <K extends CommandType>(type: K, payload: Payload<K>): Promise<CommandResult> => {
    const a = await request(type, payload);
    if (a.type === "error") return { ok: false, error: a.message };
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
      return { ok: false, error: a.type === "error" ? a.message : "Unexpected answer to load" };
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
      return { ok: false, error: a.type === "error" ? a.message : "Unexpected answer to inspect" };
    },
    frame: () => {
      // Frames before `ready` carry nothing worth keeping.
      if (ready && !disposed) transport?.post({ type: "frame" }, []);
    },
    onHops: subscribe(hopListeners),
    onState: subscribe(stateListeners),
    onError: subscribe(errorListeners),
    dispose: () => {
      if (disposed) return;
      disposed = true;
      transport?.terminate();
      for (const resolve of waiting.values()) resolve(disposedError());
      waiting.clear();
      hopListeners.clear();
      stateListeners.clear();
      errorListeners.clear();
    },
  };
}

const disposedError = (): OutOf<"error"> => ({
  type: "error",
  requestId: null,
  message: "The simulation client was disposed",
});
