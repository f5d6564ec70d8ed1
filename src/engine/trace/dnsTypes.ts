// What a trace shows of a name lookup made before its connection (docs/cli.md, `dns`).
import type { DnsRecord, Rcode } from "../../model/discovery/types";
import type { Hop, TraceResult } from "./types";

/** One query of the pod's resolver, sent as a UDP packet to the cluster DNS, and what came of it. */
export interface DnsLookup {
  /** The FQDN asked, with its trailing dot: a search domain appended, or the name as it is. */
  query: string;
  type: "A" | "AAAA";
  /** CoreDNS's answer; null when no answer came back (timeout, rejected). */
  rcode: Rcode | null;
  answer: DnsRecord[];
  /** The CoreDNS pod kube-proxy sent the query to, and its address; null when none was chosen. */
  server: { pod: string | null; ip: string } | null;
  /** The query packet's fate, as a trace's result. */
  result: TraceResult;
  /** Set when the query got no answer, or where the model stops (an outside name). */
  reason?: string;
  /** The query packet and its answer, hop by hop. */
  hops: Hop[];
}

/**
 * A name resolved by queries walked as packets: the address, or why the connection never starts; `wait`
 * is how long the resolver waits for a query that gets no answer (timeout × attempts), in seconds.
 */
export type NameLookup =
  | { ip: string; dns: DnsLookup[]; wait: number }
  | { ip: null; dns: DnsLookup[]; wait: number; result: TraceResult; reason: string };
