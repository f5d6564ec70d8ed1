// The simulation's words that the view shares with the engine: virtual time, the actions a person can
// take, hop and cluster events, the metrics of a traffic phase, and the reasons a hop happened. The view
// takes them from here, never from src/engine, so the engine itself stays in the worker
// (docs/architecture.md, "Layers and the direction of data"). Leaf modules only: nothing here runs the
// simulation.
export {
  type ClusterEvent,
  type ConnectionStyle,
  HOP,
  type HopEvent,
  type PhaseMetrics,
  type RequestResult,
  type SimAction,
  type Tick,
  TICKS_PER_MS,
  TICKS_PER_SECOND,
} from "../engine/sim/types";
export type { HopCode, HopWhy, MasqReason } from "../engine/trace/types";
