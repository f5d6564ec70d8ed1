// The CLI's JSON is docs/cli.md's: hops say why in their English `note`, so the structured reason (`why`,
// which the playground's view puts into words) is left out of what the CLI prints.
import type { ScriptRun } from "../engine/sim/script";
import type { ClusterEvent, HopEvent } from "../engine/sim/types";
import type { Hop, Trace } from "../engine/trace/types";

type WithoutWhy<H> = Omit<H, "why">;

function withoutWhy<H extends { why: unknown }>(h: H): WithoutWhy<H> {
  const { why: _why, ...rest } = h;
  return rest;
}

/** A trace as `kube-hops trace` prints it. */
export function traceJSON(t: Trace): Omit<Trace, "hops"> & { hops: WithoutWhy<Hop>[] } {
  return { ...t, hops: t.hops.map(withoutWhy) };
}

/** A script run as `kube-hops simulate` prints it (its --events list hop events and cluster events). */
export function scriptRunJSON(
  run: ScriptRun,
): Omit<ScriptRun, "events"> & { events: (WithoutWhy<HopEvent> | ClusterEvent)[] } {
  return { ...run, events: run.events.map((e) => ("why" in e ? withoutWhy(e) : e)) };
}
