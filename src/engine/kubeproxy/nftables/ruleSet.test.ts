// Ported from pkg/proxy/nftables/proxier_test.go: TestLoadBalancerIngressRouteTypeProxy (the
// LoadBalancerIPMode gate is GA, so only its "enabled" cases): an ingress IP with ipMode Proxy gets no
// service-ips element, one with ipMode VIP or none does.
import { describe, expect, it } from "vitest";
import type { LoadBalancerIngress } from "../../../model/k8s";
import { makeTestEndpointSlice, makeTestService, testNodeName } from "../testCluster";
import { buildNftRuleSet } from "./ruleSet";
import { makeNftTestCluster } from "./testCluster";

describe("TestLoadBalancerIngressRouteTypeProxy", () => {
  it.each([
    ["LoadBalancerIPMode enabled, ipMode Proxy", "10.20.30.41", "1.2.3.4", "Proxy", false],
    ["LoadBalancerIPMode enabled, ipMode VIP", "10.20.30.42", "1.2.3.5", "VIP", true],
    ["LoadBalancerIPMode enabled, ipMode nil", "10.20.30.43", "1.2.3.6", undefined, true],
  ] as const)("%s", (_name, svcIP, lbIP, ipMode, expectedRule) => {
    const ingress: LoadBalancerIngress = ipMode ? { ip: lbIP, ipMode } : { ip: lbIP };
    const cluster = makeNftTestCluster(
      [
        makeTestService("ns1", "svc1", (svc) => {
          svc.spec.type = "LoadBalancer";
          svc.spec.clusterIP = svcIP;
          svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
          svc.status.loadBalancer = { ingress: [ingress] };
        }),
      ],
      [
        makeTestEndpointSlice("ns1", "svc1", 1, (eps) => {
          eps.endpoints = [{ addresses: ["10.180.0.1"] }];
          eps.ports = [{ name: "p80", port: 80, protocol: "TCP" }];
        }),
      ],
    );
    const serviceIPs = buildNftRuleSet(cluster, testNodeName, 4).table.sets.get("service-ips")!;
    expect(serviceIPs.elements.some((e) => e.key.join(" . ") === `${lbIP} . tcp . 80`)).toBe(expectedRule);
  });
});
