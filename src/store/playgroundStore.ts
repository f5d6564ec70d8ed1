// One store per playground instance (a blog post may embed several): the manifests, the last good
// cluster, the simulation's state as the worker reports it, and the view's own choices. Packets never
// pass through here: the canvas layer reads hop batches from the client directly.
import { createStore, type StoreApi } from "zustand/vanilla";
import type { ConnectionStyle, SimAction } from "../engine/sim/types";
import type { Diagnostic } from "../model/diagnostics";
import { hasErrors } from "../model/diagnostics";
import type { ClusterSummary, JournalEntry, SimPoint, SimState } from "../protocol/messages";
import { type Message, phrase, type Phrase } from "../i18n/phrase";
import type { FirstPicture } from "../worker/firstPicture";
import { createSimClient, type Failure, type SimClient, type SimRestart } from "../worker/client";
import { type HopLogEntry, HopLogBuffer } from "./hopLog";
import { loadSaved, type RestoredPlayground, savePlayground } from "./persistence";
import { damageNotice, loadFailedNotice, restartNotice } from "./recoveryNotices";
import { type Narration, Narrator } from "./narration";
import { loadYamlTools } from "./yamlTools";

export type Theme = "light" | "dark";
export type Panel = "inspector" | "log" | "stats" | "yaml";

export interface Position {
  x: number;
  y: number;
}

interface TrafficSettings {
  /** client:NAME, pod:NS/NAME or node:NAME. */
  from: string;
  /** IP:PORT or NAME:PORT. */
  to: string;
  connection: ConnectionStyle;
  count: number;
  perSecond: number;
}

/** One undoable change: what it did and how to take it back, both as scenario text plus actions. */
export interface Change {
  /** What the undo and redo buttons call it, put into words by the view. */
  label: Phrase;
  yamlBefore: string;
  yamlAfter: string;
  /** Simulation actions to replay on redo, and their inverses on undo (failNode <-> recoverNode). */
  actions: SimAction[];
  inverse: SimAction[];
}

/** A change as an action describes it; perform() completes it (the YAML before and after). */
export type NewChange = Omit<Change, "yamlBefore" | "yamlAfter"> & {
  yamlAfter?: string;
  /**
   * A field of one object to set in the manifests. With `live`, the simulation applies the edited object
   * (and undo the old one); the change is refused when the object is not written in the manifests.
   */
  yamlEdit?: { kind: string; name: string; path: (string | number)[]; value: unknown; live: boolean };
};

/** A toast: our own words as a phrase the view translates, or the engine's text as it came. */
export type Notice = { kind: "error" | "info" } & Message;

/** What of the cluster the graph draws: one namespace or all, and which nodes show their pods. */
export interface GraphView {
  /** Only this namespace's pods and Services; null for all. */
  namespace: string | null;
  /** By node name: true folds its pods into a count, false shows them; unset follows the cluster's size. */
  collapsed: Record<string, boolean>;
}

interface PlaygroundState {
  /** The scenario as shipped, for "reset". */
  scenarioYaml: string;
  /** The text in the editor. */
  yaml: string;
  /** The last text that loaded without errors: what the graph shows. */
  appliedYaml: string;
  diagnostics: Diagnostic[];
  cluster: ClusterSummary | null;
  sim: SimState | null;
  /** Log rows of recent hops, refreshed a few times a second. */
  hopLog: HopLogEntry[];
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
  traffic: TrafficSettings;
  logFilter: { packet: number | null; client: string | null };
  past: Change[];
  future: Change[];
  /** Whether the next single request is narrated hop by hop. */
  narrate: boolean;
  /** The narrated request in progress, or null. */
  narration: Narration | null;
}

interface PlaygroundActions {
  /** Sets the editor text; loads it when it has no errors (the last good cluster stays otherwise). */
  setYaml(text: string, opts?: { record?: Phrase }): Promise<void>;
  /** Runs an action in the simulation, optionally with the YAML change that mirrors it, as one undoable change. */
  perform(change: NewChange): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  reset(): Promise<void>;
  play(): Promise<void>;
  pause(): Promise<void>;
  togglePlay(): Promise<void>;
  step(): Promise<void>;
  back(): Promise<void>;
  setSpeed(factor: number): Promise<void>;
  /** Starts traffic from the traffic settings; resolves to its phase (for stopTraffic), or null when refused. */
  send(kind: "send" | "burst" | "rate"): Promise<number | null>;
  setTraffic(patch: Partial<TrafficSettings>): void;
  select(id: string | null): void;
  followPacket(id: number | null): void;
  setPosition(id: string, p: Position): void;
  setPositions(ps: Record<string, Position>): void;
  setGraphView(patch: Partial<GraphView>): void;
  showNotice(notice: Notice): void;
  setTheme(t: Theme): void;
  setProjector(on: boolean): void;
  setPanel(p: Panel): void;
  setLogFilter(f: Partial<PlaygroundState["logFilter"]>): void;
  dismissNotice(): void;
  setNarrate(on: boolean): void;
}

export type PlaygroundStore = PlaygroundState &
  PlaygroundActions & { readonly client: SimClient; readonly narrator: Narrator };

export interface PlaygroundOptions {
  scenario: string;
  /** localStorage key for autosave; none means no persistence (tests, several embeds of one post). */
  storageKey?: string;
  /** A client to use (tests); by default one of our own, in a worker when possible. */
  client?: SimClient;
  seed?: number;
  /** Narrate the first request (the page does, for a first-time visitor). */
  narrateFirst?: boolean;
  /** The scenario's cluster computed ahead (at build time), drawn until the worker answers. */
  firstPicture?: FirstPicture;
  /** The layout to start with when nothing is saved (a shared link's). */
  positions?: Record<string, Position>;
  /** The graph's view to start with (a shared link's). */
  graphView?: GraphView;
  /** A run to reproduce once the scenario has loaded (a shared link's): each action at its point, then paused at `at`. */
  replay?: { entries: JournalEntry[]; at: SimPoint };
}

const HISTORY_LIMIT = 100;

/** What to draw before the worker answers: the autosave's cached cluster, else the build's picture. */
function firstCluster(saved: RestoredPlayground | null, opts: PlaygroundOptions): ClusterSummary | null {
  const text = saved?.yaml ?? opts.scenario;
  if (saved?.cluster && saved.clusterYaml === text) return saved.cluster;
  const p = opts.firstPicture;
  return p && p.yaml === text && p.seed === (opts.seed ?? 1) ? p.cluster : null;
}

export function createPlaygroundStore(opts: PlaygroundOptions): StoreApi<PlaygroundStore> {
  const client = opts.client ?? createSimClient();
  const { saved, damage } = opts.storageKey ? loadSaved(opts.storageKey) : { saved: null, damage: null };
  const hopLog = new HopLogBuffer(400);
  let loadSeq = 0;
  /** The text the latest load sent to the worker, until it answers: the suspect when the worker hangs. */
  let loading: string | null = null;

  let recover: (e: SimRestart) => Promise<void> = async () => {};
  const store = createStore<PlaygroundStore>()((set, get, api) => {
    /** Loads text into the simulation; keeps the last good cluster when it has errors. */
    const load = async (text: string): Promise<boolean> => {
      const seq = ++loadSeq;
      loading = text;
      const r = await client.load([{ file: "scenario.yaml", text }], opts.seed ?? 1);
      if (seq !== loadSeq) return false; // a newer edit won
      loading = null;
      if (!r.ok) {
        // Interrupted: the worker was restarted, and the restart says so and reloads.
        if (r.interrupted) return false;
        // Nothing drawn yet (the first load failed): the scenario stands in, so the page is never empty.
        if (!get().cluster && text !== opts.scenario) {
          await restore(opts.scenario);
          if (seq + 1 === loadSeq) set({ notice: loadFailedNotice(r.error) });
          return false;
        }
        set({ notice: { kind: "error", text: r.error } });
        return false;
      }
      set({ diagnostics: r.diagnostics });
      if (hasErrors(r.diagnostics)) {
        // The worker refused the objects with errors but loaded the rest; the view keeps the last good text.
        if (get().appliedYaml !== text && get().cluster) {
          await client.load([{ file: "scenario.yaml", text: get().appliedYaml }], opts.seed ?? 1);
          set({ diagnostics: r.diagnostics });
          return false;
        }
      }
      hopLog.clear();
      set({ appliedYaml: text, cluster: r.cluster, hopLog: [], notice: null });
      return true;
    };

    /** Loads `text` as the cluster on show, leaving the editor's text alone. */
    const restore = async (text: string): Promise<boolean> => {
      const editor = get().yaml;
      const ok = await load(text);
      if (get().yaml !== editor) set({ yaml: editor });
      return ok;
    };

    const runActions = async (actions: SimAction[]): Promise<Failure | null> => {
      for (const a of actions) {
        const r = await client.act(a);
        if (!r.ok) return r;
      }
      return null;
    };

    const apply = async (change: Change, direction: "do" | "undo"): Promise<boolean> => {
      const text = direction === "do" ? change.yamlAfter : change.yamlBefore;
      const actions = direction === "do" ? change.actions : change.inverse;
      if (text !== get().yaml) {
        set({ yaml: text });
        if (!actions.length) return load(text);
      }
      const err = await runActions(actions);
      if (err) refuse("error", err);
      else set({ appliedYaml: text });
      return !err;
    };

    /** Shows a refusal, unless a restart interrupted the command (the restart has its own notice). */
    const refuse = (kind: Notice["kind"], r: Failure) => {
      if (!r.interrupted) set({ notice: { kind, text: r.error } });
    };

    /**
     * After the watchdog replaced the worker: the new one has nothing loaded, so the last good cluster is
     * loaded again, unless that very text is what hung (a first load), when the scenario stands in.
     * Simulation-only changes (traffic, failed nodes) are gone with the old worker, and so is their undo.
     */
    recover = async (e: SimRestart) => {
      const suspect = e.command === "load" ? loading : null;
      const applied = get().appliedYaml;
      const fallback = suspect !== null && suspect === applied;
      hopLog.clear();
      set({ sim: null, hopLog: [], narration: null, past: [], future: [], followedPacket: null });
      if (!e.gaveUp) await restore(fallback ? opts.scenario : applied);
      set({ notice: restartNotice(e, { scenario: fallback, duringLoad: suspect !== null }) });
    };

    return {
      client,
      narrator: new Narrator(api),
      scenarioYaml: opts.scenario,
      yaml: saved?.yaml ?? opts.scenario,
      appliedYaml: saved?.yaml ?? opts.scenario,
      diagnostics: [],
      // The cluster as it was last drawn (or computed at build time) for this very text: the graph shows
      // at once, and the worker's own answer replaces it moments later.
      cluster: firstCluster(saved, opts),
      sim: null,
      hopLog: [],
      notice: null,
      positions: saved?.positions ?? opts.positions ?? {},
      graphView: opts.graphView ?? { namespace: null, collapsed: {} },
      selection: null,
      followedPacket: null,
      theme: saved?.theme ?? "light",
      projector: saved?.projector ?? false,
      panel: "inspector",
      traffic: { from: "client:laptop", to: "", connection: "new", count: 20, perSecond: 5 },
      logFilter: { packet: null, client: null },
      past: [],
      future: [],
      narrate: opts.narrateFirst ?? false,
      narration: null,

      async setYaml(text, o = {}) {
        const before = get().yaml;
        set({ yaml: text });
        const ok = await load(text);
        if (ok && o.record && before !== text)
          set((s) => ({
            past: [
              ...s.past,
              { label: o.record!, yamlBefore: before, yamlAfter: text, actions: [], inverse: [] },
            ].slice(-HISTORY_LIMIT),
            future: [],
          }));
      },

      async perform(c) {
        const before = get().yaml;
        let { yamlAfter = before, actions, inverse } = c;
        if (c.yamlEdit) {
          const { patchObject, objectText, ref } = await loadYamlTools();
          const e = c.yamlEdit;
          const r = ref(e.kind, e.name);
          const after = patchObject(before, r, e.path, e.value);
          if (after) yamlAfter = after;
          if (e.live) {
            const was = objectText(before, r);
            const next = after && objectText(after, r);
            if (!was || !next) {
              set({
                notice: { kind: "info", ...phrase("store.notWritten", { kind: e.kind, name: e.name }) },
              });
              return false;
            }
            actions = [...actions, { type: "apply", manifest: next }];
            inverse = [{ type: "apply", manifest: was }, ...inverse];
          }
        }
        const change: Change = { label: c.label, actions, inverse, yamlBefore: before, yamlAfter };
        const ok = await apply(change, "do");
        if (ok) set((s) => ({ past: [...s.past, change].slice(-HISTORY_LIMIT), future: [] }));
        return ok;
      },

      async undo() {
        const change = get().past.at(-1);
        if (!change) return;
        set((s) => ({ past: s.past.slice(0, -1), future: [...s.future, change] }));
        await apply(change, "undo");
      },

      async redo() {
        const change = get().future.at(-1);
        if (!change) return;
        set((s) => ({ future: s.future.slice(0, -1), past: [...s.past, change] }));
        await apply(change, "do");
      },

      async reset() {
        set({ yaml: opts.scenario, past: [], future: [], positions: {}, selection: null });
        await load(opts.scenario);
      },

      play: async () => void (await client.run()),
      pause: async () => void (await client.pause()),
      async togglePlay() {
        await (get().sim?.running ? client.pause() : client.run());
      },
      async step() {
        const r = await client.step();
        if (!r.ok) refuse("info", r);
      },
      async back() {
        const r = await client.back();
        if (!r.ok) refuse("info", r);
      },
      async setSpeed(factor) {
        const r = await client.setSpeed(factor);
        if (!r.ok) refuse("error", r);
      },

      async send(kind) {
        const t = get().traffic;
        if (!t.to) {
          set({ notice: { kind: "error", ...phrase("store.chooseTarget") } });
          return null;
        }
        const base = { from: t.from, to: t.to, connection: t.connection };
        const action: SimAction =
          kind === "send"
            ? { type: "send", ...base }
            : kind === "burst"
              ? // 1 ms apart, so that several connections are on the wire together.
                { type: "burst", ...base, count: t.count, intervalTicks: 1_000 }
              : { type: "rate", ...base, perSecond: t.perSecond, durationTicks: 60_000_000 };
        const r = await client.act(action);
        if (!r.ok) {
          refuse("error", r);
          return null;
        }
        if (kind === "send" && get().narrate) {
          // "On for the first request": once narrated, requests run at full pace unless asked again.
          if (opts.narrateFirst) set({ narrate: false });
          void get().narrator.start();
        } else if (!get().sim?.running) await client.run();
        return r.phase;
      },

      setTraffic: (patch) => set((s) => ({ traffic: { ...s.traffic, ...patch } })),
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
      setNarrate: (narrate) => set({ narrate }),
    };
  });

  client.onState((state) =>
    store.setState((s) => ({
      sim: state,
      cluster: state.cluster ?? s.cluster,
      hopLog: hopLog.snapshot(),
    })),
  );
  client.onHops((batch) => hopLog.ingest(batch));
  client.onRestart((e) => void recover(e));
  // A command's refusal goes back to whoever sent it (an action shows it, a narration steps on); only
  // faults outside any command are the page's to show.
  client.onError((e) => {
    if (e.requestId === null) store.setState({ notice: { kind: "error", text: e.message } });
  });

  if (opts.storageKey) startAutosave(store, opts.storageKey);

  const first = store.getState().setYaml(store.getState().yaml);
  const replay = opts.replay;
  if (replay)
    void first.then(async () => {
      const r = await client.restore(replay.entries, replay.at);
      if (!r.ok && !r.interrupted)
        store.setState({ notice: { kind: "error", ...phrase("share.runNotRestored", { reason: r.error }) } });
    });
  // Said once the first load has answered (a load that works clears the notice it finds).
  if (damage)
    void first.then(() => {
      if (store.getState().notice?.kind !== "error") store.setState({ notice: damageNotice(damage) });
    });
  return store;
}

/**
 * Saves the playground under `key` whenever the person's work changes (and once now, when `now` is set):
 * from creation for the page's own playground, or from the moment a shared one is kept as one's work.
 * Returns the way to stop.
 */
export function startAutosave(store: StoreApi<PlaygroundStore>, key: string, now = false): () => void {
  const save = (s: PlaygroundStore) =>
    savePlayground(key, {
      yaml: s.yaml,
      positions: s.positions,
      theme: s.theme,
      projector: s.projector,
      cluster: s.cluster,
      clusterYaml: s.appliedYaml,
    });
  if (now) save(store.getState());
  return store.subscribe((s, prev) => {
    if (
      s.yaml !== prev.yaml ||
      s.positions !== prev.positions ||
      s.theme !== prev.theme ||
      s.projector !== prev.projector ||
      (s.cluster !== prev.cluster && s.appliedYaml === s.yaml)
    )
      save(s);
  });
}
