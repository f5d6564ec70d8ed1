// A traced path compiled for the simulation: everything each hop event needs (flags, latency, where a
// dead node loses the packet) is worked out once per path, so that departing and arriving do no string
// work. Address strings that hold the connection's source port are kept as parts around it (Text).
import { placeIdName } from "../../protocol/placeId";
import type { Hop, HopWhy, LinkKind } from "../trace/types";
import type { Timing } from "./timing";
import { HOP, type Tick } from "./types";

/** A string, or the parts of one around each place the source port goes (joined with ":PORT"). */
export type Text = string | readonly string[];

/** ":PORT" for a source port, "" for none (ICMP). */
export const portText = (port: number | null): string => (port === null ? "" : `:${port}`);

export const text = (t: Text, port: string): string =>
  typeof t === "string" ? t : t.length === 2 ? t[0]! + port + t[1]! : t.join(port);

export interface PathStep {
  at: string;
  link: LinkKind;
  src: Text;
  dst: Text;
  rules: string[];
  note: Text;
  why: HopWhy;
  /** The hop event's flags for the packet arriving here. */
  flags: number;
  /** Ticks from the step before to this one. */
  latency: Tick;
  /** The node whose being down loses the packet here (node:NAME), else null. */
  node: string | null;
  /** The pod ("ns/name") whose absence, or whose node being down, loses the packet here, else null. */
  pod: string | null;
  /** The request reaches its server here: the phase counts it as served. */
  servesRequest: boolean;
  /**
   * The simulation's memo of whether a packet is lost here (`node` down, `pod` gone or on a down node),
   * good while `lostEpoch` is its liveness epoch, which moves whenever the cluster or the down nodes change.
   */
  lostEpoch: number;
  lost: boolean;
  /** The step after this one (null at the path's end): a packet goes on without looking up its path. */
  next: PathStep | null;
}

/** Compiles hops whose address strings hold the source port as `marker` (":PORT" of a sentinel port). */
export function compilePath(hops: Hop[], timing: Timing, marker: string): PathStep[] {
  const split = (s: string): Text => (s.includes(marker) ? s.split(marker) : s);
  const steps = hops.map((h, i): PathStep => {
    const prev = hops[i - 1];
    return {
      at: h.at,
      link: h.link,
      src: split(h.src),
      dst: split(h.dst),
      rules: h.rules,
      note: split(h.note),
      why: h.why,
      flags: hopFlags(h, i === hops.length - 1),
      latency:
        latency(h, timing) +
        (prev && h.direction === "reply" && prev.direction === "request" ? timing.podProcessing : 0),
      node: placeIdName(h.at, "node"),
      pod: placeIdName(h.at, "pod"),
      servesRequest: h.action === "deliver" && h.direction === "request",
      lostEpoch: -1,
      lost: false,
      next: null,
    };
  });
  steps.forEach((s, i) => (s.next = steps[i + 1] ?? null));
  return steps;
}

function latency(hop: Hop, timing: Timing): Tick {
  const l = timing.latency;
  switch (hop.link) {
    case "external":
      return l.external;
    case "loadBalancer":
      return l.loadBalancer;
    case "node-node":
      return l.nodeNode;
    case "node-pod":
      return l.nodePod;
    default:
      return l.local;
  }
}

function hopFlags(h: Hop, last: boolean): number {
  let f = h.direction === "reply" ? HOP.reply : 0;
  if (h.action.includes("dnat")) f |= HOP.dnat;
  if (h.action.includes("snat")) f |= HOP.snat;
  if (h.action === "un-nat") f |= HOP.unnat;
  if (h.action === "drop") f |= HOP.drop;
  if (h.action === "reject") f |= HOP.reject;
  if (h.action === "refuse") f |= HOP.refuse;
  if (h.action === "lost") f |= HOP.lost;
  if ((h.action === "deliver" && h.direction === "request") || (last && h.action === "receive"))
    f |= HOP.deliver;
  return f;
}
