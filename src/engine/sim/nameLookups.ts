// A new connection from a pod to NAME:PORT first looks the name up, as the pod's resolver does (glibc
// keeps no cache: curl looks up for every connection). Each query is a packet of its own, walked through
// kube-proxy like any other (trace/dnsLookup.ts) and compiled into a path the simulation plays before
// the connection opens. Its draws come from the simulation's lookup stream, not the connection's.
import type { Cluster } from "../../model/cluster";
import { parseNsName } from "../../protocol/nsName";
import { parsePlaceId } from "../../protocol/placeId";
import type { Rng } from "../rng";
import { parseAddress } from "../trace/address";
import { lookUpName, type WalkQuery } from "../trace/dnsLookup";
import type { TraceRequest, TraceResult } from "../trace/types";
import { compilePath, type PathStep } from "./compiledPath";
import type { Timing } from "./timing";
import { HOP, type Tick, TICKS_PER_SECOND } from "./types";

/** One query's path, its hops flagged HOP.dns, and how its packet ends. */
export interface QueryPath {
  steps: PathStep[];
  result: TraceResult;
}

export interface LookupPlan {
  queries: QueryPath[];
  /** How long the resolver waits for a query that gets no answer: timeout × attempts. */
  wait: Tick;
}

/** A string no address or note holds: lookup paths carry their real source port. */
const NO_MARKER = "\u0000";

/** The lookup a new connection of `req` makes first, or null (an IP target, a sender that is no pod using the cluster DNS). */
export function planLookup(
  cluster: Cluster,
  req: TraceRequest,
  walk: WalkQuery,
  rng: Rng,
  timing: Timing,
): LookupPlan | null {
  if (parseAddress(req.to, req.protocol !== "ICMP")) return null;
  const name = /^([^:]+)/.exec(req.to)?.[1];
  const from = parsePlaceId(req.from);
  if (!name || from?.kind !== "pod") return null;
  const { namespace, name: podName } = parseNsName(from.name);
  const pod = cluster.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === podName);
  if (!pod?.status.podIP || pod.spec.hostNetwork) return null;
  const looked = lookUpName(cluster, pod, name, req, walk, rng);
  if (!looked) return null;
  return {
    queries: looked.dns.map((l) => {
      const steps = compilePath(l.hops, timing, NO_MARKER);
      for (const s of steps) s.flags |= HOP.dns;
      return { steps, result: l.result };
    }),
    wait: looked.wait * TICKS_PER_SECOND,
  };
}
