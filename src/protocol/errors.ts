// How the engine and the worker refuse: a stable code with its params (and an English message). A
// refused command's `error` message carries it across the worker seam, and the view words the code itself
// (docs/architecture.md, "Errors").
import type { EngineErrorCode, ErrorParams } from "../engine/result";

export type { EngineError, EngineErrorCode, ErrorParams, Result } from "../engine/result";

/** The worker's own refusals: commands the run cannot take at the moment it gets them. */
export const WORKER_REFUSAL_CODES = [
  "not-loaded",
  "nothing-to-step",
  "nothing-to-step-back",
  "invalid-speed",
  "invalid-time",
  /** A saved run longer than the worker replays (params.limit events). */
  "replay-too-long",
  /** A saved run's point the run does not pass through (another scenario or seed). */
  "replay-missed",
  /** An action of a saved run the engine refuses now (params.reason: its English words). */
  "replay-refused",
] as const;

export type WorkerRefusalCode = (typeof WORKER_REFUSAL_CODES)[number];

/** A refusal as it crosses the seam: the engine's (EngineError) or the worker's own. */
export interface Refusal {
  readonly code: EngineErrorCode | WorkerRefusalCode;
  readonly params: ErrorParams;
  readonly message: string;
}

/** The worker's refusal, its English message written once here. */
export function workerRefusal(code: WorkerRefusalCode, params: ErrorParams = {}): Refusal {
  const p = (k: string) => String(params[k]);
  const message: Record<WorkerRefusalCode, () => string> = {
    "not-loaded": () => "No manifests loaded yet: send load first",
    "nothing-to-step": () => "Nothing to step: no packet is on its way or about to leave",
    "nothing-to-step-back": () => "Nothing to step back over: no hop has happened yet",
    "invalid-speed": () => `Invalid speed ${p("factor")}: it must be between ${p("min")} and ${p("max")}`,
    "invalid-time": () => `Invalid time ${p("tick")}: it must be a whole, non-negative number of ticks`,
    "replay-too-long": () => `The run is too long to replay: more than ${p("limit")} events`,
    "replay-missed": () =>
      `The run does not pass through event ${p("events")} at tick ${p("tick")}: the scenario or seed differs`,
    "replay-refused": () => `An action of the run was refused: ${p("reason")}`,
  };
  return { code, params, message: message[code]() };
}
