// What the inspector and the CLI show of kube-proxy on one node, in the cluster's proxy mode
// (spec.kubeProxy.mode; ipvs is shown as iptables mode, which the engine models for it): a Service's
// own rules, and the whole rule text (iptables-save, or `nft list table ip kube-proxy`).
import type { Cluster } from "../../model/cluster";
import type { ProxyMode } from "../../model/clusterConfig";
import { iptablesServiceChains, type ServiceChain } from "./iptablesServiceChains";
import { iptablesSave } from "./iptablesSave";
import { buildNftRuleSet } from "./nftables/ruleSet";
import { nftListTable } from "./nftables/nftList";
import { nftServiceChains } from "./nftables/serviceChains";
import type { Family } from "./proxierConfig";
import { buildRuleSet } from "./rules";

/** Whether the cluster's kube-proxy writes nftables rules. */
export const nftablesMode = (cluster: Cluster): boolean => cluster.config.kubeProxy.mode === "nftables";

/** The Service's ("ns/name") rules on `node` for one IP family, and the mode that wrote them. */
export function serviceRules(
  cluster: Cluster,
  node: string,
  family: Family,
  service: string,
): { mode: ProxyMode; chains: ServiceChain[] } {
  const mode = cluster.config.kubeProxy.mode;
  if (nftablesMode(cluster))
    return { mode, chains: nftServiceChains(buildNftRuleSet(cluster, node, family).table, service) };
  return { mode, chains: iptablesServiceChains(buildRuleSet(cluster, node, family), service) };
}

/** Everything kube-proxy programs on `node` for one family, as its own tools print it. */
export function proxyRulesText(
  cluster: Cluster,
  node: string,
  family: Family,
): { mode: ProxyMode; text: string } {
  const mode = cluster.config.kubeProxy.mode;
  if (nftablesMode(cluster))
    return { mode, text: nftListTable(buildNftRuleSet(cluster, node, family).table) };
  return { mode, text: iptablesSave(cluster, node, family) };
}
