// Ids of the graph's nodes: the same place ids the simulation's hops use, plus Services and the bus.
export const BUS_ID = "net:nodes";
export const nodeId = (name: string) => `node:${name}`;
export const podId = (nsName: string) => `pod:${nsName}`;
export const clientId = (name: string) => `client:${name}`;
export const lbId = (nsName: string) => `lb:${nsName}`;
export const serviceId = (nsName: string) => `svc:${nsName}`;

/** The kind and the name of an id ("pod:default/web-1" -> ["pod", "default/web-1"]). */
export function splitId(id: string): [string, string] {
  const i = id.indexOf(":");
  return i < 0 ? ["", id] : [id.slice(0, i), id.slice(i + 1)];
}

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
