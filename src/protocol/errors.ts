// How the engine refuses: a stable code with its params (and the CLI's English message). A refused
// command's `error` message carries it across the worker seam, and the view words the code itself
// (docs/architecture.md, "Errors").
export type { EngineError, EngineErrorCode, ErrorParams, Result } from "../engine/result";
