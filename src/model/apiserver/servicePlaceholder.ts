// Interim Service handling (defaults and sequential allocation) until the full API-server port lands.
import type { ClusterConfig } from "../clusterConfig";
import type { FieldError } from "../diagnostics";
import { cidrSize, nthIP, parseCIDR } from "../ip";
import type { Service } from "../k8s";
import { isDNS1035Label } from "../validation/names";
import type { KindHandler } from "./kindHandlers";
import { validateObjectMeta } from "../validation/meta";

export function serviceHandler(config: ClusterConfig): KindHandler<Service> {
  const cidr = parseCIDR(config.serviceCIDR)!;
  const usedIPs = new Set<string>();
  const usedPorts = new Set<number>();
  let nextIP = 1n;
  let nextPort = config.nodePortRange.base;
  return {
    nameRule: isDNS1035Label,
    namespaced: true,
    setDefaults(s) {
      const spec = s.spec;
      spec.type ??= "ClusterIP";
      spec.sessionAffinity ??= "None";
      for (const p of spec.ports ?? []) {
        p.protocol ??= "TCP";
        p.targetPort ??= p.port;
      }
      if (spec.type === "NodePort" || spec.type === "LoadBalancer") spec.externalTrafficPolicy ??= "Cluster";
      if (spec.type !== "ExternalName") spec.internalTrafficPolicy ??= "Cluster";
    },
    allocate(s) {
      const spec = s.spec;
      if (spec.type !== "ExternalName" && spec.clusterIP !== "None") {
        if (!spec.clusterIP) {
          while (usedIPs.has(nthIP(cidr, nextIP)) && nextIP < cidrSize(cidr)) nextIP++;
          spec.clusterIP = nthIP(cidr, nextIP);
        }
        usedIPs.add(spec.clusterIP);
        spec.clusterIPs = [spec.clusterIP];
      }
      if (spec.type === "NodePort" || spec.type === "LoadBalancer")
        for (const p of spec.ports ?? []) {
          if (!p.nodePort) {
            while (usedPorts.has(nextPort)) nextPort++;
            p.nodePort = nextPort;
          }
          usedPorts.add(p.nodePort);
        }
      return [] as FieldError[];
    },
    validate: (s) => validateObjectMeta(s.metadata, { namespaced: true, nameFn: isDNS1035Label }),
  };
}
