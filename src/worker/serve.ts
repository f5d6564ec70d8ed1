// The worker side of the protocol, written against a small port so that the same code serves a Web
// Worker (`self`), a Node worker thread (tests) and the in-process fallback (the main thread).
import type { InMessage, OutMessage } from "../protocol/messages";
import { Runner, type RunnerOptions } from "./runner";

interface WorkerPort {
  listen(handler: (msg: InMessage) => void): void;
  post(msg: OutMessage, transfer: Transferable[]): void;
}

/** Starts a runner behind a port and says `ready`: the client holds its messages until then. */
export function serveSimulation(
  port: WorkerPort,
  clock: () => number,
  options: Omit<RunnerOptions, "clock" | "post"> = {},
): Runner {
  const runner = new Runner({ ...options, clock, post: (msg, transfer) => port.post(msg, transfer) });
  port.listen((msg) => runner.handle(msg));
  port.post({ type: "ready" }, []);
  return runner;
}
