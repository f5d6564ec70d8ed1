// An embed sleeps while nobody can see it (scrolled out of view, or its tab hidden): the simulation is
// paused, and played again on waking only when it was the sleep that paused it. The packet layer's
// loop sleeps by itself on the same two signals (src/animation/loop.ts).
import type { StoreApi } from "zustand/vanilla";
import type { PlaygroundStore } from "../store/playgroundStore";

interface SimSwitch {
  running(): boolean;
  pause(): void;
  play(): void;
}

/** Whether the embed is awake, from the two signals; pauses and resumes the simulation accordingly. */
export class Sleeper {
  private onScreen: boolean;
  private pageVisible = true;
  private asleep = false;
  private pausedBySleep = false;

  /**
   * `onScreen`: where the embed starts. Where it can be watched, it counts as out of view until the first
   * report says otherwise, so that nothing (autoplay) starts in an embed nobody has seen yet.
   */
  constructor(
    private sim: SimSwitch,
    private onChange: (asleep: boolean) => void = () => {},
    onScreen = true,
  ) {
    this.onScreen = onScreen;
  }

  setOnScreen(on: boolean): void {
    this.onScreen = on;
    this.update();
  }

  setPageVisible(on: boolean): void {
    this.pageVisible = on;
    this.update();
  }

  get sleeping(): boolean {
    return this.asleep;
  }

  private update(): void {
    const asleep = !(this.onScreen && this.pageVisible);
    if (asleep === this.asleep) return;
    this.asleep = asleep;
    if (asleep) {
      this.pausedBySleep = this.sim.running();
      if (this.pausedBySleep) this.sim.pause();
    } else if (this.pausedBySleep) {
      this.pausedBySleep = false;
      this.sim.play();
    }
    this.onChange(asleep);
  }
}

/**
 * Watches `root` and the page; marks the root `data-asleep` while it sleeps, and tells `onChange`.
 * Returns the stop function.
 */
export function sleepWhenHidden(
  root: HTMLElement,
  store: StoreApi<PlaygroundStore>,
  onChange: (asleep: boolean) => void = () => {},
): () => void {
  const sleeper = new Sleeper(
    {
      running: () => store.getState().sim?.running ?? false,
      pause: () => void store.getState().pause(),
      play: () => void store.getState().play(),
    },
    (asleep) => {
      if (asleep) root.dataset.asleep = "true";
      else delete root.dataset.asleep;
      onChange(asleep);
    },
    typeof IntersectionObserver !== "function",
  );
  const onVisibility = () => sleeper.setPageVisible(document.visibilityState !== "hidden");
  document.addEventListener("visibilitychange", onVisibility);
  onVisibility();
  const io =
    typeof IntersectionObserver === "function"
      ? new IntersectionObserver((entries) => {
          const last = entries.at(-1);
          if (last) sleeper.setOnScreen(last.isIntersecting);
        })
      : null;
  io?.observe(root);
  return () => {
    io?.disconnect();
    document.removeEventListener("visibilitychange", onVisibility);
  };
}
