// Test fixtures in the spirit of pkg/proxy/nftables/proxier_test.go's NewFakeProxier: iptables mode's
// (../testCluster.ts) with kube-proxy in nftables mode, service CIDRs 172.30.0.0/16 and
// fd00:10:96::/112, and --nodeport-addresses limited to the node's primary IPs (192.168.0.2/32,
// 2001:db8::1/128), as the fake proxier sets them.
import type { Cluster } from "../../../model/cluster";
import type { KubeProxyConfig } from "../../../model/clusterConfig";
import type { EndpointSlice, Node, Service } from "../../../model/k8s";
import { mustSucceed } from "../../result";
import { joinHostPort } from "../endpoints";
import type { ExplainProtocol } from "../explain";
import { flowOf, makeTestCluster, testNodeIP, testNodeIPv6, testNodeName } from "../testCluster";
import { nftExplainer } from "./explain";

export function makeNftTestCluster(
  services: Service[],
  slices: EndpointSlice[],
  opts: { kubeProxy?: Partial<KubeProxyConfig>; nodes?: Node[] } = {},
): Cluster {
  const cluster = makeTestCluster(services, slices, {
    ...opts,
    kubeProxy: {
      mode: "nftables",
      nodePortAddresses: [`${testNodeIP}/32`, `${testNodeIPv6}/128`],
      ...opts.kubeProxy,
    },
  });
  cluster.config.serviceCIDR = "172.30.0.0/16,fd00:10:96::/112";
  return cluster;
}

/** flow() (../testCluster.ts) through the nftables rules. */
export function nftFlow(
  cluster: Cluster,
  src: string,
  dst: string,
  port: number,
  protocol: ExplainProtocol = "TCP",
): { output: string; masq: boolean } {
  const q = { node: testNodeName, src, dst: joinHostPort(dst, port), protocol };
  return flowOf(mustSucceed(nftExplainer(cluster)(q)));
}
