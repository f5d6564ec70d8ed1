// Simulation scripts (docs/cli.md, `simulate`): a YAML list of timed actions, run in order, each starting
// when the one before has ended. Parsing reports every problem with its line; running gives the
// phases' metrics and, if asked, every event.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node as YamlNode } from "yaml";
import { parseDuration } from "../../model/duration";
import type { TraceProtocol } from "../trace/types";
import { type EngineError, fail, ok, type Result } from "../result";
import { checkAction, checkTicks, shown } from "./limits";
import type { Simulation, SimOutput } from "./simulation";
import {
  type ClusterEvent,
  type ConnectionStyle,
  type HopEvent,
  type PhaseMetrics,
  type SimAction,
  type Tick,
  TICKS_PER_MS,
  TICKS_PER_SECOND,
} from "./types";

type ScriptStep = { line: number; action: SimAction } | { line: number; wait: Tick };

interface ScriptProblem {
  line: number;
  column: number;
  message: string;
}

const TRAFFIC = ["send", "burst", "rate"] as const;
const ACTIONS = [...TRAFFIC, "wait", "failNode", "recoverNode", "deletePod", "scale", "apply"];

export function parseScript(text: string): { steps: ScriptStep[]; problems: ScriptProblem[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const problems: ScriptProblem[] = [];
  const at = (n: YamlNode | null | undefined) => {
    const p = lc.linePos(n?.range?.[0] ?? 0);
    return { line: p.line, column: p.col };
  };
  for (const e of doc.errors)
    problems.push({
      ...at(null),
      line: e.linePos?.[0].line ?? 1,
      column: e.linePos?.[0].col ?? 1,
      message: `YAML syntax error: ${e.message.split("\n")[0]}`,
    });
  if (problems.length) return { steps: [], problems };
  const root = doc.contents as YamlNode | null;
  if (!isSeq(root))
    return {
      steps: [],
      problems: [{ ...at(root), message: "a script is a YAML list of actions, one `- action: ...` an item" }],
    };
  const steps: ScriptStep[] = [];
  for (const item of root.items as YamlNode[]) {
    const pos = at(item);
    const bad = (message: string) => problems.push({ ...pos, message });
    if (!isMap(item) || item.items.length !== 1 || !isScalar(item.items[0]!.key)) {
      bad(`each item is one action, such as "- failNode: node-2"; actions: ${ACTIONS.join(", ")}`);
      continue;
    }
    const name = String((item.items[0]!.key as { value: unknown }).value);
    const value = (item.toJSON() as Record<string, unknown>)[name];
    const parsed = readStep(name, value);
    if ("error" in parsed) bad(parsed.error);
    else steps.push({ line: pos.line, ...parsed });
  }
  return { steps, problems };
}

/** A step as written, held to the simulation's limits (limits.ts) before anything runs. */
function readStep(name: string, v: unknown): { action: SimAction } | { wait: Tick } | { error: string } {
  const parsed = parseStep(name, v);
  const refused = "action" in parsed ? checkAction(parsed.action) : null;
  return refused ? { error: refused } : parsed;
}

function parseStep(name: string, v: unknown): { action: SimAction } | { wait: Tick } | { error: string } {
  const obj = (v ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof obj[k] === "string" ? (obj[k] as string) : undefined);
  switch (name) {
    case "wait": {
      const d = parseDuration(v);
      if (d === null) return { error: `wait takes a duration such as 60s, 500ms or 2m; got ${shown(v)}` };
      const tooLong = checkTicks("wait", d);
      return tooLong ? { error: tooLong } : { wait: d };
    }
    case "failNode":
    case "recoverNode":
      return typeof v === "string"
        ? { action: { type: name, node: v } }
        : { error: `${name} takes a node name, e.g. "${name}: node-2"` };
    case "deletePod":
      return typeof v === "string"
        ? { action: { type: "deletePod", pod: v } }
        : { error: 'deletePod takes NS/NAME, e.g. "deletePod: default/web-abc12"' };
    case "scale": {
      const deployment = str("deployment");
      const replicas = obj.replicas;
      if (!deployment || typeof replicas !== "number")
        return { error: "scale takes {deployment: NS/NAME, replicas: N}" };
      return { action: { type: "scale", deployment, replicas } };
    }
    case "apply":
      if (typeof v === "string") return { action: { type: "apply", manifest: v } };
      if (v && typeof v === "object") return { action: { type: "apply", manifest: stringify(v) } };
      return { error: "apply takes a manifest: an object, or a YAML string" };
    case "send":
    case "burst":
    case "rate": {
      const from = str("from");
      const to = str("to");
      if (!from || !to)
        return { error: `${name} needs from and to, e.g. {from: client:laptop, to: 192.168.1.2:30080}` };
      const connection = obj.connection ?? "new";
      if (connection !== "new" && connection !== "keepalive")
        return { error: `connection is new or keepalive; got ${JSON.stringify(connection)}` };
      const protocol = (str("protocol") ?? "TCP").toUpperCase();
      if (!["TCP", "UDP", "SCTP", "ICMP"].includes(protocol))
        return { error: `protocol must be TCP, UDP, SCTP or ICMP; got ${JSON.stringify(obj.protocol)}` };
      const base = {
        from,
        to,
        connection: connection as ConnectionStyle,
        protocol: protocol as TraceProtocol,
        ...(str("label") ? { label: str("label")! } : {}),
      };
      if (name === "send") return { action: { type: "send", ...base } };
      if (name === "burst") {
        const interval = obj.interval === undefined ? 10 * TICKS_PER_MS : parseDuration(obj.interval);
        if (typeof obj.count !== "number")
          return { error: `burst needs count, a whole number; got ${shown(obj.count)}` };
        if (interval === null)
          return { error: `interval takes a duration such as 10ms; got ${shown(obj.interval)}` };
        return { action: { type: "burst", ...base, count: obj.count, intervalTicks: interval } };
      }
      const duration = parseDuration(obj.duration);
      if (typeof obj.perSecond !== "number")
        return { error: `rate needs perSecond, a number above 0; got ${shown(obj.perSecond)}` };
      if (duration === null) return { error: `rate needs duration, such as 30s; got ${shown(obj.duration)}` };
      return { action: { type: "rate", ...base, perSecond: obj.perSecond, durationTicks: duration } };
    }
    default:
      return { error: `unknown action "${name}"; actions: ${ACTIONS.join(", ")}` };
  }
}

/** Why a run ended before its script did: it processed the events it may (limits.ts). */
interface Truncation {
  reason: "eventCap";
  /** The cap the run reached. */
  events: number;
  /** The script line whose step was running. */
  line: number;
}

export interface ScriptRun {
  seed: number;
  simulatedSeconds: number;
  /** Only when the run stopped at its event cap; absent otherwise. */
  truncated?: Truncation;
  phases: PhaseMetrics[];
  events: (HopEvent | ClusterEvent)[];
}

/** An action the simulation refused, at its step: reported at column 1 of the step's line. */
export interface ScriptRefusal extends EngineError {
  line: number;
  column: number;
}

/**
 * Runs the steps; an action the simulation refuses (an unknown node, say) stops with its line. A run
 * that reaches the simulation's event cap (SimOptions.maxEvents) stops there and says so (`truncated`).
 */
export function runScript(
  sim: Simulation,
  steps: ScriptStep[],
  opts: { events?: boolean } = {},
): Result<ScriptRun, ScriptRefusal> {
  const events: (HopEvent | ClusterEvent)[] = [];
  const keep = (o: SimOutput | null) => {
    if (!o || !opts.events) return;
    // One by one: a wait under heavy traffic can flush more hops than a spread's arguments may hold.
    for (const e of o.events) events.push(e);
    for (let i = 0; i < o.hops.length; i++) events.push(o.hops.event(i));
  };
  const untilDone = (phase: number) => {
    while (!sim.phaseDone(phase)) {
      const o = sim.step();
      if (!o) break;
      keep(o);
    }
  };
  let line = 0;
  for (const step of steps) {
    line = step.line;
    if ("wait" in step) keep(sim.advanceTo(sim.now + step.wait));
    else {
      const r = sim.act(step.action);
      if (!r.ok) return fail({ ...r.error, line: step.line, column: 1 });
      if ((step.action.type === "send" || step.action.type === "burst") && r.value.phase !== null)
        untilDone(r.value.phase);
    }
    if (sim.stoppedAtEventCap) break;
  }
  // Background traffic (rate) runs to its end, and every request it started ends.
  if (!sim.stoppedAtEventCap) sim.phases().forEach((p) => untilDone(p.index));
  return ok({
    seed: sim.seed,
    simulatedSeconds: Math.round((sim.now / TICKS_PER_SECOND) * 1000) / 1000,
    ...(sim.stoppedAtEventCap
      ? { truncated: { reason: "eventCap" as const, events: sim.eventsProcessed, line } }
      : {}),
    phases: sim.phases(),
    events,
  });
}
