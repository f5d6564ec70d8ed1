// Names on the graph. Its nodes' ids are place ids (src/protocol/placeId.ts), the node network's too.
import { parsePlaceId, placeId } from "../protocol/placeId";

export const BUS_ID = placeId("net", "nodes");

/**
 * A pod's name as the graph shows it: without the default namespace and without a Deployment's
 * pod-template hash ("default/web-7bcfd56d5b-44hv4" -> "web-44hv4"); the full name is in its title.
 */
export function podLabel(nsName: string): string {
  return shortName(nsName).replace(/-[a-z0-9]{6,10}-([a-z0-9]{5})$/, "-$1");
}

/** "default/web" -> "web"; other namespaces stay visible. */
export function shortName(nsName: string): string {
  return nsName.startsWith("default/") ? nsName.slice("default/".length) : nsName;
}

/** A place id or an "ns/name" as a short name: "pod:default/web-1" -> "web-1", "node:node-1" -> "node-1". */
export const placeLabel = (id: string): string => shortName(parsePlaceId(id)?.name ?? id);
