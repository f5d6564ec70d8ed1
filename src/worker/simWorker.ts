// The Web Worker entry: the runner behind `self`.
//
// Frames come from the main thread: the page's one rAF loop sends a `frame` signal and the worker
// answers with at most one hop batch. A setInterval here would run at 60 Hz whatever the display does
// (out of step with the page's frames, on in a hidden tab, at odds with "the worker does not own the
// wall clock"); driven by rAF, the worker sleeps when the page does and never batches faster than the
// screen draws. The clock only measures how much time passed between frames.
import type { InMessage } from "../protocol/messages";
import { serveSimulation } from "./serve";

const scope = self as unknown as DedicatedWorkerGlobalScope;

serveSimulation(
  {
    listen: (handler) => {
      scope.onmessage = (e: MessageEvent<InMessage>) => handler(e.data);
    },
    post: (msg, transfer) => scope.postMessage(msg, transfer),
  },
  () => performance.now(),
);
