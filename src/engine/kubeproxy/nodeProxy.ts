// kube-proxy on one node for one IP family, in the cluster's proxy mode (spec.kubeProxy.mode; ipvs is
// modelled as iptables mode): its rules built once, then explained, shown for one Service (the
// inspector) or printed whole (iptables-save, or `nft list table ip kube-proxy`).
import type { Cluster } from "../../model/cluster";
import type { ProxyMode } from "../../model/clusterConfig";
import { type Decision, type ExplainQuery, explainWithRules } from "./explain";
import { iptablesServiceChains, type ServiceChain } from "./iptablesServiceChains";
import { renderRuleSet } from "./iptablesSave";
import { explainWithNftRules } from "./nftables/explain";
import { nftListTable } from "./nftables/nftList";
import { buildNftRuleSet } from "./nftables/ruleSet";
import { nftServiceChains } from "./nftables/serviceChains";
import type { Family } from "./proxierConfig";
import { buildRuleSet } from "./rules";

export interface NodeProxy {
  mode: ProxyMode;
  /** explain() with these rules, for a query whose addresses the caller has checked. */
  explain(q: Omit<ExplainQuery, "node">): Decision;
  /** A Service's ("ns/name") own rules, as the inspector shows them. */
  serviceChains(service: string): ServiceChain[];
  /** Everything, as kube-proxy's own tools print it. */
  text(): string;
}

/** Whether the cluster's kube-proxy writes nftables rules. */
export const nftablesMode = (cluster: Cluster): boolean => cluster.config.kubeProxy.mode === "nftables";

export function nodeProxy(cluster: Cluster, node: string, family: Family): NodeProxy {
  const mode = cluster.config.kubeProxy.mode;
  if (nftablesMode(cluster)) {
    const rs = buildNftRuleSet(cluster, node, family);
    return {
      mode,
      explain: (q) => explainWithNftRules(rs, q),
      serviceChains: (service) => nftServiceChains(rs.table, service),
      text: () => nftListTable(rs.table),
    };
  }
  const rs = buildRuleSet(cluster, node, family);
  return {
    mode,
    explain: (q) => explainWithRules(rs, q),
    serviceChains: (service) => iptablesServiceChains(rs, service),
    text: () => renderRuleSet(rs),
  };
}

/** The Service's ("ns/name") rules on `node` for one IP family, and the mode that wrote them. */
export function serviceRules(
  cluster: Cluster,
  node: string,
  family: Family,
  service: string,
): { mode: ProxyMode; chains: ServiceChain[] } {
  const p = nodeProxy(cluster, node, family);
  return { mode: p.mode, chains: p.serviceChains(service) };
}

/** Everything kube-proxy programs on `node` for one family, as its own tools print it. */
export function proxyRulesText(
  cluster: Cluster,
  node: string,
  family: Family,
): { mode: ProxyMode; text: string } {
  const p = nodeProxy(cluster, node, family);
  return { mode: p.mode, text: p.text() };
}
