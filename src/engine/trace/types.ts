// A trace: one new connection's first packet, hop by hop, and its reply, as docs/cli.md specifies.
import type { DnsLookup } from "./dnsTypes";
import type { HopWhy } from "./why";

export { HOP_CODES, MASQ_REASONS, type HopCode, type HopWhy, type MasqReason } from "./why";

export type TraceResult = "delivered" | "refused" | "rejected" | "dropped" | "no-route" | "timeout";
export type TraceProtocol = "TCP" | "UDP" | "SCTP" | "ICMP";
/** The kind of wire a hop arrived over: the animation maps these onto graph edges. */
export type LinkKind = "start" | "external" | "node-node" | "node-pod" | "loadBalancer" | "local";

export interface Hop {
  /** Where the packet is handled: client:NAME, node:NAME, pod:NS/NAME, lb:NS/NAME or ip:ADDR. */
  at: string;
  direction: "request" | "reply";
  link: LinkKind;
  /** The packet as it arrives here. */
  src: string;
  dst: string;
  /** send, forward, route, dnat, snat, dnat+snat, un-nat, deliver, answer, receive, reject, drop, refuse, lost. */
  action: string;
  /** The packet as it leaves, when this hop rewrote it. */
  to?: { src: string; dst: string };
  rules: string[];
  note: string;
  /** Why, as data (the CLI leaves it out: its JSON is docs/cli.md's). */
  why: HopWhy;
}

export interface TraceEndpoint {
  pod: string | null;
  node: string | null;
  ip: string;
  port: number;
}

export interface Trace {
  from: string;
  to: string;
  protocol: TraceProtocol;
  seed: number;
  result: TraceResult;
  reason: string;
  endpoint: TraceEndpoint | null;
  sourceSeenByPod: string | null;
  extraHop: boolean;
  /** The name's lookup, query by query, before the connection: only when `to` was NAME:PORT from a pod. */
  dns?: DnsLookup[];
  hops: Hop[];
}

export interface TraceRequest {
  from: string;
  to: string;
  protocol?: TraceProtocol;
  seed?: number;
}
