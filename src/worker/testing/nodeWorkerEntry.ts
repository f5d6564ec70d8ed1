// Tests only: the worker entry as a Node worker thread, with parentPort in the place of `self`.
import { parentPort } from "node:worker_threads";
import type { InMessage } from "../../protocol/messages";
import { serveSimulation } from "../serve";

const port = parentPort;
if (!port) throw new Error("nodeWorkerEntry must run in a worker thread");

serveSimulation(
  {
    listen: (handler) => port.on("message", (msg: InMessage) => handler(msg)),
    post: (msg, transfer) => port.postMessage(msg, transfer as never[]),
  },
  () => performance.now(),
);
