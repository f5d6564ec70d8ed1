// The simulation's owner on the worker side: it takes commands and frame signals, advances the
// simulation as wall time passes (through the injected clock), and sends hop batches at most once per
// frame and small state snapshots a few times a second. It knows nothing of Worker or `self`, so tests
// and the in-process fallback run it as it is.
import type { ManifestFile } from "../model/load";
import { Simulation } from "../engine/sim/simulation";
import type { ClusterEvent, HopEvent, Tick } from "../engine/sim/types";
import { type Refusal, workerRefusal } from "../protocol/errors";
import { HopBatchEncoder } from "../protocol/hopBatch";
import {
  MAX_SPEED,
  MIN_SPEED,
  RESTORE_EVENT_LIMIT,
  type ClusterSummary,
  type CommandMessage,
  type InMessage,
  type JournalEntry,
  type OutMessage,
  type SimPoint,
  type SimState,
} from "../protocol/messages";
import { Driver, newOutput, type Output } from "./driver";
import { Playback } from "./playback";
import { replay, type ReplayTarget } from "./replay";
import { inspect } from "./inspect";
import { clusterSummary, endpointsByService } from "./summary";
import type { Cluster } from "../model/cluster";
import { Timeline } from "./timeline";

export interface RunnerOptions {
  /** Wall time in milliseconds (the worker passes performance.now). */
  clock: () => number;
  post: (msg: OutMessage, transfer: Transferable[]) => void;
  /**
   * Virtual ticks per wall second at speed 1. The default, 2 ms of cluster time per second, makes an
   * external hop (2 ms) last a second on screen.
   */
  ticksPerWallSecond?: number;
  /** The least wall time between two state snapshots while running. */
  statePeriodMs?: number;
  maxFrameGapMs?: number;
  /** A frame runs at most this many events; beyond, the run slows down rather than freeze the thread. */
  maxEventsPerFrame?: number;
  checkpointEvery?: number;
  /** How many events a step runs at most looking for the next hop. */
  stepLookahead?: number;
  /**
   * Time-lapse: while no packet is on the wire, the clock runs this many times faster, up to the next
   * event, so that a 50 s node monitor grace period does not take half an hour to watch.
   */
  idleSpeedup?: number;
}

const DEFAULT_TICKS_PER_WALL_SECOND = 2000;

interface Loaded {
  files: ManifestFile[];
  seed: number;
  driver: Driver;
}

export class Runner {
  private readonly opts: Required<RunnerOptions>;
  private readonly playback: Playback;
  private readonly encoder = new HopBatchEncoder();
  private loaded: Loaded | null = null;
  private pending: Output = newOutput();
  /** Hops sent and still travelling: what a jump has to send again. */
  private inFlight: HopEvent[] = [];
  private log: ClusterEvent[] = [];
  private sentEvents = 0;
  private lastStateWall = -Infinity;
  /** Where a run pauses by itself (run's `until`), or null. */
  private pauseAt: Tick | null = null;

  constructor(options: RunnerOptions) {
    this.opts = {
      ticksPerWallSecond: DEFAULT_TICKS_PER_WALL_SECOND,
      statePeriodMs: 250,
      maxFrameGapMs: 100,
      maxEventsPerFrame: 50_000,
      checkpointEvery: 256,
      stepLookahead: 10_000,
      idleSpeedup: 2000,
      ...options,
    };
    this.playback = new Playback(
      this.opts.clock,
      this.opts.ticksPerWallSecond / 1000,
      this.opts.maxFrameGapMs,
    );
  }

  handle(msg: InMessage): void {
    switch (msg.type) {
      case "frame":
        try {
          return this.frame();
        } catch (e) {
          // Pause, or the same fault would come back every frame.
          this.playback.pause(this.loaded?.driver.sim.now ?? 0);
          return this.fail(null, e instanceof Error ? e.message : String(e));
        }
      case "release":
        return this.encoder.pool.give(msg.ints, msg.floats);
      default:
        try {
          this.command(msg);
        } catch (e) {
          // A fault in one command must not end the session: report it and carry on.
          this.fail(msg.id, e instanceof Error ? e.message : String(e));
        }
    }
  }

  private command(msg: CommandMessage): void {
    switch (msg.type) {
      case "load":
        return this.load(msg.id, msg.files, msg.seed);
      case "act": {
        const d = this.need(msg.id);
        if (!d) return;
        const r = d.act(msg.action);
        if (!r.ok) return this.refuse(msg.id, r.error);
        this.sendState();
        return this.ack(msg.id, r.value.phase);
      }
      case "run":
        this.pauseAt = msg.until ?? null;
        this.playback.run(this.loaded?.driver.sim.now ?? 0);
        this.sendState();
        return this.ack(msg.id);
      case "pause":
        this.pauseAt = null;
        if (this.loaded && this.playback.running)
          this.loaded.driver.advanceTo(this.playback.target(), this.pending);
        this.playback.pause(this.loaded?.driver.sim.now ?? 0);
        this.flush();
        this.sendState();
        return this.ack(msg.id);
      case "step":
        return this.step(msg.id);
      case "back": {
        const d = this.need(msg.id);
        if (!d) return;
        const last = d.timeline.lastHopEvent();
        if (last === undefined) return this.refuse(msg.id, workerRefusal("nothing-to-step-back"));
        return this.jumpBack(msg.id, { events: last - 1 }, false);
      }
      case "speed":
        if (!Number.isFinite(msg.factor) || msg.factor < MIN_SPEED || msg.factor > MAX_SPEED)
          return this.refuse(
            msg.id,
            workerRefusal("invalid-speed", { factor: msg.factor, min: MIN_SPEED, max: MAX_SPEED }),
          );
        this.playback.setSpeed(msg.factor);
        this.sendState();
        return this.ack(msg.id);
      case "seek":
        return this.seek(msg.id, msg.tick);
      case "inspect": {
        const d = this.need(msg.id);
        if (!d) return;
        const result = inspect(d.sim.cluster, msg.target, msg.node);
        return this.post({ type: "inspected", requestId: msg.id, result });
      }
      case "journal": {
        const l = this.loaded;
        if (!this.need(msg.id) || !l) return;
        const sim = l.driver.sim;
        return this.post({
          type: "journal",
          requestId: msg.id,
          seed: l.seed,
          entries: l.driver.timeline.actions.map((a) => ({
            events: a.events,
            tick: a.tick,
            action: a.action,
          })),
          at: { events: sim.eventsProcessed, tick: sim.now },
        });
      }
      case "restore":
        return this.restore(msg.id, msg.entries, msg.at);
      default: {
        const _exhaustive: never = msg;
        return _exhaustive;
      }
    }
  }

  private load(id: number, files: ManifestFile[], seed: number | undefined): void {
    const sim = Simulation.load(files, seed === undefined ? {} : { seed });
    this.loaded = { files, seed: sim.seed, driver: new Driver(sim, new Timeline(this.opts.checkpointEvery)) };
    this.pending = newOutput();
    this.inFlight = [];
    this.log = [];
    this.sentEvents = 0;
    this.encoder.resetTables();
    this.playback.moved(sim.now);
    this.post({
      type: "loaded",
      requestId: id,
      diagnostics: sim.diagnostics,
      cluster: clusterSummary(sim.cluster),
      seed: sim.seed,
    });
    this.sendBatch([], true);
    this.sendState();
  }

  private step(id: number): void {
    const d = this.need(id);
    if (!d) return;
    // Stepping is for looking closely: it pauses a run, as a debugger does.
    if (this.playback.running) this.playback.pause(d.sim.now);
    this.flush();
    const before = { events: d.sim.eventsProcessed, tick: d.sim.now };
    if (!d.stepHop(this.pending, this.opts.stepLookahead)) {
      // Nothing to show: undo the look ahead (by replay), so a step that finds no hop changes nothing.
      this.pending = newOutput();
      const l = this.loaded!;
      l.driver = replay(l.files, l.seed, d.timeline, before).driver;
      this.playback.moved(before.tick);
      return this.refuse(id, workerRefusal("nothing-to-step"));
    }
    this.playback.moved(d.sim.now);
    this.flush();
    this.sendState();
    this.ack(id);
  }

  private seek(id: number, tick: Tick): void {
    const d = this.need(id);
    if (!d) return;
    if (!Number.isInteger(tick) || tick < 0) return this.refuse(id, workerRefusal("invalid-time", { tick }));
    if (tick < d.sim.now) return this.jumpBack(id, { tick }, this.playback.running);
    this.flush(false);
    d.advanceTo(tick, this.pending);
    this.flush(false);
    this.playback.moved(d.sim.now);
    this.sendBatch(this.inFlight, true);
    this.sendState();
    this.ack(id);
  }

  private restore(id: number, entries: JournalEntry[], at: SimPoint): void {
    const d = this.need(id);
    if (!d) return;
    this.pauseAt = null;
    this.playback.pause(d.sim.now);
    this.flush();
    let budget = RESTORE_EVENT_LIMIT;
    const go = (p: SimPoint): Refusal | null => {
      const before = d.sim.eventsProcessed;
      const r = d.reach(p, this.pending, budget);
      budget -= d.sim.eventsProcessed - before;
      this.flush(false);
      if (r === "budget") return workerRefusal("replay-too-long", { limit: RESTORE_EVENT_LIMIT });
      if (r === "missed") return workerRefusal("replay-missed", { events: p.events, tick: p.tick });
      return null;
    };
    const done = (error: Refusal | null) => {
      this.playback.pause(d.sim.now);
      this.sendBatch(this.inFlight, true);
      this.sendState();
      if (error) this.refuse(id, error);
      else this.ack(id);
    };
    for (const e of entries) {
      const missed = go(e);
      if (missed) return done(missed);
      const r = d.act(e.action);
      if (!r.ok) return done(workerRefusal("replay-refused", { reason: r.error.message }));
    }
    done(go(at));
  }

  private jumpBack(id: number, target: ReplayTarget, keepRunning: boolean): void {
    const l = this.loaded!;
    const r = replay(l.files, l.seed, l.driver.timeline, target);
    l.driver = r.driver;
    this.pending = newOutput();
    this.inFlight = r.inFlight;
    this.log = r.events;
    this.sentEvents = Math.min(this.sentEvents, this.log.length);
    if (keepRunning) this.playback.moved(r.driver.sim.now);
    else this.playback.pause(r.driver.sim.now);
    this.sendBatch(this.inFlight, true);
    this.sendState();
    this.ack(id);
  }

  private frame(): void {
    const l = this.loaded;
    if (!l) return;
    if (this.playback.running) {
      let target = this.playback.target();
      const now = l.driver.sim.now;
      const next = l.driver.sim.nextEventTick();
      if (this.inFlight.length === 0 && next !== undefined && next > target && target > now) {
        target = Math.min(next, now + (target - now) * this.opts.idleSpeedup);
        this.playback.moved(target);
      }
      const stop = this.pauseAt !== null && target >= this.pauseAt;
      if (stop) target = this.pauseAt!;
      const reached = l.driver.advanceTo(target, this.pending, this.opts.maxEventsPerFrame);
      if (!reached) this.playback.moved(l.driver.sim.now);
      else if (stop) {
        this.pauseAt = null;
        this.playback.pause(l.driver.sim.now);
        this.flush();
        return this.sendState();
      }
    }
    this.flush();
    if (this.playback.running && this.opts.clock() - this.lastStateWall >= this.opts.statePeriodMs)
      this.sendState();
  }

  /** Sends what the simulation produced since the last flush (unless a jump will resend it). */
  private flush(send = true): void {
    const now = this.loaded?.driver.sim.now ?? 0;
    for (const e of this.pending.events) this.log.push(e);
    const hops = this.pending.hops;
    this.pending = newOutput();
    if (hops.length > 0 && send) this.sendBatch(hops, false);
    for (const h of hops) this.inFlight.push(h);
    if (this.inFlight.some((h) => h.end <= now)) this.inFlight = this.inFlight.filter((h) => h.end > now);
  }

  private sendBatch(hops: readonly HopEvent[], reset: boolean): void {
    const batch = this.encoder.encode(hops, this.loaded?.driver.sim.now ?? 0, reset);
    this.post({ type: "hopBatch", batch }, [batch.ints.buffer, batch.floats.buffer]);
  }

  private seenCluster: Cluster | null = null;
  private sentSummary = "";

  /** The cluster's summary when it differs from the last one sent (pods came or went), else null. */
  private changedSummary(cluster: Cluster | undefined): ClusterSummary | null {
    // The cluster object is replaced on every change: identity says when to look, content whether to send.
    if (!cluster || cluster === this.seenCluster) return null;
    this.seenCluster = cluster;
    const summary = clusterSummary(cluster);
    const text = JSON.stringify(summary);
    if (text === this.sentSummary) return null;
    this.sentSummary = text;
    return summary;
  }

  private sendState(): void {
    this.lastStateWall = this.opts.clock();
    const sim = this.loaded?.driver.sim;
    const state: SimState = {
      now: sim?.now ?? 0,
      running: this.playback.running,
      speed: this.playback.speed,
      eventsProcessed: sim?.eventsProcessed ?? 0,
      nextEventTick: sim?.nextEventTick() ?? null,
      endpoints: sim ? endpointsByService(sim.cluster) : {},
      nodes: sim ? sim.nodeStatus().map((n) => ({ name: n.name, up: n.up, ready: n.ready })) : [],
      phases: sim ? sim.phases() : [],
      eventsFrom: this.sentEvents,
      events: this.log.slice(this.sentEvents),
      cluster: this.changedSummary(sim?.cluster),
    };
    this.sentEvents = this.log.length;
    this.post({ type: "state", state });
  }

  private need(id: number): Driver | undefined {
    if (!this.loaded) this.refuse(id, workerRefusal("not-loaded"));
    return this.loaded?.driver;
  }

  private ack(id: number, phase: number | null = null): void {
    this.post({ type: "ack", requestId: id, phase });
  }

  /** A fault (a bug, or what has no code): its message only. */
  private fail(id: number | null, message: string): void {
    this.post({ type: "error", requestId: id, message });
  }

  private refuse(id: number | null, refusal: Refusal): void {
    this.post({ type: "error", requestId: id, message: refusal.message, refusal });
  }

  private post(msg: OutMessage, transfer: Transferable[] = []): void {
    this.opts.post(msg, transfer);
  }
}
