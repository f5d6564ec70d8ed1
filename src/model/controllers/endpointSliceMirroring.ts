// The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring): kube-proxy reads only
// EndpointSlices, so hand-made v1 Endpoints of a selector-less Service are copied into slices.
// Addresses become ready endpoints, notReadyAddresses not-ready ones; only the Ready condition is set.
import type { Cluster } from "../cluster";
import { parseIP } from "../ip";
import {
  type EndpointSlice,
  type Endpoints,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  type SliceEndpoint,
} from "../k8s";
import { nameSuffix } from "./names";

export const MIRRORING_CONTROLLER = "endpointslicemirroring-controller.k8s.io";
const SKIP_MIRROR = "endpointslice.kubernetes.io/skip-mirror";

export function mirrorEndpoints(cluster: Cluster, taken: (nsName: string) => boolean): EndpointSlice[] {
  const out: EndpointSlice[] = [];
  for (const ep of cluster.endpoints) {
    const ns = ep.metadata.namespace ?? "default";
    const svc = cluster.services.find(
      (s) => s.metadata.namespace === ns && s.metadata.name === ep.metadata.name,
    );
    if (!svc || svc.spec.selector || ep.metadata.labels?.[SKIP_MIRROR] === "true") continue;
    (ep.subsets ?? []).forEach((subset) => {
      for (const family of ["IPv4", "IPv6"] as const) {
        const endpoints = toSliceEndpoints(subset, family);
        if (!endpoints.length) continue;
        const suffix = nameSuffix(`${ns}/${ep.metadata.name}/mirror`, out.length, (s) =>
          taken(`${ns}/${ep.metadata.name}-${s}`),
        );
        out.push({
          apiVersion: "discovery.k8s.io/v1",
          kind: "EndpointSlice",
          metadata: {
            name: `${ep.metadata.name}-${suffix}`,
            namespace: ns,
            labels: { [LABEL_SERVICE_NAME]: ep.metadata.name, [LABEL_MANAGED_BY]: MIRRORING_CONTROLLER },
          },
          addressType: family,
          endpoints,
          ports: (subset.ports ?? []).map((p) => ({
            name: p.name ?? "",
            port: p.port,
            protocol: p.protocol ?? "TCP",
          })),
        });
      }
    });
  }
  return out;
}

function toSliceEndpoints(
  subset: NonNullable<Endpoints["subsets"]>[number],
  family: "IPv4" | "IPv6",
): SliceEndpoint[] {
  const fam = family === "IPv4" ? 4 : 6;
  const conv =
    (ready: boolean) =>
    (a: NonNullable<typeof subset.addresses>[number]): SliceEndpoint[] =>
      parseIP(a.ip)?.family !== fam
        ? []
        : [
            {
              addresses: [a.ip],
              conditions: { ready },
              ...(a.hostname ? { hostname: a.hostname } : {}),
              ...(a.nodeName ? { nodeName: a.nodeName } : {}),
              ...(a.targetRef ? { targetRef: a.targetRef } : {}),
            },
          ];
  return [
    ...(subset.addresses ?? []).flatMap(conv(true)),
    ...(subset.notReadyAddresses ?? []).flatMap(conv(false)),
  ];
}
