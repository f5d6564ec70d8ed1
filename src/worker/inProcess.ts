// The fallback: the runner on the main thread, behind the same interface as a worker. The client
// imports this module only when it falls back, so pages whose worker starts never load the engine twice.
import type { InMessage, OutMessage } from "../protocol/messages";
import { serveSimulation } from "./serve";
import type { WorkerLike } from "./transport";

/**
 * The same runner on this thread. Messages are delivered as microtasks in both directions, so that
 * callers see the same ordering (never a callback inside the call that caused it) as with a worker.
 */
export function startInProcess(clock: () => number = () => performance.now()): WorkerLike {
  let toRunner: ((msg: InMessage) => void) | null = null;
  let toClient: ((msg: OutMessage) => void) | null = null;
  const early: OutMessage[] = [];
  let stopped = false;
  serveSimulation(
    {
      listen: (handler) => {
        toRunner = handler;
      },
      post: (msg) =>
        queueMicrotask(() => {
          if (stopped) return;
          if (toClient) toClient(msg);
          else early.push(msg);
        }),
    },
    clock,
  );
  return {
    post: (msg) =>
      queueMicrotask(() => {
        if (!stopped) toRunner?.(msg);
      }),
    listen: (onMessage) => {
      toClient = onMessage;
      for (const m of early.splice(0)) onMessage(m);
    },
    terminate: () => {
      stopped = true;
    },
  };
}
