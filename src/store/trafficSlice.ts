// Traffic: what the traffic controls are set to, sending it, and the narrated request (the next single
// request explained hop by hop, when asked).
import type { ConnectionStyle, SimAction } from "../protocol/simulation";
import { phrase } from "../i18n/phrase";
import type { Narration } from "./narration";
import type { SliceContext } from "./slice";

export interface TrafficSettings {
  /** client:NAME, pod:NS/NAME or node:NAME. */
  from: string;
  /** IP:PORT or NAME:PORT. */
  to: string;
  connection: ConnectionStyle;
  count: number;
  perSecond: number;
}

export interface TrafficSlice {
  traffic: TrafficSettings;
  /** Whether the next single request is narrated hop by hop. */
  narrate: boolean;
  /** The narrated request in progress, or null. */
  narration: Narration | null;

  /** Starts traffic from the traffic settings; resolves to its phase (for stopTraffic), or null when refused. */
  send(kind: "send" | "burst" | "rate"): Promise<number | null>;
  setTraffic(patch: Partial<TrafficSettings>): void;
  setNarrate(on: boolean): void;
}

export function createTrafficSlice({ set, get, client, opts, refuse }: SliceContext): TrafficSlice {
  return {
    traffic: { from: "client:laptop", to: "", connection: "new", count: 20, perSecond: 5 },
    narrate: opts.narrateFirst ?? false,
    narration: null,

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
    setNarrate: (narrate) => set({ narrate }),
  };
}
