// The discrete-event simulation: a virtual clock in integer ticks, one event queue, one seeded RNG.
// Requests open connections whose first packet is traced through each node's kube-proxy rules as last
// synced (conntrack then keeps the NAT for the connection's later packets); every hop is an event. The
// cluster changes on the same agenda (clusterRuntime.ts). Same manifests + seed + actions at the same
// ticks give the same events, always.
import type { Cluster } from "../../model/cluster";
import { isNodeReady } from "../../model/conditions";
import type { Diagnostic } from "../../model/diagnostics";
import { parseIP } from "../../model/ip";
import type { Node, Pod, Service } from "../../model/k8s";
import { loadManifests, type ManifestFile } from "../../model/load";
import type { Candidate, Decision, ExplainQuery } from "../proxy";
import { chooseEndpoint, nodeRules } from "../proxy";
import { refuse } from "../refusals";
import { type EngineError, fail, ok, type Result } from "../result";
import { createRng, type Rng } from "../rng";
import { icmpDestination, parseAddress } from "../trace/address";
import { dnsSeed } from "../trace/dnsLookup";
import { queryWalker } from "../trace/trace";
import type { HopWhy, TraceRequest } from "../trace/types";
import { ClusterRuntime, type RuntimeEvent } from "./clusterRuntime";
import { EventQueue } from "./eventQueue";
import { SessionAffinity } from "./sessionAffinity";
import { LoadBalancers } from "./loadBalancers";
import { PhaseRecorder } from "./metrics";
import { type PathStep } from "./compiledPath";
import { DepartedHops } from "./departedHops";
import { checkAction } from "./limits";
import { type Timing, timingFor } from "./timing";
import { type LookupPlan, planLookup } from "./nameLookups";
import { type TemplateHooks, type TraceTemplate, TraceTemplates } from "./traceTemplates";
import {
  type ActionResult,
  type ClusterEvent,
  HOP,
  type PhaseMetrics,
  type RequestResult,
  type SimAction,
  type Tick,
  TICKS_PER_MS,
  TICKS_PER_SECOND,
} from "./types";

export interface SimOutput {
  /** Valid until the next advanceTo or step: read or copy what you keep before. */
  hops: DepartedHops;
  events: ClusterEvent[];
}

export interface SimOptions {
  seed?: number;
  /** Events to process at most; past them the clock stands still (a script run's cap, limits.ts). */
  maxEvents?: number;
  /** Whether hop events are kept for the caller (false when nobody reads them: less memory). */
  hops?: boolean;
}

type TrafficAction = Extract<SimAction, { type: "send" | "burst" | "rate" }>;

type SimEvent =
  | Generator
  | Request
  | { k: "timeout"; req: Request; result: RequestResult }
  | { k: "proxySync"; node: string }
  | { k: "lbProbe" }
  | RuntimeEvent;

interface Connection {
  id: number;
  /** The connection's traced path, shared by every connection that took the same one. */
  trace: Omit<TraceTemplate, "trace">;
  /** The connection's source port, which goes into the path's addresses (none for ICMP). */
  port: number | null;
  open: boolean;
}

/** A request is its own arrival event: its packet is at one place at a time, so one arrival is queued. */
interface Request {
  k: "arrive";
  /** The step of the path the packet arrives at next, and its index. */
  step: PathStep;
  hop: number;
  id: number;
  phase: number;
  connection: Connection;
  start: Tick;
  /** The packet's path for this request: the connection's traced hops (conntrack replays them). */
  path: PathStep[];
  /** No more hops: the packet arrived, vanished or awaits the client's timeout. */
  ended: boolean;
  /** The result is counted. */
  closed: boolean;
  /** How long the client waits for an answer: the client's timeout, or for a DNS query the resolver's. */
  wait: Tick;
  /** Set on a DNS query's packet: the lookup it belongs to. */
  lookup: LookupRun | null;
}

/** A new connection's name lookup in progress: its queries, one after the other, then the connection. */
interface LookupRun {
  g: Generator;
  /** When the request started: the lookup's time counts in its latency. */
  start: Tick;
  plan: LookupPlan;
  /** The query sent next. */
  next: number;
}

/** A traffic action's requests: it is its own event, the next request's start (one is queued at a time). */
interface Generator {
  k: "generate";
  phase: number;
  action: TrafficAction;
  /** The action's trace request, the same object for every connection (the templates' key). */
  request: TraceRequest;
  remaining: number;
  interval: Tick;
  until: Tick;
  /** The keep-alive connection this action's requests share, while it stays open. */
  keepAlive: Connection | null;
  /** Whether `request.to` is a name (looked up before each new connection), read once per action. */
  byName: boolean;
}

export class Simulation {
  readonly diagnostics: Diagnostic[];
  private clock: Tick = 0;
  private queue = new EventQueue<SimEvent>();
  private rng: Rng;
  /** The name lookups' own random stream (source ports, CoreDNS pods): the connections' draws stay as they are. */
  private dnsRng: Rng;
  private runtime: ClusterRuntime;
  private lbs: LoadBalancers;
  private timing: Timing;
  /** Each node's kube-proxy rules as of its last sync, by node and IP family. */
  private rules = new Map<string, (q: Omit<ExplainQuery, "node">) => Decision>();
  /**
   * What those rules decide for a first packet, by node and then by (source, destination, protocol):
   * the rules are fixed between syncs, so the decision is too (only the random choice is per connection).
   */
  private decisions = new Map<string, Map<string, Decision>>();
  private affinity = new SessionAffinity();
  /** Moves whenever the cluster or the down nodes change: path steps' older memos of deadAt are stale. */
  private liveness = 0;
  private phasesList: PhaseRecorder[] = [];
  private generators = new Map<number, Generator>();
  private nextId = 1;
  private out: SimOutput = { hops: new DepartedHops(), events: [] };
  /** The hops last handed out, reused for the window after next. */
  private spare = new DepartedHops();
  private processed = 0;
  /** Traces by request and random outcomes; cleared whenever the nodes, their rules or a rotation change. */
  private templates: TraceTemplates;
  /** How this simulation's walks see the cluster: down nodes, synced rules, affinity, rotations. */
  private walkHooks: Omit<TemplateHooks, "rng">;

  private readonly maxEvents: number;
  private readonly keepHops: boolean;

  private constructor(
    files: ManifestFile[],
    readonly seed: number,
    opts: SimOptions,
  ) {
    this.maxEvents = opts.maxEvents ?? Infinity;
    this.keepHops = opts.hops ?? true;
    const loaded = loadManifests(files);
    this.diagnostics = loaded.diagnostics;
    this.timing = timingFor(loaded.cluster.config);
    this.rng = createRng(seed);
    this.dnsRng = createRng(dnsSeed(seed));
    this.runtime = new ClusterRuntime(
      loaded.api,
      loaded.cluster.sources,
      this.timing,
      (delay, e) => this.queue.push(this.clock + delay, e),
      (e) => this.out.events.push({ tick: this.clock, ...e }),
      () => this.clusterChanged(),
    );
    this.lbs = new LoadBalancers(this.timing);
    this.lbs.init(this.runtime.cluster, this.runtime.down);
    this.walkHooks = {
      downNodes: this.runtime.down,
      decide: this.decide,
      choose: this.choose,
      loadBalancerBackends: (svc: Service) => this.lbs.backends(svc, this.cluster),
    };
    this.templates = new TraceTemplates({ rng: this.rng, ...this.walkHooks }, this.timing);
    this.queue.push(this.timing.healthCheck.interval, { k: "lbProbe" });
  }

  static load(files: ManifestFile[], opts: SimOptions = {}): Simulation {
    return new Simulation(files, opts.seed ?? 1, opts);
  }

  get now(): Tick {
    return this.clock;
  }

  get cluster(): Cluster {
    return this.runtime.cluster;
  }

  get eventsProcessed(): number {
    return this.processed;
  }

  /** Whether the run has processed its maxEvents and stopped, with events still on the agenda. */
  get stoppedAtEventCap(): boolean {
    return this.processed >= this.maxEvents && this.queue.peek() !== undefined;
  }

  nextEventTick(): Tick | undefined {
    return this.queue.peek()?.tick;
  }

  phases(): PhaseMetrics[] {
    return this.phasesList.map((p) => p.snapshot());
  }

  /** Whether phase i has started all its requests and seen every one end. */
  phaseDone(i: number): boolean {
    return this.phasesList[i]?.done ?? true;
  }

  nodeStatus(): { name: string; up: boolean; ready: boolean }[] {
    return this.cluster.nodes.map((n) => ({
      name: n.metadata.name,
      up: !this.runtime.down.has(n.metadata.name),
      ready: isNodeReady(n),
    }));
  }

  /** Takes an action; refuses (never throws) whatever the protocol can carry that it cannot take. */
  act(action: SimAction): ActionResult {
    const refused = checkAction(action);
    if (refused) return fail(refuse.invalidAction(refused));
    switch (action.type) {
      case "send":
      case "burst":
      case "rate":
        return this.startTraffic(action);
      case "stopTraffic": {
        const g = this.generators.get(action.phase);
        if (!g) return fail(refuse.unknownPhase(action.phase));
        g.remaining = 0;
        return TAKEN;
      }
      case "failNode":
        this.templates.clear();
        this.liveness++;
        return taken(this.runtime.failNode(action.node));
      case "recoverNode":
        this.templates.clear();
        this.liveness++;
        return taken(this.runtime.recoverNode(action.node));
      case "deletePod":
        return taken(this.runtime.deletePod(action.pod, this.clock));
      case "scale":
        return taken(this.runtime.scale(action.deployment, action.replicas, this.clock));
      case "apply":
        return taken(this.runtime.apply(action.manifest, this.clock));
      default: {
        const never: never = action;
        throw new Error(`checkAction let through ${JSON.stringify(never)}`);
      }
    }
  }

  /** Runs every event up to `tick`, then sets the clock there; at the event cap it stops short. */
  advanceTo(tick: Tick): SimOutput {
    for (let next = this.queue.peek(); next && next.tick <= tick; next = this.queue.peek()) {
      if (this.processed >= this.maxEvents) return this.flush();
      this.runNext();
    }
    this.clock = Math.max(this.clock, tick);
    return this.flush();
  }

  step(): SimOutput | null {
    if (!this.queue.peek() || this.processed >= this.maxEvents) return null;
    this.runNext();
    return this.flush();
  }

  private flush(): SimOutput {
    const out = this.out;
    this.spare.clear();
    this.out = { hops: this.spare, events: [] };
    this.spare = out.hops;
    return out;
  }

  private runNext(): void {
    const item = this.queue.pop()!;
    this.clock = item.tick;
    this.processed++;
    const e = item.event;
    switch (e.k) {
      case "generate":
        return this.generate(e);
      case "arrive":
        return this.arrive(e);
      case "timeout":
        return this.end(e.req, e.result);
      case "proxySync":
        return this.syncProxy(e.node);
      case "lbProbe":
        this.lbs.probe(this.cluster, this.runtime.down, (ev) => {
          this.templates.clear(); // a node entered or left a rotation
          this.out.events.push({ tick: this.clock, ...ev });
        });
        this.queue.push(this.clock + this.timing.healthCheck.interval, { k: "lbProbe" });
        return;
      default:
        return this.runtime.handle(e, this.clock);
    }
  }

  // ---- kube-proxy on every node ----

  private clusterChanged(): void {
    this.liveness++;
    this.out.events.push({
      tick: this.clock,
      kind: "endpointsChanged",
      object: "",
      message: "the EndpointSlice controller updated the endpoints",
    });
    for (const n of this.cluster.nodes)
      if (!this.runtime.down.has(n.metadata.name))
        this.queue.push(this.clock + this.timing.proxySyncDelay, { k: "proxySync", node: n.metadata.name });
  }

  private syncProxy(node: string): void {
    if (this.runtime.down.has(node)) return;
    this.rules.delete(`${node}/4`);
    this.rules.delete(`${node}/6`);
    this.decisions.delete(node);
    this.templates.clear();
  }

  private rulesFor(node: string, family: 4 | 6): (q: Omit<ExplainQuery, "node">) => Decision {
    const key = `${node}/${family}`;
    let rs = this.rules.get(key);
    if (!rs) {
      rs = nodeRules(this.cluster, node, family);
      this.rules.set(key, rs);
    }
    return rs;
  }

  private decide = (q: ExplainQuery): Decision => {
    let byPacket = this.decisions.get(q.node);
    if (!byPacket) this.decisions.set(q.node, (byPacket = new Map()));
    const key = `${q.src}|${q.dst}|${q.protocol ?? "TCP"}`;
    let d = byPacket.get(key);
    if (!d) {
      const family = parseIP(q.src)?.family === 6 ? 6 : 4;
      const dst = q.protocol === "ICMP" ? icmpDestination(q.dst) : q.dst;
      d = this.rulesFor(q.node, family)({ src: q.src, dst, protocol: q.protocol });
      byPacket.set(key, d);
    }
    return d;
  };

  /** kube-proxy's choice, with ClientIP affinity when the Service port asks for it. */
  private choose = (node: Node, d: Decision, src: string, rng: Rng): Candidate | undefined =>
    d.sessionAffinity
      ? this.affinity.choose(node, d, src, rng, this.clock)
      : (chooseEndpoint(d, rng) ?? undefined);

  // ---- traffic ----

  private startTraffic(action: TrafficAction): ActionResult {
    const index = this.phasesList.length;
    const request = { from: action.from, to: action.to, protocol: action.protocol ?? "TCP", seed: this.seed };
    const probe = this.openConnection(request);
    if (!probe.ok) return probe;
    const count = action.type === "burst" ? action.count : action.type === "send" ? 1 : Infinity;
    const interval =
      action.type === "rate"
        ? Math.max(1, Math.round(TICKS_PER_SECOND / action.perSecond))
        : action.type === "burst"
          ? (action.intervalTicks ?? 10 * TICKS_PER_MS)
          : 0;
    const until = action.type === "rate" ? this.clock + action.durationTicks : Infinity;
    this.phasesList.push(new PhaseRecorder(index, action.type, action.label ?? "", this.clock));
    const g: Generator = {
      k: "generate",
      phase: index,
      action,
      request,
      remaining: count,
      interval,
      until,
      keepAlive: null,
      byName: !parseAddress(request.to, request.protocol !== "ICMP"),
    };
    this.generators.set(index, g);
    this.queue.push(this.clock, g);
    return ok({ phase: index });
  }

  private generate(g: Generator): void {
    const rec = this.phasesList[g.phase]!;
    if (g.remaining <= 0 || this.clock >= g.until) {
      rec.generating = false;
      return;
    }
    g.remaining--;
    this.startRequest(g);
    if (g.remaining > 0 && this.clock + g.interval < g.until) this.queue.push(this.clock + g.interval, g);
    else rec.generating = false;
  }

  private openConnection(req: TraceRequest): Result<Connection> {
    // trace() with this simulation's hooks, through the templates (same draws, same result).
    const t = this.templates.open(this.cluster, req);
    if (!t.ok) return t;
    return ok({ id: this.nextId++, trace: t.value.template, port: t.value.port, open: true });
  }

  private startRequest(g: Generator): void {
    const rec = this.phasesList[g.phase]!;
    let conn = g.action.connection === "keepalive" ? g.keepAlive : null;
    // A keep-alive connection whose pod has gone is closed by the pod's exit: the browser reconnects.
    if (conn && (!conn.open || !this.endpointAlive(conn))) conn = null;
    if (conn) {
      rec.started();
      return this.send(g, conn, this.clock);
    }
    // A new connection to a name: the lookup's queries go first (nameLookups.ts).
    const plan = g.byName
      ? planLookup(
          this.cluster,
          g.request,
          queryWalker(this.cluster, this.walkHooks),
          this.dnsRng,
          this.timing,
        )
      : null;
    if (plan) {
      rec.started();
      return this.sendQuery({ g, start: this.clock, plan, next: 0 });
    }
    this.connect(g, this.clock, true);
  }

  /** Opens a new connection and sends the request on it; `fresh` when the request has not started yet. */
  private connect(g: Generator, start: Tick, fresh: boolean): void {
    const rec = this.phasesList[g.phase]!;
    const opened = this.openConnection(g.request);
    if (fresh) rec.started();
    if (!opened.ok) return rec.ended("timeout", start, this.clock);
    if (g.action.connection === "keepalive") g.keepAlive = opened.value;
    this.send(g, opened.value, start);
  }

  private send(g: Generator, conn: Connection, start: Tick): void {
    const req: Request = {
      k: "arrive",
      step: conn.trace.steps[0]!,
      hop: 0,
      id: this.nextId++,
      phase: g.phase,
      connection: conn,
      start,
      path: conn.trace.steps,
      ended: false,
      closed: false,
      wait: this.timing.clientTimeout,
      lookup: null,
    };
    this.depart(req, req.step);
  }

  /** One query of a lookup, as a packet of its own connection (UDP: nothing is kept open). */
  private sendQuery(run: LookupRun): void {
    const q = run.plan.queries[run.next]!;
    const trace = {
      steps: q.steps,
      result: q.result,
      endpoint: null,
      sourceSeenByPod: null,
      extraHop: false,
    };
    const req: Request = {
      k: "arrive",
      step: q.steps[0]!,
      hop: 0,
      id: this.nextId++,
      phase: run.g.phase,
      connection: { id: this.nextId++, trace, port: null, open: false },
      start: this.clock,
      path: q.steps,
      ended: false,
      closed: false,
      wait: run.plan.wait,
      lookup: run,
    };
    this.depart(req, req.step);
  }

  /** A query answered goes on to the next, or to the connection; one unanswered fails the request. */
  private queryEnded(run: LookupRun, result: RequestResult): void {
    if (result === "delivered") {
      run.next++;
      if (run.next < run.plan.queries.length) return this.sendQuery(run);
      return this.connect(run.g, run.start, false);
    }
    this.phasesList[run.g.phase]!.ended(result, run.start, this.clock);
  }

  private endpointAlive(conn: Connection): boolean {
    const ep = conn.trace.endpoint;
    return !ep?.pod || podsByName(this.cluster).has(ep.pod);
  }

  /** The packet leaves a step for the next: one hop event, one arrival on the agenda. */
  private depart(req: Request, from: PathStep): void {
    const to = from.next;
    if (to === null) return this.finish(req);
    const end = this.clock + to.latency;
    if (this.keepHops)
      this.out.hops.push(req.id, req.connection.id, from.at, to, req.connection.port, this.clock, end);
    req.step = to;
    req.hop++;
    this.queue.push(end, req);
  }

  private arrive(req: Request): void {
    if (req.ended) return;
    const hop = req.step;
    const i = req.hop;
    if (this.deadAt(hop)) {
      // Vanished: the client hears nothing and gives up after its timeout.
      this.marker(req, hop.at, HOP.lost, `${hop.at} is down or gone: the packet vanishes`, VANISH);
      req.connection.open = false;
      this.queue.push(req.start + req.wait, {
        k: "timeout",
        req,
        result: "timeout",
      });
      req.ended = true;
      return;
    }
    if (hop.servesRequest && !req.lookup) {
      const t = req.connection.trace;
      // Without a kube-proxy endpoint (a pod dialled by its own IP, as a headless Service's DNS answer
      // gives it), the pod that receives the request is the one that serves it; its node is the hop before.
      const pod = t.endpoint?.pod ?? hop.pod;
      const node = t.endpoint?.node ?? (hop.pod ? (req.path[i - 1]?.node ?? null) : null);
      this.phasesList[req.phase]!.served(hop, pod, node, t.sourceSeenByPod, t.extraHop);
    }
    this.depart(req, hop);
  }

  /** The last hop of the path was reached: the trace's result says how the client sees it. */
  private finish(req: Request): void {
    const r = req.connection.trace.result;
    if (r === "delivered" || r === "refused" || r === "rejected") return this.end(req, r);
    req.connection.open = false;
    req.ended = true;
    this.queue.push(req.start + req.wait, {
      k: "timeout",
      req,
      result: r === "dropped" ? "dropped" : "timeout",
    });
  }

  private end(req: Request, result: RequestResult): void {
    if (req.closed) return;
    req.closed = true;
    if (result === "timeout" || result === "dropped")
      this.marker(
        req,
        req.path[0]!.at,
        req.lookup ? HOP.timeout | HOP.dns : HOP.timeout,
        req.lookup
          ? `no answer from the cluster DNS within ${req.wait / TICKS_PER_SECOND} s (the resolver's timeout × attempts): the lookup fails`
          : `no answer within ${this.timing.clientTimeout / TICKS_PER_SECOND} s: the client gives up`,
        TIMEOUT,
      );
    if (req.lookup) return this.queryEnded(req.lookup, result);
    if (req.connection.trace.result !== "delivered" || result !== "delivered") req.connection.open = false;
    this.phasesList[req.phase]!.ended(result, req.start, this.clock);
  }

  /** A zero-length event at a place, for what a log and the canvas must show but no packet carries. */
  private marker(req: Request, at: string, flags: number, note: string, why: HopWhy): void {
    if (!this.keepHops) return;
    const first = req.path[0]!;
    const step: PathStep = {
      at,
      link: "local",
      src: first.src,
      dst: first.dst,
      rules: [],
      note,
      why,
      flags,
      latency: 0,
      node: null,
      pod: null,
      servesRequest: false,
      lostEpoch: -1,
      lost: false,
      next: null,
    };
    this.out.hops.push(req.id, req.connection.id, at, step, req.connection.port, this.clock, this.clock);
  }

  /** Whether the packet is lost at this step: its node is down, or its pod gone or on a down node. */
  private deadAt(step: PathStep): boolean {
    if (step.lostEpoch !== this.liveness) {
      step.lostEpoch = this.liveness;
      step.lost = this.lostAt(step);
    }
    return step.lost;
  }

  private lostAt(step: PathStep): boolean {
    const down = this.runtime.down;
    if (step.node !== null) return down.has(step.node);
    if (step.pod === null) return false;
    const pod = podsByName(this.cluster).get(step.pod);
    return !pod || down.has(pod.spec.nodeName ?? "");
  }
}

const TAKEN: ActionResult = ok({ phase: null });

/** An action that changed the cluster: taken, unless the runtime refused it. */
const taken = (refused: EngineError | null): ActionResult => (refused ? fail(refused) : TAKEN);

/** The markers' reasons: shared, since they carry nothing but their code. */
const VANISH: HopWhy = Object.freeze({ code: "vanish" });
const TIMEOUT: HopWhy = Object.freeze({ code: "timeout" });

const podIndex = new WeakMap<Cluster, Map<string, Pod>>();

/** Pods by "ns/name", built once per cluster object (the runtime replaces the object on every change). */
function podsByName(cluster: Cluster): Map<string, Pod> {
  let m = podIndex.get(cluster);
  if (!m) {
    m = new Map(cluster.pods.map((p) => [`${p.metadata.namespace ?? "default"}/${p.metadata.name}`, p]));
    podIndex.set(cluster, m);
  }
  return m;
}
