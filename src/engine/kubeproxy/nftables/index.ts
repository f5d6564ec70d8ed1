// kube-proxy in nftables mode (pkg/proxy/nftables/proxier.go), on every node: the rule model
// (ruleSet.ts), `nft list table` output (nftList.ts) and explain() (explain.ts, walking the rules as
// walk.ts does). It shares iptables mode's reading of Services, endpoints and topology and its
// Decision. Differences from iptables mode worth knowing:
// - dispatch is by verdict maps (service-ips, service-nodeports), the endpoint choice one
//   `numgen random mod N vmap` rule; Decision.rules lists the base chains the packet went through too;
// - cluster-ips-check rejects a ClusterIP's port no Service has and drops an unallocated address of
//   the service CIDR (iptables mode lets both pass untouched);
// - no rule for the healthCheckNodePort (kube-proxy's health server listens; iptables mode ACCEPTs);
// - NodePorts are never open on localhost.
export { buildNftRuleSet } from "./ruleSet";
export type { NftRuleSet } from "./ruleSet";
export { explainWithNftRules, nftExplainer } from "./explain";
export { nftListTable } from "./nftList";
