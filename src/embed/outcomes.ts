// Requests' outcomes as a host page hears them: each request's first packet, followed through the hop
// batches from its first hop (where it came from, the address it asked for) to the hop that ends it
// (delivered to a pod or the node itself, or dropped, rejected, refused, lost or timed out). Pure.
import { HOP, type HopCode } from "../protocol/simulation";
import { placeIdName } from "../protocol/placeId";

/** One hop as the batches carry it (a HopBatchView row). */
export interface HopRow {
  packet: number;
  from: string;
  to: string;
  dst: string;
  flags: number;
  code: HopCode;
}

export interface RequestOutcome {
  kind: "delivered" | "dropped";
  /** Where the request came from: client:NAME, pod:NS/NAME or node:NAME. */
  from: string;
  /** The address it asked for (IP:PORT). */
  to: string;
  /** The pod that got it ("ns/name"), when it reached one. */
  pod: string | null;
  /** The node where it was delivered or ended. */
  node: string | null;
  /** Why, as the engine's hop code: deliver-pod, drop-etp-local, reject-no-endpoints, timeout, ... */
  reason: HopCode;
}

const ENDS = HOP.drop | HOP.reject | HOP.lost | HOP.refuse | HOP.timeout;
/** Packets followed at once, at most: the oldest are forgotten (a flood of requests that never end). */
const LIMIT = 4096;

export class OutcomeTracker {
  /** Packets under way: their source and the address they asked for. */
  private open = new Map<number, { from: string; to: string }>();
  /** Packets already reported (a drop is followed by the client's timeout on the same packet). */
  private done = new Set<number>();

  /** The outcomes these hops complete, in order. */
  ingest(rows: Iterable<HopRow>): RequestOutcome[] {
    const out: RequestOutcome[] = [];
    for (const h of rows) {
      if (this.done.has(h.packet)) continue;
      let start = this.open.get(h.packet);
      if (!start) {
        // A reply with no request seen (a reset cut the log) tells nothing about a request.
        if (h.flags & HOP.reply) continue;
        start = { from: h.from, to: h.dst };
        this.open.set(h.packet, start);
        this.trim();
      }
      // A name lookup's query reaching CoreDNS is no outcome of the request; its failure is (HOP.dns).
      const delivered = h.flags & HOP.deliver && !(h.flags & HOP.reply) && !(h.flags & HOP.dns);
      if (!delivered && !(h.flags & ENDS)) continue;
      const pod = placeIdName(h.to, "pod");
      out.push({
        kind: delivered ? "delivered" : "dropped",
        from: start.from,
        to: start.to,
        pod,
        node: pod ? placeIdName(h.from, "node") : (placeIdName(h.to, "node") ?? placeIdName(h.from, "node")),
        reason: h.code,
      });
      this.open.delete(h.packet);
      this.done.add(h.packet);
    }
    return out;
  }

  /** Forgets everything (a new cluster, a step back). */
  clear(): void {
    this.open.clear();
    this.done.clear();
  }

  private trim(): void {
    for (const set of [this.open, this.done] as const)
      while (set.size > LIMIT) set.delete(set.keys().next().value!);
  }
}
