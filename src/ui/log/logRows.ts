// The event log's rows: hops (what happened where, the packet before and after, the rules that
// decided) and cluster events, in time order, filtered by packet or by client, capped to stay cheap.
import { HOP, type ClusterEvent } from "../../protocol/simulation";
import type { T } from "../../i18n/core";
import type { HopLogEntry } from "../../store/hopLog";
import { describeEvent, describeHop, type Tone } from "../format";

export interface PacketView {
  src: string;
  dst: string;
}

export interface HopRow {
  kind: "hop";
  key: string;
  tick: number;
  packet: number;
  connection: number;
  from: string;
  to: string;
  label: string;
  tone: Tone;
  /** The packet on this link. */
  before: PacketView;
  /** The packet as it leaves `to`, when a rule there rewrote it (known once its next hop is in). */
  after: PacketView | null;
  rules: string[];
  note: string;
}

export interface EventRow {
  kind: "event";
  key: string;
  tick: number;
  label: string;
  tone: Tone;
  object: string;
  message: string;
}

export type LogRow = HopRow | EventRow;

interface LogFilter {
  packet: number | null;
  /** A place id (client:NAME, pod:NS/NAME, node:NAME): only connections that start or end there. */
  client: string | null;
}

export const MAX_ROWS = 300;

const REWRITE = HOP.dnat | HOP.snat | HOP.unnat;

/** The connections that start or end at `place`, among the hops seen. */
export function connectionsOf(hops: readonly HopLogEntry[], place: string): Set<number> {
  const out = new Set<number>();
  for (const h of hops) if (h.from === place || h.to === place) out.add(h.connection);
  return out;
}

export function buildLogRows(
  hops: readonly HopLogEntry[],
  events: readonly ClusterEvent[],
  filter: LogFilter,
  t: T,
  limit = MAX_ROWS,
): LogRow[] {
  const conns = filter.client ? connectionsOf(hops, filter.client) : null;
  // The next hop of each packet, to show what a rewrite made of it.
  const next = new Map<number, HopLogEntry>();
  const rows: LogRow[] = [];
  for (let i = hops.length - 1; i >= 0; i--) {
    const h = hops[i]!;
    const after = next.get(h.packet);
    next.set(h.packet, h);
    if (filter.packet !== null && h.packet !== filter.packet) continue;
    if (conns && !conns.has(h.connection)) continue;
    const words = describeHop(h.flags, t);
    // Only a rule's rewrite at `to` counts: a reply leaving a pod swaps the addresses, it rewrites nothing.
    const rewritten =
      after &&
      h.flags & REWRITE &&
      (after.src !== h.src || after.dst !== h.dst) &&
      !(after.flags & HOP.reply) === !(h.flags & HOP.reply);
    rows.push({
      kind: "hop",
      key: `h${h.seq}`,
      tick: h.start,
      packet: h.packet,
      connection: h.connection,
      from: h.from,
      to: h.to,
      label: words.label,
      tone: words.tone,
      before: { src: h.src, dst: h.dst },
      after: rewritten ? { src: after.src, dst: after.dst } : null,
      rules: h.rules,
      note: h.note,
    });
  }
  rows.reverse();
  if (filter.packet === null && !conns) {
    const evs: EventRow[] = events.map((e, i) => {
      const w = describeEvent(e.kind, t);
      return {
        kind: "event",
        key: `e${i}`,
        tick: e.tick,
        label: w.label,
        tone: w.tone,
        object: e.object,
        message: e.message,
      };
    });
    return mergeByTick(rows, evs).slice(-limit);
  }
  return rows.slice(-limit);
}

/** Two time-ordered lists as one, stable (events before hops at the same tick). */
function mergeByTick(hops: LogRow[], events: LogRow[]): LogRow[] {
  const out: LogRow[] = [];
  let i = 0;
  let j = 0;
  while (i < hops.length || j < events.length) {
    if (j < events.length && (i >= hops.length || events[j]!.tick <= hops[i]!.tick)) out.push(events[j++]!);
    else out.push(hops[i++]!);
  }
  return out;
}
