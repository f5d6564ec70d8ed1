// A node's kube-proxy table in nftables mode, built as syncProxyRules (pkg/proxy/nftables/proxier.go)
// builds it: setupNFTables, then every service port in turn, sharing the iptables mode's reading of
// Services, EndpointSlices and topology.
import type { Cluster } from "../../../model/cluster";
import type { Family, ProxierConfig } from "../proxierConfig";
import { proxierConfig } from "../proxierConfig";
import { type ServicePortState, servicePortStates } from "../servicePortStates";
import { type NftTable, TableWriter } from "./model";
import { type NftEndpointChains, writeNftServicePort } from "./servicePortRules";
import { setupNFTables } from "./setup";

export interface NftRuleSet {
  config: ProxierConfig;
  table: NftTable;
  /** Each endpoint- chain's endpoint and service port. */
  endpointChains: NftEndpointChains;
  servicePorts: ServicePortState[];
}

export function buildNftRuleSet(cluster: Cluster, nodeName: string, family: Family): NftRuleSet {
  const cfg = proxierConfig(cluster, nodeName, family);
  const w = new TableWriter(family === 4 ? "ip" : "ip6");
  setupNFTables(w, cfg, cluster.config.serviceCIDR);

  const endpointChains: NftEndpointChains = new Map();
  const servicePorts = servicePortStates(cluster, cfg, family);
  for (const { info, categorized } of servicePorts)
    writeNftServicePort(w, cfg, info, categorized, endpointChains);
  return { config: cfg, table: w.table, endpointChains, servicePorts };
}
