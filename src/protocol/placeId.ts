// Place ids: how the engine names where a packet is ("pod:default/web-1", "node:node-1",
// "client:laptop", "lb:default/web", "ip:10.0.0.9") and how the view names what it draws and selects
// (those, plus "svc:default/web" and the node network "net:nodes"). The kind, a colon, then the name:
// "NS/NAME" for namespaced objects, the bare name otherwise.

export type PlaceKind = "client" | "node" | "pod" | "lb" | "svc" | "ip" | "net";

export type PlaceId = `${PlaceKind}:${string}`;

const KINDS: ReadonlySet<string> = new Set<PlaceKind>(["client", "node", "pod", "lb", "svc", "ip", "net"]);

export const placeId = (kind: PlaceKind, name: string): PlaceId => `${kind}:${name}`;

/** The kind and name of a place id; null when it has no colon or an unknown kind. */
export function parsePlaceId(id: string): { kind: PlaceKind; name: string } | null {
  const colon = id.indexOf(":");
  const kind = id.slice(0, colon);
  // An IPv6 "ip:fd00::1" keeps its colons: only the first one ends the kind.
  return colon >= 0 && KINDS.has(kind) ? { kind: kind as PlaceKind, name: id.slice(colon + 1) } : null;
}

/** The name of a place id of that kind, else null (placeIdName("pod:default/web-1", "pod") is "default/web-1"). */
export const placeIdName = (id: string, kind: PlaceKind): string | null =>
  id.startsWith(`${kind}:`) ? id.slice(kind.length + 1) : null;
