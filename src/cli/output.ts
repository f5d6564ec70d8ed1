// The CLI's JSON is docs/cli.md's: hops say why in their English `note`, so the structured reason (`why`,
// which the playground's view puts into words) is left out of what the CLI prints.
import type { ScriptRun } from "../engine/sim/script";
import type { ClusterEvent, HopEvent } from "../engine/sim/types";
import type { DnsLookup } from "../engine/trace/dnsTypes";
import type { Hop, Trace } from "../engine/trace/types";

type WithoutWhy<H> = Omit<H, "why">;

function withoutWhy<H extends { why: unknown }>(h: H): WithoutWhy<H> {
  const { why: _why, ...rest } = h;
  return rest;
}

type PrintedLookup = Omit<DnsLookup, "hops"> & { hops: WithoutWhy<Hop>[] };

/** A trace as `kube-hops trace` prints it (its lookups' hops too). */
export function traceJSON(
  t: Trace,
): Omit<Trace, "hops" | "dns"> & { dns?: PrintedLookup[]; hops: WithoutWhy<Hop>[] } {
  const { hops, dns, ...rest } = t;
  return {
    ...rest,
    ...(dns ? { dns: dns.map((l) => ({ ...l, hops: l.hops.map(withoutWhy) })) } : {}),
    hops: hops.map(withoutWhy),
  };
}

/** A script run as `kube-hops simulate` prints it (its --events list hop events and cluster events). */
export function scriptRunJSON(
  run: ScriptRun,
): Omit<ScriptRun, "events"> & { events: (WithoutWhy<HopEvent> | ClusterEvent)[] } {
  return { ...run, events: run.events.map((e) => ("why" in e ? withoutWhy(e) : e)) };
}
