// What the worker would answer to loading a scenario, computed without one: the build uses it to draw
// the default scenario's graph before the worker has started (tools/firstPicturePlugin.ts).
import { hasErrors } from "../model/diagnostics";
import { Simulation } from "../engine/sim/simulation";
import type { ClusterSummary } from "../protocol/messages";
import { clusterSummary } from "./summary";

export interface FirstPicture {
  /** The scenario text the picture is of: the store uses it only while the text is the same. */
  yaml: string;
  seed: number;
  cluster: ClusterSummary | null;
}

export function firstPicture(yaml: string, seed: number): FirstPicture {
  const sim = Simulation.load([{ file: "scenario.yaml", text: yaml }], { seed });
  return { yaml, seed, cluster: hasErrors(sim.diagnostics) ? null : clusterSummary(sim.cluster) };
}
