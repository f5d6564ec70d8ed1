// kube-proxy's nftables names (pkg/proxy/nftables/proxier.go): the table, its fixed chains, sets and
// maps, and the per-service-port chains, named "<prefix><hash>-ns/name/protocol/port" where the hash is
// the first 8 characters of the standard base32 encoding of SHA-256 of the rest (hashAndTruncate).
import { sha256, utf8 } from "../../sha256";
import { base32Std } from "../chainNames";

// Base chains, "${type}-${hook}" (nftablesBaseChains).
export const FILTER_PREROUTING_PRE_DNAT = "filter-prerouting-pre-dnat";
export const FILTER_OUTPUT_PRE_DNAT = "filter-output-pre-dnat";
export const FILTER_FORWARD = "filter-forward";
export const FILTER_INPUT = "filter-input";
export const FILTER_OUTPUT = "filter-output";
export const NAT_PREROUTING = "nat-prerouting";
export const NAT_OUTPUT = "nat-output";
export const NAT_POSTROUTING = "nat-postrouting";

// Regular chains every node has.
export const SERVICES = "services";
export const SERVICE_ENDPOINTS_CHECK = "service-endpoints-check";
export const NODEPORT_ENDPOINTS_CHECK = "nodeport-endpoints-check";
export const REJECT_CHAIN = "reject-chain";
export const CLUSTER_IPS_CHECK = "cluster-ips-check";
export const FIREWALL_CHECK = "firewall-check";
export const MARK_MASQ = "mark-for-masquerade";
export const MASQUERADING = "masquerading";

// Sets and maps.
export const CLUSTER_IPS = "cluster-ips";
export const NODEPORT_IPS = "nodeport-ips";
export const SERVICE_IPS = "service-ips";
export const SERVICE_NODEPORTS = "service-nodeports";
export const NO_ENDPOINT_SERVICES = "no-endpoint-services";
export const NO_ENDPOINT_NODEPORTS = "no-endpoint-nodeports";
export const FIREWALL_IPS = "firewall-ips";

/** knftables.NameLengthMax minus the longest prefix (chainNameBaseLengthMax). */
const CHAIN_NAME_BASE_LENGTH_MAX = 256 - 16;

const bases = new Map<string, string>();

/** hashAndTruncate: "HASH-name", cut to chainNameBaseLengthMax with "..." (never, in practice). */
function hashAndTruncate(name: string): string {
  let base = bases.get(name);
  if (base === undefined) {
    if (bases.size >= 100_000) bases.clear();
    base = `${base32Std(sha256(utf8(name))).slice(0, 8)}-${name}`;
    if (base.length > CHAIN_NAME_BASE_LENGTH_MAX)
      base = `${base.slice(0, CHAIN_NAME_BASE_LENGTH_MAX - 3)}...`;
    bases.set(name, base);
  }
  return base;
}

/** servicePortChainNameBase: "HASH-ns/name/protocol/portName" (protocol lower case). */
export const servicePortChainNameBase = (ns: string, name: string, protocol: string, port: string): string =>
  hashAndTruncate(`${ns}/${name}/${protocol.toLowerCase()}/${port}`);

/**
 * servicePortEndpointChainNameBase: "HASH-ns/name/protocol/portName__endpointIP/endpointPort", an IPv6
 * endpoint's colons turned into dots (chain names may not hold colons).
 */
export const servicePortEndpointChainNameBase = (
  ns: string,
  name: string,
  protocol: string,
  port: string,
  endpointIP: string,
  endpointPort: number,
): string =>
  hashAndTruncate(
    `${ns}/${name}/${protocol.toLowerCase()}/${port}__${endpointIP.replaceAll(":", ".")}/${endpointPort}`,
  );

// Prefixes of the per-service-port chains and sets.
export const SERVICE_PREFIX = "service-";
export const LOCAL_PREFIX = "local-";
export const EXTERNAL_PREFIX = "external-";
export const ENDPOINT_PREFIX = "endpoint-";
export const AFFINITY_PREFIX = "affinity-";
export const FIREWALL_PREFIX = "firewall-";
