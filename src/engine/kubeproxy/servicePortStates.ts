// Every service port kube-proxy proxies on one node for one IP family, in the order it writes them, with
// its endpoints and how Cluster and Local traffic policy categorize them (both proxier modes use it).
import type { Cluster } from "../../model/cluster";
import { type EndpointInfo, endpointsByServicePort, servicePortKey } from "./endpoints";
import { type Family, nodeZone, type ProxierConfig } from "./proxierConfig";
import { type ServicePortInfo, servicePortsFor } from "./servicePort";
import { type CategorizedEndpoints, categorizeEndpoints } from "./topology";

export interface ServicePortState {
  info: ServicePortInfo;
  endpoints: EndpointInfo[];
  categorized: CategorizedEndpoints;
}

export function servicePortStates(cluster: Cluster, cfg: ProxierConfig, family: Family): ServicePortState[] {
  const endpointsMap = endpointsByServicePort(cluster.endpointSlices, family, cfg.nodeName);
  const zone = nodeZone(cfg);
  return cluster.services
    .flatMap((s) => servicePortsFor(s, family))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.protocol < b.protocol ? -1 : 1))
    .map((info) => {
      const endpoints = endpointsMap.get(servicePortKey(info.name, info.protocol)) ?? [];
      return { info, endpoints, categorized: categorizeEndpoints(endpoints, info, cfg.nodeName, zone) };
    });
}
