// kube-proxy's chain names (pkg/proxy/iptables/proxier.go: portProtoHash, servicePortPolicyClusterChain,
// servicePortPolicyLocalChainName, serviceFirewallChainName, serviceExternalChainName,
// servicePortEndpointChainName): a prefix plus the first 16 characters of the standard base32
// encoding of SHA-256(servicePortName + lower-case protocol [+ endpoint "ip:port"]); and the fixed
// chains kube-proxy declares on every node.
import { sha256, utf8 } from "../sha256";

// The chains every node has, whatever its Services.
export const KUBE_SERVICES = "KUBE-SERVICES";
export const KUBE_EXTERNAL_SERVICES = "KUBE-EXTERNAL-SERVICES";
export const KUBE_NODEPORTS = "KUBE-NODEPORTS";
export const KUBE_POSTROUTING = "KUBE-POSTROUTING";
export const KUBE_MARK_MASQ = "KUBE-MARK-MASQ";
export const KUBE_FORWARD = "KUBE-FORWARD";
export const KUBE_PROXY_FIREWALL = "KUBE-PROXY-FIREWALL";
export const KUBE_FIREWALL = "KUBE-FIREWALL";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 with the standard alphabet and "=" padding (Go's base32.StdEncoding). */
export function base32Std(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += "=";
  return out;
}

/**
 * The same names are hashed again and again (every node's rules, every sync, four chains per Service
 * port), and hashing is most of building the rules: the last HASHES_KEPT are remembered.
 */
const HASHES_KEPT = 100_000;
const hashes = new Map<string, string>();

function hash16(s: string): string {
  let h = hashes.get(s);
  if (h === undefined) {
    if (hashes.size >= HASHES_KEPT) hashes.clear();
    h = base32Std(sha256(utf8(s))).slice(0, 16);
    hashes.set(s, h);
  }
  return h;
}

/** portProtoHash: protocol is lower case ("tcp"), as kube-proxy passes it. */
const portProtoHash = (servicePortName: string, protocol: string): string =>
  hash16(servicePortName + protocol.toLowerCase());

export const clusterPolicyChain = (spn: string, protocol: string): string =>
  `KUBE-SVC-${portProtoHash(spn, protocol)}`;
export const localPolicyChain = (spn: string, protocol: string): string =>
  `KUBE-SVL-${portProtoHash(spn, protocol)}`;
export const firewallChain = (spn: string, protocol: string): string =>
  `KUBE-FW-${portProtoHash(spn, protocol)}`;
export const externalChain = (spn: string, protocol: string): string =>
  `KUBE-EXT-${portProtoHash(spn, protocol)}`;
/** endpoint is the endpoint's String(): "ip:port" or "[ipv6]:port". */
export const endpointChain = (spn: string, protocol: string, endpoint: string): string =>
  `KUBE-SEP-${hash16(spn + protocol.toLowerCase() + endpoint)}`;
