// Trace templates: the simulation traces the first packet of every new connection, and the connections
// of one flow take only a few paths. Between two changes of what the simulation's trace sees (the
// cluster object, the down nodes, a node's synced rules, a load balancer's rotation: the owner calls
// clear()), a trace depends only on the request, its source port (which only ever shows in address
// strings) and its discrete random outcomes: the load balancer's node, the endpoint at each DNAT. So we
// keep per request a tree of those outcomes with a compiled path at each leaf. A new connection makes
// the same random draws, in the same order, as trace() would (source port, then each choice as the walk
// reaches it) and follows the tree; only an unseen outcome runs the walk, which replays the outcomes
// already drawn and records the rest. The RNG sequence, and so every output, stays that of trace().
import type { Cluster } from "../../model/cluster";
import type { Node, Service } from "../../model/k8s";
import type { Candidate, Decision, ExplainQuery } from "../proxy";
import { ok, type Result } from "../result";
import { randomInt, type Rng } from "../rng";
import { resolveNameFor } from "../trace/resolveName";
import { prepareTrace, type PreparedTrace, walkTrace } from "../trace/trace";
import type { Trace, TraceEndpoint, TraceRequest, TraceResult } from "../trace/types";
import { compilePath, type PathStep, portText } from "./compiledPath";
import type { Timing } from "./timing";

export interface TemplateHooks {
  rng: Rng;
  downNodes: ReadonlySet<string>;
  decide: (q: ExplainQuery) => Decision;
  choose: (node: Node, d: Decision, src: string, rng: Rng) => Candidate | undefined;
  loadBalancerBackends: (svc: Service) => Node[];
}

/** One path of a request, for any source port. */
export interface TraceTemplate {
  steps: PathStep[];
  result: TraceResult;
  endpoint: TraceEndpoint | null;
  sourceSeenByPod: string | null;
  extraHop: boolean;
  /** The trace as walked with the sentinel port, for materialize(). */
  trace: Trace;
}

/** A connection's path: a template and the source port that replaces its port marker (none for ICMP). */
export interface OpenedTrace {
  template: TraceTemplate;
  port: number | null;
}

/** Where the walk drew at random: the load balancer's pick among n nodes, or kube-proxy's choice at a DNAT. */
type Choice = { kind: "pick"; n: number } | { kind: "choose"; node: Node; d: Decision; src: string };

/** The outcome of a choice: the index picked, or the candidate's index (-1 for none). */
interface Branch {
  choice: Choice;
  next: Map<number, Tree>;
}
type Tree = Branch | TraceTemplate;

interface Root {
  prepared: Result<PreparedTrace>;
  tree?: Tree;
}

/** A port no connection can have: its ":PORT" in a walked trace marks where the real port goes. */
const SENTINEL_PORT = -65536;
const MARKER = `:${SENTINEL_PORT}`;

export class TraceTemplates {
  /** By request object: callers pass the same object for every connection of a flow (no key to build). */
  private roots = new WeakMap<TraceRequest, Root>();
  private cluster: Cluster | null = null;
  /** The outcomes drawn by the connection being opened (reused: only record() reads them, at once). */
  private drawn: number[] = [];

  constructor(
    private hooks: TemplateHooks,
    private timing: Timing,
  ) {}

  /** Forgets every template: what the walk sees has changed. */
  clear(): void {
    this.roots = new WeakMap();
  }

  /** What trace(cluster, req, hooks) would give, drawing the same random numbers. */
  open(cluster: Cluster, req: TraceRequest): Result<OpenedTrace> {
    if (cluster !== this.cluster) {
      this.clear();
      this.cluster = cluster;
    }
    let root = this.roots.get(req);
    if (!root) {
      root = { prepared: prepareTrace(cluster, req, { resolveName: resolveNameFor(cluster) }) };
      this.roots.set(req, root);
    }
    if (!root.prepared.ok) return root.prepared;
    const prepared = root.prepared.value;
    const rng = this.hooks.rng;
    const sport = prepared.protocol === "ICMP" ? null : randomInt(rng, 32768, 60999);
    const outcomes = this.drawn;
    outcomes.length = 0;
    let tree = root.tree;
    while (tree && "choice" in tree) {
      const outcome = this.draw(tree.choice);
      outcomes.push(outcome);
      tree = tree.next.get(outcome);
    }
    const template = tree ?? this.record(cluster, root, prepared, sport === null, outcomes);
    return ok({ template, port: sport });
  }

  /** The same draw the walk makes at this choice (same hook, same rng), as an outcome. */
  private draw(c: Choice): number {
    if (c.kind === "pick") return Math.floor(this.hooks.rng() * c.n);
    const chosen = this.hooks.choose(c.node, c.d, c.src, this.hooks.rng);
    return chosen ? c.d.candidates.indexOf(chosen) : -1;
  }

  /** Walks the request, replaying `drawn` outcomes then drawing live, and files the path in the tree. */
  private record(
    cluster: Cluster,
    root: Root,
    prepared: PreparedTrace,
    icmp: boolean,
    drawn: number[],
  ): TraceTemplate {
    const choices: Choice[] = [];
    const outcomes: number[] = [];
    const replayed = () => (outcomes.length < drawn.length ? drawn[outcomes.length]! : undefined);
    const t = walkTrace(cluster, prepared, icmp ? null : SENTINEL_PORT, this.hooks.rng, {
      downNodes: this.hooks.downNodes,
      decide: this.hooks.decide,
      loadBalancerBackends: this.hooks.loadBalancerBackends,
      pick: (n, rng) => {
        const i = replayed() ?? Math.floor(rng() * n);
        choices.push({ kind: "pick", n });
        outcomes.push(i);
        return i;
      },
      choose: (node, d, src, rng) => {
        const i = replayed();
        const c = i === undefined ? this.hooks.choose(node, d, src, rng) : d.candidates[i];
        choices.push({ kind: "choose", node, d, src });
        outcomes.push(c ? d.candidates.indexOf(c) : -1);
        return c;
      },
    });
    const template: TraceTemplate = {
      steps: compilePath(t.hops, this.timing, MARKER),
      result: t.result,
      endpoint: t.endpoint,
      sourceSeenByPod: t.sourceSeenByPod,
      extraHop: t.extraHop,
      trace: t,
    };
    // The walk is deterministic given its outcomes, so the choices up to `drawn` are the tree's own.
    if (!choices.length) root.tree = template;
    else {
      root.tree ??= { choice: choices[0]!, next: new Map() };
      let branch = root.tree as Branch;
      for (let k = 0; k < choices.length - 1; k++) {
        let next = branch.next.get(outcomes[k]!);
        if (!next) branch.next.set(outcomes[k]!, (next = { choice: choices[k + 1]!, next: new Map() }));
        branch = next as Branch;
      }
      branch.next.set(outcomes[outcomes.length - 1]!, template);
    }
    return template;
  }
}

/** The full trace of an opened connection, as trace() would give it (for tests and debugging). */
export function materialize(o: OpenedTrace): Trace {
  const fix = (s: string) => (o.port === null ? s : s.split(MARKER).join(portText(o.port)));
  const t = o.template.trace;
  return {
    ...t,
    reason: fix(t.reason),
    hops: t.hops.map((h) => ({
      ...h,
      src: fix(h.src),
      dst: fix(h.dst),
      note: fix(h.note),
      ...(h.to ? { to: { src: fix(h.to.src), dst: fix(h.to.dst) } } : {}),
    })),
  };
}
