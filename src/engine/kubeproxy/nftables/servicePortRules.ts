// The part of syncProxyRules (pkg/proxy/nftables/proxier.go) written for each service port: its
// elements in the shared sets and maps (cluster-ips, service-ips, service-nodeports, firewall-ips,
// no-endpoint-services, no-endpoint-nodeports), then its own chains: endpoint-, service- and local-
// (the policy chains, writeServiceToEndpointRules), external-, firewall-, and the affinity- sets.
import { cidrContains, parseCIDR, parseIP } from "../../../model/ip";
import type { EndpointInfo } from "../endpoints";
import type { ProxierConfig } from "../proxierConfig";
import type { RuleTag } from "../ruleWriter";
import { portExternallyAccessible, usesClusterEndpoints, usesLocalEndpoints } from "../servicePort";
import type { ServicePortInfo } from "../servicePort";
import type { CategorizedEndpoints } from "../topology";
import type { Match, TableWriter, Verdict } from "./model";
import {
  AFFINITY_PREFIX,
  CLUSTER_IPS,
  ENDPOINT_PREFIX,
  EXTERNAL_PREFIX,
  FIREWALL_IPS,
  FIREWALL_PREFIX,
  LOCAL_PREFIX,
  MARK_MASQ,
  NO_ENDPOINT_NODEPORTS,
  NO_ENDPOINT_SERVICES,
  REJECT_CHAIN,
  SERVICE_IPS,
  SERVICE_NODEPORTS,
  SERVICE_PREFIX,
  servicePortChainNameBase,
  servicePortEndpointChainNameBase,
} from "./names";
import { addrType } from "./setup";

/** The endpoint of each endpoint- chain, for explanations. */
export type NftEndpointChains = Map<string, { endpoint: EndpointInfo; servicePort: ServicePortInfo }>;

/** A service port's nftables names (newServiceInfo). */
export interface NftServicePortNames {
  clusterPolicyChain: string;
  localPolicyChain: string;
  externalChain: string;
  firewallChain: string;
}

function nftServicePortNames(sp: ServicePortInfo): NftServicePortNames {
  const base = servicePortChainNameBase(sp.namespace, sp.serviceName, sp.protocol, sp.portName);
  return {
    clusterPolicyChain: SERVICE_PREFIX + base,
    localPolicyChain: LOCAL_PREFIX + base,
    externalChain: EXTERNAL_PREFIX + base,
    firewallChain: FIREWALL_PREFIX + base,
  };
}

/** newEndpointInfo: the endpoint's chain and its affinity set share one name base. */
function endpointNames(sp: ServicePortInfo, ep: EndpointInfo): { chain: string; affinitySet: string } {
  const base = servicePortEndpointChainNameBase(
    sp.namespace,
    sp.serviceName,
    sp.protocol,
    sp.portName,
    ep.ip,
    ep.port,
  );
  return { chain: ENDPOINT_PREFIX + base, affinitySet: AFFINITY_PREFIX + base };
}

const goto = (chain: string): Verdict => ({ kind: "goto", chain });
const jumpMasq: Verdict = { kind: "jump", chain: MARK_MASQ };

export function writeNftServicePort(
  w: TableWriter,
  cfg: ProxierConfig,
  sp: ServicePortInfo,
  cat: CategorizedEndpoints,
  endpointChains: NftEndpointChains,
): void {
  const svc = sp.name;
  const protocol = sp.protocol.toLowerCase();
  const port = String(sp.port);
  const names = nftServicePortNames(sp);
  const affinity = sp.stickyMaxAgeSeconds !== null;
  const { clusterEndpoints, localEndpoints, allReachableEndpoints: reachable, hasAnyEndpoints } = cat;
  const hasEndpoints = hasAnyEndpoints;
  const opts = (comment?: string) => (comment === undefined ? { svc } : { comment, svc });

  // The chains, created in syncProxyRules' order (ensureChain).
  for (const ep of reachable) w.chain(endpointNames(sp, ep).chain);
  const usesClusterPolicyChain = clusterEndpoints.length > 0 && usesClusterEndpoints(sp);
  if (usesClusterPolicyChain) w.chain(names.clusterPolicyChain);
  const usesLocalPolicyChain = localEndpoints.length > 0 && usesLocalEndpoints(sp);
  if (usesLocalPolicyChain) w.chain(names.localPolicyChain);

  const internalTrafficChain = sp.internalPolicyLocal ? names.localPolicyChain : names.clusterPolicyChain;
  const hasInternalEndpoints = hasEndpoints && !(sp.internalPolicyLocal && localEndpoints.length === 0);
  const externalPolicyChain = sp.externalPolicyLocal ? names.localPolicyChain : names.clusterPolicyChain;
  const hasExternalEndpoints = hasEndpoints && !(sp.externalPolicyLocal && localEndpoints.length === 0);
  // Needed even without external endpoints, for the short-circuit rules.
  const usesExternalTrafficChain = hasEndpoints && portExternallyAccessible(sp);
  if (usesExternalTrafficChain) w.chain(names.externalChain);

  // Without any endpoint, REJECT everywhere; without local ones for a Local policy, DROP.
  const noEndpoints: { verdict: Verdict; tag: RuleTag } = { verdict: goto(REJECT_CHAIN), tag: "noEndpoints" };
  const internalFilter = hasEndpoints
    ? { verdict: { kind: "drop" } as Verdict, tag: "noLocalInternal" as RuleTag }
    : noEndpoints;
  const externalFilter = hasEndpoints
    ? { verdict: { kind: "drop" } as Verdict, tag: "noLocalExternal" as RuleTag }
    : noEndpoints;
  const noEndpointElement = (key: string[], f: { verdict: Verdict; tag: RuleTag }) =>
    w.element(NO_ENDPOINT_SERVICES, { key, value: f.verdict, comment: svc, tag: f.tag, svc });

  // Capture the ClusterIP.
  w.element(CLUSTER_IPS, { key: [sp.clusterIP], tag: "clusterIP", svc });
  const clusterKey = [sp.clusterIP, protocol, port];
  if (hasInternalEndpoints)
    w.element(SERVICE_IPS, { key: clusterKey, value: goto(internalTrafficChain), tag: "clusterIP", svc });
  else noEndpointElement(clusterKey, internalFilter);

  // Capture external IPs.
  for (const ip of sp.externalIPs) {
    const key = [ip, protocol, port];
    if (hasEndpoints)
      w.element(SERVICE_IPS, { key, value: goto(names.externalChain), tag: "externalIP", svc });
    if (!hasExternalEndpoints) noEndpointElement(key, externalFilter);
  }

  // Capture load-balancer ingress, and its source ranges.
  const usesFWChain = sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
  if (usesFWChain) w.chain(names.firewallChain);
  for (const ip of sp.loadBalancerVIPs) {
    const key = [ip, protocol, port];
    if (hasEndpoints)
      w.element(SERVICE_IPS, { key, value: goto(names.externalChain), tag: "loadBalancerIP", svc });
    if (usesFWChain)
      w.element(FIREWALL_IPS, { key, value: goto(names.firewallChain), tag: "firewallAllow", svc });
  }
  if (!hasExternalEndpoints)
    for (const ip of sp.loadBalancerVIPs) noEndpointElement([ip, protocol, port], externalFilter);

  // Capture NodePorts (not subject to loadBalancerSourceRanges).
  if (sp.nodePort !== 0) {
    const key = [protocol, String(sp.nodePort)];
    if (hasEndpoints)
      w.element(SERVICE_NODEPORTS, { key, value: goto(names.externalChain), tag: "nodePort", svc });
    if (!hasExternalEndpoints)
      w.element(NO_ENDPOINT_NODEPORTS, {
        key,
        value: externalFilter.verdict,
        comment: svc,
        tag: externalFilter.tag,
        svc,
      });
  }

  const clusterCIDR: Match | null = cfg.clusterCIDR
    ? { kind: "address", dir: "saddr", negated: false, values: [cfg.clusterCIDR], braces: false }
    : null;

  // Internal traffic: masquerade off-cluster sources reaching the ClusterIP (or everything).
  if (hasInternalEndpoints) {
    const toClusterIP: Match = {
      kind: "address",
      dir: "daddr",
      negated: false,
      values: [sp.clusterIP],
      braces: false,
    };
    if (cfg.masqueradeAll) w.rule(internalTrafficChain, "masqClusterIP", [toClusterIP], jumpMasq, opts());
    else if (clusterCIDR)
      w.rule(
        internalTrafficChain,
        "masqClusterIP",
        [toClusterIP, { ...clusterCIDR, negated: true }],
        jumpMasq,
        opts(),
      );
  }

  // External traffic: masquerade for Cluster policy; for Local, short-circuit pods and the node itself.
  if (usesExternalTrafficChain) {
    const ext = names.externalChain;
    if (!sp.externalPolicyLocal) w.rule(ext, "masqExternal", [], jumpMasq, opts());
    else {
      if (clusterCIDR)
        w.rule(
          ext,
          "podShortCircuit",
          [clusterCIDR],
          goto(names.clusterPolicyChain),
          opts("short-circuit pod traffic"),
        );
      const fromNode: Match = { kind: "fibLocal", dir: "saddr" };
      w.rule(ext, "masqLocal", [fromNode], jumpMasq, opts("masquerade local traffic"));
      w.rule(
        ext,
        "routeLocal",
        [fromNode],
        goto(names.clusterPolicyChain),
        opts("short-circuit local traffic"),
      );
    }
    if (hasExternalEndpoints) w.rule(ext, "externalPolicy", [], goto(externalPolicyChain), opts());
  }

  if (usesFWChain) {
    const sources = [...sp.loadBalancerSourceRanges];
    const nodeIP = cfg.nodeIP ? parseIP(cfg.nodeIP) : null;
    // A node reaching its own load-balancer IP may come back from that IP: allow it too.
    if (nodeIP && sp.loadBalancerSourceRanges.some((r) => cidrContains(parseCIDR(r)!, nodeIP)))
      sources.push(...sp.loadBalancerVIPs);
    w.rule(
      names.firewallChain,
      "firewallDrop",
      [{ kind: "address", dir: "saddr", negated: true, values: sources, braces: true }],
      { kind: "drop" },
      opts(),
    );
  }

  if (affinity)
    for (const ep of reachable)
      w.set(endpointNames(sp, ep).affinitySet, addrType(cfg), {
        flags: "dynamic,timeout",
        timeoutSeconds: sp.stickyMaxAgeSeconds!,
      });

  // writeServiceToEndpointRules: affinity first, then the random choice.
  const policyRules = (chain: string, endpoints: EndpointInfo[]) => {
    if (affinity)
      for (const ep of endpoints) {
        const n = endpointNames(sp, ep);
        w.rule(
          chain,
          "affinity",
          [{ kind: "inSet", dir: "saddr", set: n.affinitySet }],
          goto(n.chain),
          opts(),
        );
      }
    w.rule(
      chain,
      "loadBalance",
      [],
      { kind: "numgen", chains: endpoints.map((ep) => endpointNames(sp, ep).chain) },
      opts(),
    );
  };
  if (usesClusterPolicyChain) policyRules(names.clusterPolicyChain, clusterEndpoints);
  if (usesLocalPolicyChain) policyRules(names.localPolicyChain, localEndpoints);

  for (const ep of reachable) {
    const n = endpointNames(sp, ep);
    endpointChains.set(n.chain, { endpoint: ep, servicePort: sp });
    const fromItself: Match = {
      kind: "address",
      dir: "saddr",
      negated: false,
      values: [ep.ip],
      braces: false,
    };
    w.rule(n.chain, "hairpin", [fromItself], jumpMasq, opts());
    if (affinity) w.rule(n.chain, "affinity", [], { kind: "affinityUpdate", set: n.affinitySet }, opts());
    w.rule(n.chain, "dnat", [], { kind: "dnat", protocol, to: ep.str }, opts());
  }
}
