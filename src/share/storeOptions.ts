// A playground opened from a shared link: the options its store starts with.
import type { PlaygroundOptions } from "../store/playgroundStore";
import type { SharedState } from "./link";

/** What a playground opened from a link starts with: its scenario, seed, layout, view and run. */
export function sharedStoreOptions(s: SharedState) {
  return {
    scenario: s.yaml,
    seed: s.seed,
    positions: s.positions,
    graphView: s.view,
    replay: { entries: s.journal, at: s.at },
  } satisfies PlaygroundOptions;
}
