// The scene of the graph as the playground shows it now: the store's cluster, positions and simulation
// status through buildGraph (nothing selected: a picture has no selection), in the current theme.
import { buildGraph, parseStatus, statusKey } from "../flow/buildGraph";
import type { T } from "../i18n/core";
import type { PlaygroundStore } from "../store/playgroundStore";
import { buildScene, type Measure, type Scene } from "./scene";
import { exportColours } from "./theme";

interface GraphSceneOptions {
  caption?: string;
  footerReserve?: number;
  /** The requests each pod served, on its pill (a still picture); an animation leaves them out. */
  counts?: boolean;
}

export function graphScene(
  s: PlaygroundStore,
  t: T,
  measure: Measure,
  { caption, footerReserve, counts = true }: GraphSceneOptions = {},
): Scene | null {
  if (!s.cluster) return null;
  const graph = buildGraph({
    cluster: s.cluster,
    status: parseStatus(statusKey(s.sim)),
    positions: s.positions,
    selection: null,
    view: s.graphView,
  });
  return buildScene({
    nodes: graph.nodes,
    edges: graph.edges,
    colours: exportColours(s.theme),
    t,
    measure,
    served: counts ? (pod) => served(s, pod) : undefined,
    caption,
    footerReserve,
  });
}

/** Requests a pod served over every traffic phase: the count on its pill (as PodPill counts them). */
function served(s: PlaygroundStore, pod: string): number {
  let n = 0;
  for (const p of s.sim?.phases ?? []) n += p.perPod[pod] ?? 0;
  return n;
}
