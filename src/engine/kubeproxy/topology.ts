// CategorizeEndpoints (pkg/proxy/topology.go): which endpoints Cluster and Local traffic policy
// use on this node. Ready endpoints first; only when none is usable, serving-and-terminating ones
// (independently for Cluster and Local). Topology: PreferSameNode when every ready endpoint has
// node hints and one is for this node (the PreferSameTrafficDistribution gate is on by default
// in current Kubernetes), else PreferSameZone when every ready endpoint has zone hints and one is
// for this node's zone, else none.
import type { EndpointInfo } from "./endpoints";
import type { ServicePortInfo } from "./servicePort";
import { usesClusterEndpoints, usesLocalEndpoints } from "./servicePort";

type TopologyMode = "" | "PreferSameNode" | "PreferSameZone";

export interface CategorizedEndpoints {
  /** Endpoints for Cluster traffic policy; empty if the service never uses it. */
  clusterEndpoints: EndpointInfo[];
  /** Endpoints for Local traffic policy; empty if the service never uses it. */
  localEndpoints: EndpointInfo[];
  /** Union of the two: every endpoint this node may send to (one KUBE-SEP chain each). */
  allReachableEndpoints: EndpointInfo[];
  /** Whether any usable endpoint exists anywhere in the cluster. */
  hasAnyEndpoints: boolean;
  topologyMode: TopologyMode;
}

function topologyModeFromHints(endpoints: EndpointInfo[], nodeName: string, zone: string): TopologyMode {
  let hasForNode = false;
  let allNodeHints = true;
  let hasForZone = false;
  let allZoneHints = true;
  for (const ep of endpoints) {
    if (!ep.ready) continue;
    if (!ep.nodeHints) allNodeHints = false;
    else if (ep.nodeHints.has(nodeName)) hasForNode = true;
    if (!ep.zoneHints) allZoneHints = false;
    else if (ep.zoneHints.has(zone)) hasForZone = true;
  }
  if (allNodeHints && hasForNode) return "PreferSameNode";
  if (allZoneHints && hasForZone) return "PreferSameZone";
  return "";
}

function availableForTopology(ep: EndpointInfo, mode: TopologyMode, nodeName: string, zone: string): boolean {
  if (mode === "PreferSameNode") return ep.nodeHints?.has(nodeName) ?? false;
  if (mode === "PreferSameZone") return ep.zoneHints?.has(zone) ?? false;
  return true;
}

export function categorizeEndpoints(
  endpoints: EndpointInfo[],
  sp: ServicePortInfo,
  nodeName: string,
  zone: string,
): CategorizedEndpoints {
  let clusterEndpoints: EndpointInfo[] = [];
  let localEndpoints: EndpointInfo[] = [];
  let hasAnyEndpoints = false;
  let topologyMode: TopologyMode = "";
  let useServingTerminating = false;

  if (usesClusterEndpoints(sp)) {
    topologyMode = topologyModeFromHints(endpoints, nodeName, zone);
    clusterEndpoints = endpoints.filter(
      (ep) => ep.ready && availableForTopology(ep, topologyMode, nodeName, zone),
    );
    if (clusterEndpoints.length === 0)
      clusterEndpoints = endpoints.filter((ep) => ep.serving && ep.terminating);
    if (clusterEndpoints.length > 0) hasAnyEndpoints = true;
  }
  if (!usesLocalEndpoints(sp)) {
    return {
      clusterEndpoints,
      localEndpoints,
      allReachableEndpoints: clusterEndpoints,
      hasAnyEndpoints,
      topologyMode,
    };
  }

  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalReady = true;
    } else if (ep.serving && ep.terminating) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalServingTerminating = true;
    }
  }
  if (hasLocalReady) {
    localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.ready);
  } else if (hasLocalServingTerminating) {
    useServingTerminating = true;
    localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.serving && ep.terminating);
  }
  if (!usesClusterEndpoints(sp)) {
    return {
      clusterEndpoints,
      localEndpoints,
      allReachableEndpoints: localEndpoints,
      hasAnyEndpoints,
      topologyMode,
    };
  }
  if (topologyMode === "" && !useServingTerminating) {
    return {
      clusterEndpoints,
      localEndpoints,
      allReachableEndpoints: clusterEndpoints,
      hasAnyEndpoints,
      topologyMode,
    };
  }
  const merged = new Map<string, EndpointInfo>();
  for (const ep of [...clusterEndpoints, ...localEndpoints]) merged.set(ep.str, ep);
  const allReachableEndpoints = [...merged.values()].sort((a, b) =>
    a.str < b.str ? -1 : a.str > b.str ? 1 : 0,
  );
  return { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints, topologyMode };
}
