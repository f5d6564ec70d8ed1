// Loading scenario text into the simulation: the newest edit wins, text with errors leaves the last good
// cluster on show, and a first load that fails falls back to the scenario so the page is never empty.
import { hasErrors } from "../protocol/diagnostics";
import type { HopLogBuffer } from "./hopLog";
import { loadFailedNotice } from "./recoveryNotices";
import type { SliceContext } from "./slice";

export interface ScenarioLoader {
  /** Loads text into the simulation; keeps the last good cluster when it has errors. */
  load(text: string): Promise<boolean>;
  /** Loads `text` as the cluster on show, leaving the editor's text alone. */
  restore(text: string): Promise<boolean>;
  /** The text the latest load sent to the worker, until it answers: the suspect when the worker hangs. */
  readonly loading: string | null;
}

export function createScenarioLoader(
  { set, get, client, opts }: SliceContext,
  hopLog: HopLogBuffer,
): ScenarioLoader {
  let loadSeq = 0;
  let loading: string | null = null;

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

  const restore = async (text: string): Promise<boolean> => {
    const editor = get().yaml;
    const ok = await load(text);
    if (get().yaml !== editor) set({ yaml: editor });
    return ok;
  };

  return {
    load,
    restore,
    get loading() {
      return loading;
    },
  };
}
