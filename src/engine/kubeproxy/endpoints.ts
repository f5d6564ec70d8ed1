// Endpoints per service port, as kube-proxy's EndpointSliceCache computes them
// (pkg/proxy/endpointslicecache.go): slices are joined to their Service by the
// kubernetes.io/service-name label, filtered by address type, their ports matched by
// (name, protocol); an endpoint seen in two slices is kept once, a terminating copy never
// replacing another; the result is sorted by the "ip:port" string.
import type { EndpointSlice } from "../../model/k8s";
import { LABEL_SERVICE_NAME } from "../../model/k8s";
import { canonicalIP, familyOf } from "./proxierConfig";
import type { Family } from "./proxierConfig";
import { servicePortNameString } from "./servicePort";

export interface EndpointInfo {
  ip: string;
  port: number;
  /** BaseEndpointInfo.String(): net.JoinHostPort(ip, port). */
  str: string;
  isLocal: boolean;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** null when the endpoint has no zone (node) hints. */
  zoneHints: Set<string> | null;
  nodeHints: Set<string> | null;
  nodeName: string | null;
  /** "ns/name" of the targetRef Pod, if any. */
  pod: string | null;
}

export const joinHostPort = (ip: string, port: number): string =>
  ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`;

/** Key joining service ports and slice ports: ServicePortName with its protocol. */
export const servicePortKey = (spn: string, protocol: string): string => `${spn}/${protocol}`;

/**
 * All endpoints of every service port (keyed by servicePortKey) for one node and family.
 * Conditions follow kube-proxy's reading: ready nil = true, serving nil = true,
 * terminating nil = false.
 */
export function endpointsByServicePort(
  slices: EndpointSlice[],
  family: Family,
  nodeName: string,
): Map<string, EndpointInfo[]> {
  const addressType = family === 4 ? "IPv4" : "IPv6";
  const sets = new Map<string, Map<string, EndpointInfo>>();
  // Go iterates a map of slices; sort by namespace/name so duplicates resolve deterministically.
  const ordered = slices
    .filter((s) => s.addressType === addressType && s.metadata.labels?.[LABEL_SERVICE_NAME])
    .sort((a, b) => cmp(sliceKey(a), sliceKey(b)));
  for (const slice of ordered) {
    const ns = slice.metadata.namespace ?? "default";
    const svcName = slice.metadata.labels![LABEL_SERVICE_NAME]!;
    for (const port of slice.ports ?? []) {
      // discovery/v1 defaulting gives a missing name "" and a missing protocol TCP.
      if (port.port === undefined || port.port === 0) continue;
      const key = servicePortKey(servicePortNameString(ns, svcName, port.name ?? ""), port.protocol ?? "TCP");
      let set = sets.get(key);
      if (!set) sets.set(key, (set = new Map()));
      for (const ep of slice.endpoints) {
        const first = ep.addresses[0];
        if (first === undefined || familyOf(first) !== family) continue;
        const ip = canonicalIP(first);
        const c = ep.conditions ?? {};
        const terminating = c.terminating === true;
        const info: EndpointInfo = {
          ip,
          port: port.port,
          str: joinHostPort(ip, port.port),
          isLocal: ep.nodeName !== undefined && ep.nodeName === nodeName,
          ready: c.ready !== false,
          serving: c.serving !== false,
          terminating,
          zoneHints: ep.hints?.forZones?.length ? new Set(ep.hints.forZones.map((z) => z.name)) : null,
          nodeHints: ep.hints?.forNodes?.length ? new Set(ep.hints.forNodes.map((n) => n.name)) : null,
          nodeName: ep.nodeName ?? null,
          pod:
            ep.targetRef?.name && (ep.targetRef.kind ?? "Pod") === "Pod"
              ? `${ep.targetRef.namespace ?? ns}/${ep.targetRef.name}`
              : null,
        };
        if (!set.has(info.str) || !terminating) set.set(info.str, info);
      }
    }
  }
  const out = new Map<string, EndpointInfo[]>();
  for (const [key, set] of sets) {
    if (set.size === 0) continue;
    // byEndpoint: plain string order of "ip:port" (so 10.0.0.10 sorts before 10.0.0.2).
    out.set(
      key,
      [...set.values()].sort((a, b) => cmp(a.str, b.str)),
    );
  }
  return out;
}

const sliceKey = (s: EndpointSlice) => `${s.metadata.namespace ?? "default"}/${s.metadata.name}`;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
