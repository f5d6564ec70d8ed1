// What each part (slice) of a playground store is made with. The slices (history, playback, traffic,
// view) each create their own state and actions; playgroundStore.ts composes them into one store.
import type { StoreApi } from "zustand/vanilla";
import type { Failure, SimClient } from "../worker/client";
import type { RestoredPlayground } from "./persistence";
import type { PlaygroundOptions, PlaygroundStore } from "./playgroundStore";
import type { Notice } from "./viewSlice";

export interface SliceContext {
  set: StoreApi<PlaygroundStore>["setState"];
  get: StoreApi<PlaygroundStore>["getState"];
  client: SimClient;
  opts: PlaygroundOptions;
  /** What the autosave kept, if anything. */
  saved: RestoredPlayground | null;
  /** Shows a refusal, unless a restart interrupted the command (the restart has its own notice). */
  refuse(kind: Notice["kind"], r: Failure): void;
}
