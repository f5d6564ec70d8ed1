// Per-service-port state as kube-proxy's ServiceChangeTracker builds it for one IP family
// (pkg/proxy/serviceport.go newBaseServiceInfo, pkg/proxy/servicechangetracker.go,
// pkg/api/v1/service/util.go ExternallyAccessible/ExternalPolicyLocal/NeedsHealthCheck).
import type { Protocol, Service } from "../../model/k8s";
import { formatCIDR, parseCIDRSloppy } from "../../model/ip";
import { clusterPolicyChain, externalChain, firewallChain, localPolicyChain } from "./chainNames";
import { canonicalIP, familyOf } from "./proxierConfig";
import type { Family } from "./proxierConfig";

export interface ServicePortInfo {
  /** ServicePortName.String(): "ns/name:port", or "ns/name" for an unnamed port. */
  name: string;
  namespace: string;
  serviceName: string;
  portName: string;
  protocol: Protocol;
  clusterIP: string;
  port: number;
  /** 0 when none. */
  nodePort: number;
  externalIPs: string[];
  /** status.loadBalancer.ingress IPs of this family whose ipMode is VIP or unset. */
  loadBalancerVIPs: string[];
  /** Canonical CIDRs of this family; empty also when a zero CIDR allows everyone. */
  loadBalancerSourceRanges: string[];
  /** 0 when none. */
  healthCheckNodePort: number;
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
  /** ClientIP affinity timeout, or null for sessionAffinity None. */
  stickyMaxAgeSeconds: number | null;
  clusterPolicyChain: string;
  localPolicyChain: string;
  firewallChain: string;
  externalChain: string;
}

/** Default ClientIP timeout (core/v1 DefaultClientIPServiceAffinitySeconds). */
const DEFAULT_AFFINITY_SECONDS = 10800;

const serviceType = (svc: Service) => svc.spec.type ?? "ClusterIP";

/** apiservice.ExternallyAccessible: LoadBalancer, NodePort, or ClusterIP with externalIPs. */
function serviceExternallyAccessible(svc: Service): boolean {
  const t = serviceType(svc);
  return (
    t === "LoadBalancer" || t === "NodePort" || (t === "ClusterIP" && (svc.spec.externalIPs ?? []).length > 0)
  );
}

/** ServicePortName.String() (pkg/proxy/types.go): the port name is appended only when set. */
export const servicePortNameString = (ns: string, name: string, port: string): string =>
  port === "" ? `${ns}/${name}` : `${ns}/${name}:${port}`;

/** The ClusterIP of this family (proxyutil.GetClusterIPByFamily), or null. */
export function clusterIPOf(svc: Service, family: Family): string | null {
  if (shouldSkipService(svc)) return null;
  const ips = svc.spec.clusterIPs?.length
    ? svc.spec.clusterIPs
    : svc.spec.clusterIP
      ? [svc.spec.clusterIP]
      : [];
  for (const ip of ips) if (familyOf(ip) === family) return canonicalIP(ip);
  return null;
}

/** proxyutil.ShouldSkipService: headless, unallocated, and ExternalName Services are not proxied. */
function shouldSkipService(svc: Service): boolean {
  const ip = svc.spec.clusterIP;
  return !ip || ip === "None" || serviceType(svc) === "ExternalName";
}

/** The Service's primary IP family: that of its first ClusterIP (4 when it has none). */
export function serviceFamily(svc: Service): Family {
  const first = svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP;
  return (first && familyOf(first)) || 4;
}

export function servicePortsFor(svc: Service, family: Family): ServicePortInfo[] {
  if (shouldSkipService(svc)) return [];
  const clusterIP = clusterIPOf(svc, family);
  if (!clusterIP) return [];
  const namespace = svc.metadata.namespace ?? "default";
  const externallyAccessible = serviceExternallyAccessible(svc);
  const externalPolicyLocal = externallyAccessible && svc.spec.externalTrafficPolicy === "Local";
  const internalPolicyLocal = svc.spec.internalTrafficPolicy === "Local";
  const needsHealthCheck = serviceType(svc) === "LoadBalancer" && externalPolicyLocal;

  const externalIPs = (svc.spec.externalIPs ?? []).filter((ip) => familyOf(ip) === family).map(canonicalIP);
  // Validation tolerates whitespace padding here, so kube-proxy trims it; it parses sloppily
  // (leading zeros allowed: "203.0.113.000/025" is 203.0.113.0/25, as in TestBadIPs).
  let sourceRanges: string[] = [];
  for (const raw of svc.spec.loadBalancerSourceRanges ?? []) {
    const c = parseCIDRSloppy(raw.trim());
    if (c && c.family === family) sourceRanges.push(formatCIDR(c));
  }
  if (sourceRanges.some((r) => r.endsWith("/0"))) sourceRanges = [];
  const vips: string[] = [];
  for (const ing of svc.status.loadBalancer?.ingress ?? []) {
    if (!ing.ip || (ing.ipMode !== undefined && ing.ipMode !== "VIP")) continue;
    if (familyOf(ing.ip) === family) vips.push(canonicalIP(ing.ip));
  }
  const sticky =
    svc.spec.sessionAffinity === "ClientIP"
      ? (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS)
      : null;

  return (svc.spec.ports ?? []).map((p) => {
    const portName = p.name ?? "";
    const protocol = p.protocol ?? "TCP";
    const name = servicePortNameString(namespace, svc.metadata.name, portName);
    return {
      name,
      namespace,
      serviceName: svc.metadata.name,
      portName,
      protocol,
      clusterIP,
      port: p.port,
      nodePort: p.nodePort ?? 0,
      externalIPs,
      loadBalancerVIPs: vips,
      loadBalancerSourceRanges: sourceRanges,
      healthCheckNodePort: needsHealthCheck ? (svc.spec.healthCheckNodePort ?? 0) : 0,
      externalPolicyLocal,
      internalPolicyLocal,
      stickyMaxAgeSeconds: sticky,
      clusterPolicyChain: clusterPolicyChain(name, protocol),
      localPolicyChain: localPolicyChain(name, protocol),
      firewallChain: firewallChain(name, protocol),
      externalChain: externalChain(name, protocol),
    };
  });
}

/** BaseServicePortInfo.ExternallyAccessible: reachable other than by ClusterIP, in this family. */
export const portExternallyAccessible = (sp: ServicePortInfo): boolean =>
  sp.nodePort !== 0 || sp.loadBalancerVIPs.length > 0 || sp.externalIPs.length > 0;

/** Cluster endpoints are needed for iTP Cluster, and for any external access (short-circuiting). */
export const usesClusterEndpoints = (sp: ServicePortInfo): boolean =>
  !sp.internalPolicyLocal || portExternallyAccessible(sp);

export const usesLocalEndpoints = (sp: ServicePortInfo): boolean =>
  sp.internalPolicyLocal || (sp.externalPolicyLocal && portExternallyAccessible(sp));
