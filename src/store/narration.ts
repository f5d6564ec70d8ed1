// Narrated requests: the packet moves one hop, stops where it arrived, and the view explains what
// happened there; Next moves it on, Back returns to the hop before (by replay). Built on the worker's
// step (run to the next hop event) and run-until (pause by itself at the hop's end).
import type { StoreApi } from "zustand/vanilla";
import { HOP } from "../protocol/simulation";
import type { HopLogEntry } from "./hopLog";
import type { PlaygroundStore } from "./playgroundStore";

export interface Narration {
  /** The narrated request's packet id, once its first hop is known. */
  packet: number | null;
  /** Its hops so far, in order. */
  hops: HopLogEntry[];
  /** The hop whose caption shows (-1 before the first). */
  index: number;
  /** moving: on its way to the next place; paused: the caption is up; done: the request has ended. */
  status: "moving" | "paused" | "done";
}

/** A reply delivered to its sender: a DNS answer (the connection follows) or the request's own reply. */
const answered = (flags: number): boolean => (flags & HOP.reply) !== 0 && (flags & HOP.deliver) !== 0;

/**
 * A hop after which nothing more happens to the request: the reply reached the client, or it gave up.
 * A name lookup's answer is not one: the pod goes on with its next query or its connection.
 */
const endsRequest = (flags: number): boolean =>
  (flags & HOP.timeout) !== 0 || (answered(flags) && (flags & HOP.dns) === 0);

/** A hop's identity that survives the log being rebuilt (a step back replays it with new numbers). */
const hopKey = (h: HopLogEntry): string => `${h.packet}|${h.start}|${h.from}|${h.to}|${h.flags}`;

/** How many steps a Next may take looking for the narrated packet's next hop among other traffic. */
const MAX_STEPS = 64;

export class Narrator {
  private busy = false;

  constructor(private readonly api: StoreApi<PlaygroundStore>) {}

  private get s(): PlaygroundStore {
    return this.api.getState();
  }

  private update(patch: Partial<Narration>): void {
    const n = this.s.narration;
    if (n) this.api.setState({ narration: { ...n, ...patch } });
  }

  /** The simulation's time when the narrated request was sent. */
  private startedAt = 0;

  /** Starts narrating the request just sent (its first hop is the next hop event). */
  async start(): Promise<void> {
    this.startedAt = this.s.sim?.now ?? 0;
    this.api.setState({ narration: { packet: null, hops: [], index: -1, status: "moving" } });
    // From a standing start: a running simulation would carry the packet past its first stop.
    await this.s.client.pause();
    await this.next();
  }

  /** Moves the packet to its next place and pauses there. */
  async next(): Promise<void> {
    const n = this.s.narration;
    if (!n || this.busy || n.status === "done") return;
    this.busy = true;
    try {
      this.update({ status: "moving" });
      const known = n.hops[n.index + 1];
      if (known) {
        await this.playTo(known.end);
        this.update({ index: n.index + 1, status: endsRequest(known.flags) ? "done" : "paused" });
        return;
      }
      // Arriving somewhere often puts the next hop on the wire at the same tick: it may be logged already.
      const hop = this.ownHopAfter(n) ?? (await this.stepToOwnHop());
      if (!hop) return this.update({ status: "done" });
      const cur = this.s.narration!;
      this.update({ packet: hop.packet, hops: [...cur.hops, hop] });
      await this.playTo(hop.end);
      this.update({ index: cur.hops.length, status: endsRequest(hop.flags) ? "done" : "paused" });
    } finally {
      this.busy = false;
    }
  }

  /** Back to where the packet stood at the hop before. */
  async back(): Promise<void> {
    const n = this.s.narration;
    if (!n || this.busy || n.index <= 0) return;
    this.busy = true;
    try {
      const prev = n.hops[n.index - 1]!;
      await this.s.client.seek(prev.end);
      this.update({ index: n.index - 1, status: "paused" });
    } finally {
      this.busy = false;
    }
  }

  /** Ends the narration; the simulation plays on. A move under way is abandoned. */
  async finish(): Promise<void> {
    this.api.setState({ narration: null });
    this.abandon?.();
    await this.s.client.run();
  }

  /** Ends the wait of a move under way (playTo), when the narration is closed meanwhile. */
  private abandon: (() => void) | null = null;

  /** Steps until a hop of the narrated packet appears (other traffic may step first). */
  private async stepToOwnHop(): Promise<HopLogEntry | null> {
    for (let i = 0; i < MAX_STEPS; i++) {
      const r = await this.s.client.step();
      if (!r.ok) return null;
      const hop = this.ownHopAfter(this.s.narration!);
      if (hop) return hop;
    }
    return null;
  }

  /**
   * The narrated packet's earliest logged hop not yet narrated (any packet's, before the first). After a
   * DNS answer, the pod's next packet: another query of its search path, or the connection itself.
   */
  private ownHopAfter(n: Narration): HopLogEntry | undefined {
    const last = n.hops.at(-1);
    const told = new Set(n.hops.map(hopKey));
    const sender = last && answered(last.flags) ? last.to : null;
    return this.s.hopLog.find(
      (h) =>
        (n.packet === null || h.packet === n.packet || h.from === sender) &&
        (!last || h.start >= last.end) &&
        !told.has(hopKey(h)) &&
        // Before the first hop: only what the send put on the wire, not older traffic still logged.
        (last || h.start >= this.startedAt),
    );
  }

  /**
   * Plays until the simulation reaches `tick` and pauses there (at once if it is there already). A pause
   * by hand on the way also ends the wait: the caption then shows where the packet stopped.
   */
  private playTo(tick: number): Promise<void> {
    if ((this.s.sim?.now ?? 0) >= tick) return Promise.resolve();
    return new Promise((resolve) => {
      let started = false;
      const end = () => {
        off();
        this.abandon = null;
        resolve();
      };
      const off = this.api.subscribe((s) => {
        if (!s.narration) end();
        else if (s.sim?.running) started = true;
        else if (s.sim && (started || s.sim.now >= tick)) end();
      });
      this.abandon = end;
      void this.s.client.run(tick);
    });
  }
}
