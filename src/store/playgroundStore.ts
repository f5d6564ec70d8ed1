// One store per playground instance (a blog post may embed several): the manifests, the last good
// cluster, the simulation's state as the worker reports it, and the view's own choices. Packets never
// pass through here: the canvas layer reads hop batches from the client directly. The state and its
// actions come in slices (history, playback, traffic, view), each made in its own file and put together
// here, with the wiring to the simulation client.
import { createStore, type StoreApi } from "zustand/vanilla";
import type { JournalEntry, SimPoint } from "../protocol/messages";
import { phrase } from "../i18n/phrase";
import type { FirstPicture } from "../worker/firstPicture";
import { createSimClient, type SimClient, type SimRestart } from "../worker/client";
import { createHistorySlice, type HistorySlice } from "./historySlice";
import { HopLogBuffer } from "./hopLog";
import { loadSaved, savePlayground } from "./persistence";
import { createPlaybackSlice, type PlaybackSlice } from "./playbackSlice";
import { damageNotice, restartNotice } from "./recoveryNotices";
import { Narrator } from "./narration";
import { createScenarioLoader } from "./scenarioLoader";
import type { SliceContext } from "./slice";
import { createTrafficSlice, type TrafficSlice } from "./trafficSlice";
import { createViewSlice, type GraphView, type Position, type ViewSlice } from "./viewSlice";
import { refusalMessage } from "./refusal";

export type { Change, NewChange } from "./historySlice";
export type { TrafficSettings } from "./trafficSlice";
export type { GraphView, Notice, Panel, Position, Theme } from "./viewSlice";

export type PlaygroundStore = HistorySlice &
  PlaybackSlice &
  TrafficSlice &
  ViewSlice & { readonly client: SimClient; readonly narrator: Narrator };

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

export function createPlaygroundStore(opts: PlaygroundOptions): StoreApi<PlaygroundStore> {
  const client = opts.client ?? createSimClient();
  const { saved, damage } = opts.storageKey ? loadSaved(opts.storageKey) : { saved: null, damage: null };
  const hopLog = new HopLogBuffer(400);

  let recover: (e: SimRestart) => Promise<void> = async () => {};
  const store = createStore<PlaygroundStore>()((set, get, api) => {
    const ctx: SliceContext = {
      set,
      get,
      client,
      opts,
      saved,
      refuse: (kind, r) => {
        if (!r.interrupted) set({ notice: { kind, ...refusalMessage(r) } });
      },
    };
    const loader = createScenarioLoader(ctx, hopLog);

    /**
     * After the watchdog replaced the worker: the new one has nothing loaded, so the last good cluster is
     * loaded again, unless that very text is what hung (a first load), when the scenario stands in.
     * Simulation-only changes (traffic, failed nodes) are gone with the old worker, and so is their undo.
     */
    recover = async (e: SimRestart) => {
      const suspect = e.command === "load" ? loader.loading : null;
      const applied = get().appliedYaml;
      const fallback = suspect !== null && suspect === applied;
      hopLog.clear();
      set({ sim: null, hopLog: [], narration: null, past: [], future: [], followedPacket: null });
      if (!e.gaveUp) await loader.restore(fallback ? opts.scenario : applied);
      set({ notice: restartNotice(e, { scenario: fallback, duringLoad: suspect !== null }) });
    };

    return {
      client,
      narrator: new Narrator(api),
      ...createHistorySlice(ctx, loader),
      ...createPlaybackSlice(ctx),
      ...createTrafficSlice(ctx),
      ...createViewSlice(ctx),
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
 * Changes close together are saved once, AUTOSAVE_DELAY_MS after the first (a save writes the whole text
 * and the cached cluster: not on every keystroke, nor in the first frame); leaving the page saves at once.
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
  let pending: PlaygroundStore | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending) save(pending);
    pending = null;
  };
  const onHidden = () => {
    if (document.visibilityState === "hidden") flush();
  };
  const page = typeof addEventListener === "function" && typeof document !== "undefined";
  if (page) {
    addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onHidden);
  }
  const stop = store.subscribe((s, prev) => {
    if (
      s.yaml !== prev.yaml ||
      s.positions !== prev.positions ||
      s.theme !== prev.theme ||
      s.projector !== prev.projector ||
      (s.cluster !== prev.cluster && s.appliedYaml === s.yaml)
    ) {
      pending = s;
      timer ??= setTimeout(flush, AUTOSAVE_DELAY_MS);
    }
  });
  return () => {
    flush();
    stop();
    if (page) {
      removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onHidden);
    }
  };
}

/** How long a change waits to be saved with the ones after it. */
export const AUTOSAVE_DELAY_MS = 300;
