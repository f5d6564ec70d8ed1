// Service discovery: kubelet's service environment variables and the cluster DNS seen from a pod.
export { serviceEnv, envVarsFromServices, envVarName, isServiceIPSet } from "./envVars";
export { dnsServerIP, podResolvConf, ndotsOf } from "./resolvConf";
export { queryClusterDns, clusterDnsServers, DNS_TTL } from "./clusterDns";
export { resolve } from "./resolver";
export type {
  DnsRecord,
  DnsResponse,
  EnvVar,
  HostResolvConf,
  QueryType,
  Rcode,
  ResolvConf,
  ResolveAnswer,
} from "./types";
