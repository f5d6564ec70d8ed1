// The scenario's text and its undo history: what the editor holds, what last loaded without errors (what
// the graph shows), and the changes that can be undone and redone, each kept as the YAML before and after
// plus the simulation actions that replay it and their inverses.
import type { Diagnostic } from "../protocol/diagnostics";
import type { ClusterSummary } from "../protocol/messages";
import type { SimAction } from "../protocol/simulation";
import { phrase, type Phrase } from "../i18n/phrase";
import type { Failure } from "../worker/client";
import type { ScenarioLoader } from "./scenarioLoader";
import type { SliceContext } from "./slice";
import { loadYamlTools } from "./yamlTools";

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

export interface HistorySlice {
  /** The scenario as shipped, for "reset". */
  scenarioYaml: string;
  /** The text in the editor. */
  yaml: string;
  /** The last text that loaded without errors: what the graph shows. */
  appliedYaml: string;
  diagnostics: Diagnostic[];
  cluster: ClusterSummary | null;
  past: Change[];
  future: Change[];

  /** Sets the editor text; loads it when it has no errors (the last good cluster stays otherwise). */
  setYaml(text: string, opts?: { record?: Phrase }): Promise<void>;
  /** Runs an action in the simulation, optionally with the YAML change that mirrors it, as one undoable change. */
  perform(change: NewChange): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  reset(): Promise<void>;
}

const HISTORY_LIMIT = 100;

/** What to draw before the worker answers: the autosave's cached cluster, else the build's picture. */
function firstCluster({ saved, opts }: SliceContext): ClusterSummary | null {
  const text = saved?.yaml ?? opts.scenario;
  if (saved?.cluster && saved.clusterYaml === text) return saved.cluster;
  const p = opts.firstPicture;
  return p && p.yaml === text && p.seed === (opts.seed ?? 1) ? p.cluster : null;
}

export function createHistorySlice(ctx: SliceContext, loader: ScenarioLoader): HistorySlice {
  const { set, get, client, opts, saved, refuse } = ctx;
  const { load } = loader;

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

  return {
    scenarioYaml: opts.scenario,
    yaml: saved?.yaml ?? opts.scenario,
    appliedYaml: saved?.yaml ?? opts.scenario,
    diagnostics: [],
    // The cluster as it was last drawn (or computed at build time) for this very text: the graph shows
    // at once, and the worker's own answer replaces it moments later.
    cluster: firstCluster(ctx),
    past: [],
    future: [],

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
  };
}
