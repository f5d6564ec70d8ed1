// The discrete-event simulation's public shapes: actions in, hop events and metrics out.
// Time is integer ticks of a virtual clock: 1 tick = 1 microsecond of simulated time.
import type { Result } from "../result";
import type { HopWhy, LinkKind, TraceProtocol } from "../trace/types";

export type Tick = number;
export const TICKS_PER_MS = 1000;
export const TICKS_PER_SECOND = 1_000_000;

export type ConnectionStyle = "new" | "keepalive";

interface TrafficBase {
  /** client:NAME, pod:NS/NAME, node:NAME or ip:ADDR, as in traces. */
  from: string;
  /** IP:PORT or NAME:PORT (the name resolved as the source pod would). */
  to: string;
  protocol?: TraceProtocol;
  /** new: a connection per request, like curl; keepalive: one connection reused, like a browser. */
  connection?: ConnectionStyle;
  label?: string;
}

export type SimAction =
  | ({ type: "send" } & TrafficBase)
  | ({ type: "burst"; count: number; /** between request starts */ intervalTicks?: Tick } & TrafficBase)
  | ({ type: "rate"; perSecond: number; durationTicks: Tick } & TrafficBase)
  | { type: "stopTraffic"; phase: number }
  | { type: "failNode"; node: string }
  | { type: "recoverNode"; node: string }
  | { type: "deletePod"; pod: string }
  | { type: "scale"; deployment: string; replicas: number }
  /** Creates or replaces objects by kind, namespace and name, as kubectl apply would. */
  | { type: "apply"; manifest: string };

/** What an action the simulation took started: the traffic phase of send, burst and rate. */
export interface ActionTaken {
  phase: number | null;
}

export type ActionResult = Result<ActionTaken>;

/** What happened to a request, from the client's side. */
export type RequestResult = "delivered" | "refused" | "rejected" | "dropped" | "timeout";

/** Bit flags of a hop event. */
export const HOP = {
  reply: 1,
  dnat: 2,
  snat: 4,
  unnat: 8,
  /** The packet ends here: dropped by a rule. */
  drop: 16,
  /** The packet ends here: rejected (an ICMP error or a reset goes back). */
  reject: 32,
  /** The packet ends here: lost (a dead node, nowhere to route). */
  lost: 64,
  /** The packet is delivered to its final receiver. */
  deliver: 128,
  /** The connection is refused by the receiver (no listener). */
  refuse: 256,
  /** The client gives up waiting (a zero-length event at the client). */
  timeout: 512,
  /** A packet of the name lookup before a connection: a DNS query to the cluster DNS, or its answer. */
  dns: 1024,
} as const;

/**
 * One packet travelling one link: from place `from` to place `to`, leaving at `start` and arriving at
 * `end`. Places are named as in traces (client:laptop, node:node-1, pod:default/web-x, lb:default/web).
 */
export interface HopEvent {
  packet: number;
  connection: number;
  request: number;
  from: string;
  to: string;
  link: LinkKind;
  start: Tick;
  end: Tick;
  flags: number;
  /** The packet as it travels this link. */
  src: string;
  dst: string;
  /** kube-proxy chains that decided at `to`, when a rule acted there. */
  rules: string[];
  note: string;
  /** Why the packet is handled as it is at `to`, as data (the view words it). */
  why: HopWhy;
}

/** What changed in the cluster: for logs and for the UI's state at a few Hz. */
export interface ClusterEvent {
  tick: Tick;
  kind:
    | "nodeDown"
    | "nodeUp"
    | "nodeNotReady"
    | "nodeReady"
    | "endpointsChanged"
    | "podCreated"
    | "podReady"
    | "podTerminating"
    | "podDeleted"
    | "podEvicted"
    /** A ReplicaSet runs fewer pods than it wants: how many, and why (no node, no IP, the pod cap). */
    | "podsPending"
    | "lbBackendDown"
    | "lbBackendUp"
    | "applied"
    | "error";
  object: string;
  message: string;
}

interface LatencyPercentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** Metrics of one traffic action (a phase), shaped as docs/cli.md's `simulate` phases. */
export interface PhaseMetrics {
  index: number;
  action: "send" | "burst" | "rate";
  label: string;
  start: number;
  end: number;
  requests: number;
  results: Record<RequestResult, number>;
  perPod: Record<string, number>;
  perNode: Record<string, number>;
  extraHops: number;
  sourceIPs: Record<string, string[]>;
  latencyMs: LatencyPercentiles;
  timeline: ({ second: number } & Partial<Record<RequestResult, number>>)[];
}
