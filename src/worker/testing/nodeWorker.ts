// Tests only: a Node worker thread running the worker entry, with the client's WorkerLike interface,
// so the contract suite goes through a real thread boundary (structured clone, transferred buffers).
import { Worker } from "node:worker_threads";
import type { OutMessage } from "../../protocol/messages";
import type { WorkerLike } from "../transport";

export function startNodeWorker(): WorkerLike {
  const worker = new Worker(new URL("./tsxBoot.mjs", import.meta.url), {
    workerData: { entry: new URL("./nodeWorkerEntry.ts", import.meta.url).href },
  });
  return {
    post: (msg, transfer) => worker.postMessage(msg, transfer as never[]),
    listen: (onMessage, onError) => {
      worker.on("message", (msg: OutMessage) => onMessage(msg));
      worker.on("error", (e: Error) => onError(e.message));
    },
    terminate: () => void worker.terminate(),
  };
}
