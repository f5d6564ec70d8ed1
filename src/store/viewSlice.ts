// The view's own choices: where the boxes are, what of the cluster the graph draws, what is selected or
// followed, the theme and projector mode, the side panel, the log's filter, and the message on show.
import type { Message } from "../i18n/phrase";
import type { SliceContext } from "./slice";

export type Theme = "light" | "dark";
export type Panel = "inspector" | "log" | "stats" | "yaml";

export interface Position {
  x: number;
  y: number;
}

/** A toast: our own words as a phrase the view translates, or the engine's text as it came. */
export type Notice = { kind: "error" | "info" } & Message;

/** What of the cluster the graph draws: one namespace or all, and which nodes show their pods. */
export interface GraphView {
  /** Only this namespace's pods and Services; null for all. */
  namespace: string | null;
  /** By node name: true folds its pods into a count, false shows them; unset follows the cluster's size. */
  collapsed: Record<string, boolean>;
}

export interface ViewSlice {
  /** A message for the person: the last refused action or load problem. */
  notice: Notice | null;
  positions: Record<string, Position>;
  graphView: GraphView;
  selection: string | null;
  /** The packet the person follows (hovered or clicked), by packet id. */
  followedPacket: number | null;
  theme: Theme;
  projector: boolean;
  panel: Panel;
  logFilter: { packet: number | null; client: string | null };

  select(id: string | null): void;
  followPacket(id: number | null): void;
  setPosition(id: string, p: Position): void;
  setPositions(ps: Record<string, Position>): void;
  setGraphView(patch: Partial<GraphView>): void;
  showNotice(notice: Notice): void;
  setTheme(t: Theme): void;
  setProjector(on: boolean): void;
  setPanel(p: Panel): void;
  setLogFilter(f: Partial<ViewSlice["logFilter"]>): void;
  dismissNotice(): void;
}

export function createViewSlice({ set, opts, saved }: SliceContext): ViewSlice {
  return {
    notice: null,
    positions: saved?.positions ?? opts.positions ?? {},
    graphView: opts.graphView ?? { namespace: null, collapsed: {} },
    selection: null,
    followedPacket: null,
    theme: saved?.theme ?? "light",
    projector: saved?.projector ?? false,
    panel: "inspector",
    logFilter: { packet: null, client: null },

    select: (id) => set({ selection: id }),
    followPacket: (id) => set({ followedPacket: id }),
    setPosition: (id, p) => set((s) => ({ positions: { ...s.positions, [id]: p } })),
    setPositions: (ps) => set({ positions: ps }),
    setGraphView: (patch) => set((s) => ({ graphView: { ...s.graphView, ...patch } })),
    showNotice: (notice) => set({ notice }),
    setTheme: (theme) => set({ theme }),
    setProjector: (projector) => set({ projector }),
    setPanel: (panel) => set({ panel }),
    setLogFilter: (f) => set((s) => ({ logFilter: { ...s.logFilter, ...f } })),
    dismissNotice: () => set({ notice: null }),
  };
}
