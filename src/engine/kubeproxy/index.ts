// kube-proxy in iptables mode, on every node: the rule model, iptables-save output, and explain().
// nftables mode lives in nftables/ and shares the reading of Services and endpoints and the Decision;
// nodeProxy.ts builds a node's rules in the cluster's mode, to explain, show a Service's rules or print.
//
// One model, two views: buildRuleSet() writes the rules as syncProxyRules does
// (pkg/proxy/iptables/proxier.go); renderRuleSet() prints them and walkRules() judges packets by
// reading the same arguments back, as proxier_test.go's tracer does. Choices worth knowing:
// - Decision.rules lists every chain entered, including every KUBE-SEP chain the random rules may
//   jump to (not only when there is one candidate), and for a filter verdict the filter chain that
//   gave it (so a REJECT reads ["KUBE-SERVICES", "KUBE-SERVICES"]: nat, then filter).
// - Decision.masquerade is true if KUBE-MARK-MASQ is hit on any path (the tracer's answer); the
//   hairpin mark belongs to one endpoint only, see Decision.masqueradeByCandidate.
// - Like the tracer, the filter chains are all consulted whatever the hook (INPUT/FORWARD/OUTPUT).
// - Current Kubernetes (1.34+): PreferSameNode hints are honoured (gate on by default), LB ingress
//   with ipMode Proxy is skipped, localhost NodePorts get their own nfacct-counted rule.
export { buildRuleSet } from "./rules";
export type { RuleSet } from "./rules";
export { explain, explainer, explainWithRules } from "./explain";
export type { Candidate, Decision, ExplainQuery } from "./explain";
export { chooseEndpoint } from "./chooseEndpoint";
export { nodeProxy, serviceRules, proxyRulesText, nftablesMode } from "./nodeProxy";
export type { NodeProxy } from "./nodeProxy";
export type { ServiceChain } from "./iptablesServiceChains";
export { clusterIPOf, serviceFamily } from "./servicePort";
export { familyOf } from "./proxierConfig";
export { joinHostPort } from "./endpoints";
