// Service discovery: kubelet's service environment variables and the cluster DNS seen from a pod.
export { serviceEnv } from "./envVars";
export { podResolvConf } from "./resolvConf";
export { resolve } from "./resolver";
export type { DnsRecord } from "./types";
