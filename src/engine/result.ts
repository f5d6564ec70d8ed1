// How the engine's entry points answer. trace(), explain(), Simulation.act() and runScript() return a
// Result and never throw for anything their input can hold (a person's typing, a saved file, a shared
// link, a message from another thread): a refusal is data. It carries a stable `code`, which crosses the
// worker seam and which the view words through src/i18n, its `params`, and a plain English `message`,
// which the CLI prints as it is.
//
// `throw` is kept for programmer errors only: a broken invariant, a state the code never makes. Those are
// bugs; the CLI reports one as exit 3, the worker as a fault of the command it was running.
//
// Validation is not an error: validators return their findings (FieldError[], Diagnostic[]) as data.
// This module is a leaf (no imports), so that src/protocol can re-export it to the view.

export const ENGINE_ERROR_CODES = [
  /** The action is not one the simulation takes: its shape or a limit (the message says which). */
  "invalid-action",
  /** An applied manifest does not parse or is refused by the API server (the message has its words). */
  "invalid-object",
  "unknown-node",
  "unknown-pod",
  "unknown-deployment",
  "unknown-client",
  /** stopTraffic names a phase that is not running. */
  "unknown-phase",
  "node-already-down",
  "node-not-down",
  "pod-already-terminating",
  "pod-without-ip",
  /** A source that is not client:NAME, pod:NS/NAME, node:NAME or ip:ADDR. */
  "invalid-source",
  /** ip:ADDR, or explain's source, is not an IP address. */
  "invalid-source-ip",
  /** A destination that is not IP:PORT or NAME:PORT. */
  "invalid-destination",
  /** A name looked up from somewhere other than a pod. */
  "name-needs-pod",
  /** The name is an ExternalName: a CNAME out of the cluster. */
  "name-external",
  "name-not-found",
  "family-mismatch",
] as const;

export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

export type ErrorParams = Readonly<Record<string, string | number>>;

export interface EngineError {
  readonly code: EngineErrorCode;
  /** What the view needs to word it (names, addresses); the message already has them in. */
  readonly params: ErrorParams;
  /** Plain English, for the CLI and for codes the view shows verbatim. */
  readonly message: string;
}

/** An answer or a refusal; E narrows the refusal when it says more (a script's adds its line). */
export type Result<T, E extends EngineError = EngineError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const refusal = (code: EngineErrorCode, message: string, params: ErrorParams = {}): EngineError => ({
  code,
  params,
  message,
});

/** The value of an answer the caller knows it gets (it checked the input): a refusal is a bug, so it throws. */
export function mustSucceed<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export const fail = <E extends EngineError>(error: E): { ok: false; error: E } => ({ ok: false, error });
