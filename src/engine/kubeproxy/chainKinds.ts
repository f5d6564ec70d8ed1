// Which chains named in a Decision's rules are endpoint chains and service policy chains, in either
// proxy mode: iptables (KUBE-SEP-, KUBE-SVC-/KUBE-SVL-) or nftables (endpoint-, service-/local-, whose
// per-service-port chains always hold a "/", unlike the fixed ones such as service-endpoints-check).
const nftServiceChain = (chain: string, prefix: string): boolean =>
  chain.startsWith(prefix) && chain.includes("/");

/** A chain that DNATs to one endpoint. */
export const isEndpointChain = (chain: string): boolean =>
  chain.startsWith("KUBE-SEP-") || nftServiceChain(chain, "endpoint-");

/** A service port's policy chain (Cluster or Local), which picks among its endpoints. */
export const isPolicyChain = (chain: string): boolean =>
  chain.startsWith("KUBE-SVC-") ||
  chain.startsWith("KUBE-SVL-") ||
  nftServiceChain(chain, "service-") ||
  nftServiceChain(chain, "local-");
