// The messages between the main thread and the simulation worker. Each direction is a map from message
// type to payload; the unions below are derived from the maps, so a handler `switch`es on `type` and an
// exhaustiveness check (`const _: never = msg`) catches a message type nobody handles.
import type { ManifestFile } from "../model/load";
import type { Diagnostic } from "../model/diagnostics";
import type { ClusterEvent, PhaseMetrics, SimAction, Tick } from "../engine/sim/types";
import type { HopWhy } from "../engine/trace/types";
import type { Refusal } from "./errors";
import type { PackedHopBatch } from "./hopBatch";

/** A message with nothing but its type (and request id). */
type Empty = Record<never, never>;

/** Commands: each carries a request id and is answered by `ack` (or `loaded`) or by `error`. */
export interface CommandMap {
  load: { files: ManifestFile[]; seed?: number };
  act: { action: SimAction };
  /** Plays; with `until`, pauses by itself when the simulation reaches that tick (a narrated hop's end). */
  run: { until?: Tick };
  pause: Empty;
  /** Runs events until one hop event has happened; pauses. */
  step: Empty;
  /** Returns to the state just before the latest hop event (by replay); pauses. */
  back: Empty;
  /** Playback speed, 0.1..20; values outside are an error. */
  speed: { factor: number };
  /** Jumps to a virtual time, forwards (running every event up to it) or backwards (by replay). */
  seek: { tick: Tick };
  /**
   * Looks at one object for the inspector: a Service's kube-proxy rules on a node (the first node when
   * none is given) with sample packets explained, or a Pod's environment and DNS answers. Answered by
   * `inspected`.
   */
  inspect: { target: string; node?: string };
  /** The actions the current run was given, each at its point, and the point it is at now: answered by `journal`. */
  journal: Empty;
  /**
   * Reproduces a run on the loaded scenario (a shared link): runs to each entry's point exactly, takes its
   * action there, runs on to `at`, and pauses. Refused when a point cannot be reached the same way (another
   * scenario or seed) or the run would take more than RESTORE_EVENT_LIMIT events.
   */
  restore: { entries: JournalEntry[]; at: SimPoint };
}

/** A point in a run: this many events had been processed and the clock read this tick. */
export interface SimPoint {
  events: number;
  tick: Tick;
}

/** An action the simulation took, and the point at which it took it. */
export interface JournalEntry extends SimPoint {
  action: SimAction;
}

/** The most events a restore runs (one to three million a second here: a few seconds at most). */
export const RESTORE_EVENT_LIMIT = 3_000_000;

/** Signals: fire-and-forget, no request id, no answer. */
interface SignalMap {
  /** A display frame happened: the worker advances the running simulation and sends at most one batch. */
  frame: Empty;
  /** Hop-batch buffers handed back to the worker's pool once the main thread has read them. */
  release: { ints: Int32Array; floats: Float64Array };
}

export type CommandType = keyof CommandMap;
type SignalType = keyof SignalMap;

export type CommandMessage = { [K in CommandType]: { type: K; id: number } & CommandMap[K] }[CommandType];
type SignalMessage = { [K in SignalType]: { type: K } & SignalMap[K] }[SignalType];
export type InMessage = CommandMessage | SignalMessage;

export interface NodeSummary {
  name: string;
  ip: string;
  zone: string | null;
  podCIDR: string | null;
}

export interface PodSummary {
  /** namespace/name */
  name: string;
  node: string | null;
  ip: string | null;
  labels: Record<string, string>;
  phase: string;
  ready: boolean;
  terminating: boolean;
  /** namespace/name of the Deployment (or ReplicaSet) that owns it, if any. */
  owner: string | null;
}

export interface ServiceSummary {
  /** namespace/name */
  name: string;
  type: string;
  clusterIP: string | null;
  ports: { name: string | null; protocol: string; port: number; nodePort: number | null }[];
  externalTrafficPolicy: string | null;
  internalTrafficPolicy: string | null;
  sessionAffinity: string;
  selector: Record<string, string> | null;
  externalName: string | null;
  loadBalancerIPs: string[];
  /**
   * How its cloud load balancer delivers (type LoadBalancer only): to nodeIP:nodePort, with the LB IP
   * kept (VIP), or as a proxy from its own address. Absent in summaries saved before it existed.
   */
  loadBalancerMode?: LoadBalancerDelivery | null;
}

export type LoadBalancerDelivery = "NodePort" | "VIP" | "Proxy";

export interface ClusterSummary {
  nodes: NodeSummary[];
  pods: PodSummary[];
  services: ServiceSummary[];
  clients: { name: string; ip: string }[];
}

export interface EndpointState {
  ip: string;
  /** namespace/name of the backing pod, when the endpoint names one. */
  pod: string | null;
  node: string | null;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

interface NodeState {
  name: string;
  up: boolean;
  ready: boolean;
}

/** A small snapshot sent a few times a second while running, and after every command. */
export interface SimState {
  now: Tick;
  running: boolean;
  speed: number;
  eventsProcessed: number;
  nextEventTick: Tick | null;
  /** By Service namespace/name, from every EndpointSlice of that Service. */
  endpoints: Record<string, EndpointState[]>;
  nodes: NodeState[];
  phases: PhaseMetrics[];
  /**
   * The cluster event log from index `eventsFrom` on: the receiver cuts its log to `eventsFrom` entries
   * and appends these (a step back or a load cuts the log).
   */
  eventsFrom: number;
  events: ClusterEvent[];
  /** The cluster's objects, only when they changed since the last state (pods came or went, say). */
  cluster: ClusterSummary | null;
}

/** One iptables chain, as iptables-save prints its rules. */
export interface InspectedChain {
  /** iptables mode: "nat" or "filter"; nftables mode: "ip kube-proxy" (or "ip6 kube-proxy"). */
  table: string;
  chain: string;
  lines: string[];
}

/** explain() for one sample packet, flattened for the main thread. */
/** What a sample packet stands for, worded by the view ("laptop to the NodePort on node-2"). */
export type SampleKind =
  | { kind: "nodePort"; client: string; node: string }
  | { kind: "clusterIPFromPod"; pod: string }
  | { kind: "clusterIPFromNode"; node: string };

export interface InspectedSample {
  label: SampleKind;
  src: string;
  dst: string;
  action: "dnat" | "reject" | "drop" | "accept" | "pass";
  /** The engine's English reason (the CLI's words), for the view's fallback. */
  reason: string;
  /** The reason as data, which the view words as it words a hop. */
  why: HopWhy;
  masquerade: boolean;
  /** Chains walked, in order. */
  rules: string[];
  candidates: {
    ip: string;
    port: number;
    pod: string | null;
    node: string | null;
    probability: number;
    /** Whether the source is masqueraded when this endpoint is chosen (hairpin: only for itself). */
    masquerade: boolean;
  }[];
}

export interface ServiceInspection {
  kind: "service";
  /** namespace/name */
  service: string;
  node: string;
  /** The nodes one may choose from. */
  nodes: string[];
  /** kube-proxy's mode (ClusterConfig spec.kubeProxy.mode), which wrote the chains. */
  mode: "iptables" | "nftables" | "ipvs";
  chains: InspectedChain[];
  samples: InspectedSample[];
}

export interface PodInspection {
  kind: "pod";
  /** namespace/name */
  pod: string;
  env: { name: string; value: string }[];
  resolvConf: { nameservers: string[]; searches: string[]; options: string[] };
  /** The pod's resolver asked for each Service's short and namespaced names. */
  dns: { name: string; rcode: string; answers: string[]; tried: number; note: string | null }[];
}

export type Inspection = ServiceInspection | PodInspection;

interface OutMessageMap {
  ready: Empty;
  loaded: { requestId: number; diagnostics: Diagnostic[]; cluster: ClusterSummary; seed: number };
  hopBatch: { batch: PackedHopBatch };
  state: { state: SimState };
  /** `refusal`: when the engine or the worker refused the command, its reason as a code; `message` is its text. */
  error: { requestId: number | null; message: string; refusal?: Refusal };
  ack: { requestId: number; phase: number | null };
  inspected: { requestId: number; result: Inspection };
  journal: { requestId: number; seed: number; entries: JournalEntry[]; at: SimPoint };
}

type OutType = keyof OutMessageMap;
export type OutMessage = { [K in OutType]: { type: K } & OutMessageMap[K] }[OutType];
export type OutOf<K extends OutType> = Extract<OutMessage, { type: K }>;

/** Playback speed limits (times the base rate). */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 20;
