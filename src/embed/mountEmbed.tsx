// Puts an embedded playground into an element: its own store (no autosave: a visitor's own work in the
// full page is never touched) and its own simulation worker, its own language. The iframe page and the
// <kube-hops> element both mount through here.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { StoreApi } from "zustand/vanilla";
import defaultScenario from "../../scenarios/default.yaml?raw";
import { detectLanguage, loadTable } from "../i18n/language";
import { I18nProvider } from "../i18n/react";
import { lessonHash } from "../lessons/route";
import {
  createPlaygroundStore,
  type PlaygroundOptions,
  type PlaygroundStore,
} from "../store/playgroundStore";
import { EmbedPlayground } from "./EmbedPlayground";
import type { EmbedOptions } from "./options";

export interface MountOptions extends EmbedOptions {
  /** The full page for "Open in Kube Hops"; the embed's lesson, if any, is added to it. */
  openHref?: string;
  /** The scenario's seed (a lesson's own by default). */
  seed?: number;
  /** A shared link's layout, view and run (see PlaygroundOptions). */
  positions?: PlaygroundOptions["positions"];
  graphView?: PlaygroundOptions["graphView"];
  replay?: PlaygroundOptions["replay"];
}

export interface EmbedHandle {
  readonly store: StoreApi<PlaygroundStore>;
  /** Unmounts the view and ends the simulation (its worker). */
  dispose(): void;
}

/**
 * Mounts a playground into `element` (emptied first) and resolves once its words are loaded. With a
 * lesson, the lesson's scenario and seed stand in for a missing scenario; a lesson that does not exist
 * rejects (the caller says so in words).
 */
export async function mountEmbed(element: HTMLElement, opts: MountOptions = {}): Promise<EmbedHandle> {
  const lang = opts.lang ?? detectLanguage();
  const words = Promise.all([loadTable(lang), loadTable("en")]);
  let scenario = opts.scenario;
  let seed = opts.seed;
  if (opts.lesson !== undefined) {
    const { loadLesson } = await import("../lessons/registry");
    const lesson = await loadLesson(opts.lesson);
    if (!lesson) throw new MissingLesson(opts.lesson);
    scenario ??= lesson.scenario;
    seed ??= lesson.seed ?? 1;
  }
  if (opts.height) element.style.height = opts.height;
  // The worker starts and loads the cluster while the words are still on their way.
  const store = createPlaygroundStore({
    scenario: scenario ?? defaultScenario,
    seed,
    positions: opts.positions,
    graphView: opts.graphView,
    replay: opts.replay,
  });
  try {
    await words;
  } catch (e) {
    store.getState().client.dispose();
    throw e;
  }
  const href = new URL(opts.openHref ?? "./", location.href);
  if (opts.lesson !== undefined && !opts.scenario) href.hash = lessonHash({ lesson: opts.lesson, step: 0 });
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <I18nProvider initial={lang} persist={false}>
        <EmbedPlayground store={store} openHref={href.href} autoplay={opts.autoplay} />
      </I18nProvider>
    </StrictMode>,
  );
  let disposed = false;
  return {
    store,
    dispose() {
      if (disposed) return;
      disposed = true;
      root.unmount();
      store.getState().client.dispose();
    },
  };
}

export class MissingLesson extends Error {
  override readonly name = "MissingLesson";
  constructor(readonly lesson: number) {
    super(`There is no lesson ${lesson}`);
  }
}
