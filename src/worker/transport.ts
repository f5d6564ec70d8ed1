// What the client talks to: a Web Worker, a Node worker thread (tests) or a runner on the main thread
// (inProcess.ts), all behind one small interface.
import type { InMessage, OutMessage } from "../protocol/messages";

export interface WorkerLike {
  post(msg: InMessage, transfer: Transferable[]): void;
  /** Called once, right after creation. An error before `ready` means the worker could not start. */
  listen(onMessage: (msg: OutMessage) => void, onError: (message: string) => void): void;
  terminate(): void;
}

/** The Vite-bundled Web Worker; throws where workers are unavailable (no Worker, strict CSP). */
export function startWebWorker(): WorkerLike {
  const worker = new Worker(new URL("./simWorker.ts", import.meta.url), { type: "module" });
  return {
    post: (msg, transfer) => worker.postMessage(msg, transfer),
    listen: (onMessage, onError) => {
      worker.onmessage = (e: MessageEvent<OutMessage>) => onMessage(e.data);
      worker.onerror = (e: ErrorEvent) => {
        // Keep the page's console free of a second report of the same failure.
        e.preventDefault();
        onError(e.message || "The simulation worker failed");
      };
    },
    terminate: () => worker.terminate(),
  };
}
