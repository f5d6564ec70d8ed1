// Service environment variables, as kubelet injects them into every container it starts.
// Ported from pkg/kubelet/kubelet_pods.go (getServiceEnvVarMap) and pkg/kubelet/envvars/envvars.go
// (FromServices, makeLinkVariables).
import { createdBefore, type Cluster } from "../cluster";
import type { Pod, Service } from "../k8s";
import type { EnvVar } from "./types";

/** kubelet's masterServices: always injected from the "default" namespace, even without service links. */
const MASTER_SERVICES = new Set(["kubernetes"]);
const MASTER_SERVICE_NAMESPACE = "default";

/** v1helper.IsServiceIPSet: a ClusterIP that is neither "" nor "None". */
function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec.clusterIP;
  return ip !== undefined && ip !== "" && ip !== "None";
}

/** envvars.makeEnvVariableName: upper case, `-` becomes `_` (names are DNS labels, so no dots). */
const envVarName = (name: string): string => name.replaceAll("-", "_").toUpperCase();

/** net.JoinHostPort: IPv6 addresses get brackets. */
const joinHostPort = (host: string, port: number): string =>
  host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;

/**
 * envvars.FromServices: for each service in the order given, {NAME}_SERVICE_HOST, {NAME}_SERVICE_PORT,
 * one {NAME}_SERVICE_PORT_{PORTNAME} per named port, then the Docker link variables.
 */
export function envVarsFromServices(services: readonly Service[]): EnvVar[] {
  const out: EnvVar[] = [];
  for (const svc of services) {
    if (!isServiceIPSet(svc)) continue;
    const ip = svc.spec.clusterIP!;
    const prefix = envVarName(svc.metadata.name);
    const ports = svc.spec.ports ?? [];
    out.push({ name: `${prefix}_SERVICE_HOST`, value: ip });
    // Validation makes every non-headless Service have a port; guard anyway instead of crashing.
    const first = ports[0];
    if (first) out.push({ name: `${prefix}_SERVICE_PORT`, value: String(first.port) });
    for (const sp of ports) {
      if (sp.name)
        out.push({ name: `${prefix}_SERVICE_PORT_${envVarName(sp.name)}`, value: String(sp.port) });
    }
    out.push(...linkVariables(prefix, ip, svc));
  }
  return out;
}

/** envvars.makeLinkVariables: the Docker-links style variables, the first port special-cased. */
function linkVariables(prefix: string, ip: string, svc: Service): EnvVar[] {
  const out: EnvVar[] = [];
  (svc.spec.ports ?? []).forEach((sp, i) => {
    const protocol = sp.protocol ?? "TCP";
    const proto = protocol.toLowerCase();
    const url = `${proto}://${joinHostPort(ip, sp.port)}`;
    if (i === 0) out.push({ name: `${prefix}_PORT`, value: url });
    const portPrefix = `${prefix}_PORT_${sp.port}_${protocol.toUpperCase()}`;
    out.push(
      { name: portPrefix, value: url },
      { name: `${portPrefix}_PROTO`, value: proto },
      { name: `${portPrefix}_PORT`, value: String(sp.port) },
      { name: `${portPrefix}_ADDR`, value: ip },
    );
  });
  return out;
}

/**
 * The service environment variables of a pod's containers (kubelet's getServiceEnvVarMap): the
 * master service default/kubernetes always; with enableServiceLinks (default true) also every Service
 * of the pod's namespace, where a Service named "kubernetes" in that namespace overrides the master one.
 *
 * Order: kubelet collects these in Go maps, so its order is unspecified (its own tests sort by name).
 * Here Services are sorted by name and each one's variables keep envvars.FromServices' order; a name
 * produced twice keeps its first position and its last value, as a map would hold one value.
 */
export function serviceEnv(cluster: Cluster, pod: Pod): EnvVar[] {
  const namespace = pod.metadata.namespace ?? "default";
  const serviceLinks = pod.spec.enableServiceLinks ?? true;
  const byName = new Map<string, Service>();
  for (const svc of cluster.services) {
    // ExternalName Services carry no ClusterIP; checked explicitly in case one was given anyway.
    if (!isServiceIPSet(svc) || svc.spec.type === "ExternalName") continue;
    // kubelet lists the Services that exist when it starts the pod: only earlier ones count.
    if (!createdBefore(cluster, svc, pod)) continue;
    const name = svc.metadata.name;
    const svcNamespace = svc.metadata.namespace ?? "default";
    if (svcNamespace === MASTER_SERVICE_NAMESPACE && MASTER_SERVICES.has(name)) {
      if (!byName.has(name)) byName.set(name, svc);
    } else if (svcNamespace === namespace && serviceLinks) {
      byName.set(name, svc);
    }
  }
  const services = [...byName.values()].sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
  );
  const merged = new Map<string, string>();
  for (const v of envVarsFromServices(services)) merged.set(v.name, v.value);
  return [...merged].map(([name, value]) => ({ name, value }));
}
