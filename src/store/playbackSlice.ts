// Playback: the simulation's latest state as the worker reports it, the recent hops for the event log,
// and the transport's commands (play, pause, step, step back, speed).
import type { SimState } from "../protocol/messages";
import type { HopLogEntry } from "./hopLog";
import type { SliceContext } from "./slice";

export interface PlaybackSlice {
  sim: SimState | null;
  /** Log rows of recent hops, refreshed a few times a second. */
  hopLog: HopLogEntry[];

  play(): Promise<void>;
  pause(): Promise<void>;
  togglePlay(): Promise<void>;
  step(): Promise<void>;
  back(): Promise<void>;
  setSpeed(factor: number): Promise<void>;
}

export function createPlaybackSlice({ get, client, refuse }: SliceContext): PlaybackSlice {
  return {
    sim: null,
    hopLog: [],

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
  };
}
