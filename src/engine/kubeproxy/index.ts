// kube-proxy in iptables mode, on every node: the rule model, iptables-save output, and explain().
export { buildRuleSet, probability } from "./rules";
export type { Rule, RuleSet, RuleTag, ServicePortState, Table } from "./rules";
export { iptablesSave, renderRuleSet } from "./iptablesSave";
export { explain, explainWithRules, parseHostPort } from "./explain";
export type { Candidate, Decision, DecisionAction, ExplainProtocol, ExplainQuery } from "./explain";
export { chooseEndpoint } from "./chooseEndpoint";
export { tracePacket } from "./trace";
export type { TraceResult, TracedCandidate } from "./trace";
export { categorizeEndpoints, topologyModeFromHints } from "./topology";
export type { CategorizedEndpoints, TopologyMode } from "./topology";
export { endpointsByServicePort } from "./endpoints";
export type { EndpointInfo } from "./endpoints";
export { servicePortsFor } from "./servicePort";
export type { ServicePortInfo } from "./servicePort";
export { proxierConfig } from "./proxierConfig";
export type { Family, ProxierConfig } from "./proxierConfig";
export * from "./chainNames";
