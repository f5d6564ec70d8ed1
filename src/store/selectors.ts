// Named selectors for usePlayground: each reads one thing from a playground's store, defined once here so
// that every component that reads it subscribes the same way (module-level functions, so a change
// re-renders only what reads it). Selectors that carry one component's own rule (which node the
// inspector shows first, the graph's status key) stay beside that component.
import type { PlaygroundStore } from "./playgroundStore";

// History: the scenario's text and what loaded.
export const selectYaml = (s: PlaygroundStore) => s.yaml;
export const selectAppliedYaml = (s: PlaygroundStore) => s.appliedYaml;
export const selectDiagnostics = (s: PlaygroundStore) => s.diagnostics;
export const selectErrorCount = (s: PlaygroundStore) =>
  s.diagnostics.filter((d) => d.severity === "error").length;
export const selectCluster = (s: PlaygroundStore) => s.cluster;
export const selectNodes = (s: PlaygroundStore) => s.cluster?.nodes;
export const selectPodCount = (s: PlaygroundStore) => s.cluster?.pods.length ?? 0;
/** What undo would take back, and what redo would do again, by name. */
export const selectUndoLabel = (s: PlaygroundStore) => s.past.at(-1)?.label ?? null;
export const selectRedoLabel = (s: PlaygroundStore) => s.future.at(-1)?.label ?? null;

// Playback: the simulation as the worker last reported it.
export const selectSim = (s: PlaygroundStore) => s.sim;
/** The worker has reported a state: the transport's buttons work. */
export const selectSimReady = (s: PlaygroundStore) => s.sim !== null;
/** The worker has reported a state and a cluster is drawn: an embed may play. */
export const selectSimAndClusterReady = (s: PlaygroundStore) => s.sim !== null && s.cluster !== null;
export const selectRunning = (s: PlaygroundStore) => s.sim?.running ?? false;
export const selectNow = (s: PlaygroundStore) => s.sim?.now ?? 0;
export const selectSpeed = (s: PlaygroundStore) => s.sim?.speed ?? 1;
export const selectPhases = (s: PlaygroundStore) => s.sim?.phases;
export const selectPhaseCount = (s: PlaygroundStore) => s.sim?.phases.length ?? 0;
export const selectHasResult = (s: PlaygroundStore) => (s.sim?.phases.length ?? 0) > 0;
export const selectLastPhase = (s: PlaygroundStore) => s.sim?.phases.at(-1) ?? null;
export const selectHopLog = (s: PlaygroundStore) => s.hopLog;

// Traffic.
export const selectTraffic = (s: PlaygroundStore) => s.traffic;
export const selectTrafficTarget = (s: PlaygroundStore) => s.traffic.to;
export const selectNarrate = (s: PlaygroundStore) => s.narrate;
export const selectNarration = (s: PlaygroundStore) => s.narration;

// View.
export const selectNotice = (s: PlaygroundStore) => s.notice;
export const selectPositions = (s: PlaygroundStore) => s.positions;
export const selectGraphView = (s: PlaygroundStore) => s.graphView;
export const selectSelection = (s: PlaygroundStore) => s.selection;
export const selectFollowedPacket = (s: PlaygroundStore) => s.followedPacket;
export const selectTheme = (s: PlaygroundStore) => s.theme;
export const selectProjector = (s: PlaygroundStore) => s.projector;
export const selectPanel = (s: PlaygroundStore) => s.panel;
export const selectLogFilter = (s: PlaygroundStore) => s.logFilter;
