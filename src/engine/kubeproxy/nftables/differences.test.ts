// What nftables mode does that iptables mode does not, and how explain() tells it: the chains it
// names, cluster-ips-check, the healthCheckNodePort, localhost NodePorts, ClientIP affinity, IPv6, and
// proxy.ts choosing the mode from the ClusterConfig.
import { describe, expect, it } from "vitest";
import { explain } from "../../proxy";
import { mustSucceed } from "../../result";
import {
  makeTestCluster,
  makeTestEndpointSlice,
  makeTestService,
  testNodeIP,
  testNodeName,
} from "../testCluster";
import { nftListTable } from "./nftList";
import { buildNftRuleSet } from "./ruleSet";
import { makeNftTestCluster } from "./testCluster";

const services = () => [
  makeTestService("ns1", "svc1", (svc) => {
    svc.spec.type = "LoadBalancer";
    svc.spec.externalTrafficPolicy = "Local";
    svc.spec.clusterIP = "172.30.0.41";
    svc.spec.clusterIPs = ["172.30.0.41", "fd00:10:96::41"];
    svc.spec.ports = [{ name: "p80", port: 80, protocol: "TCP", nodePort: 3001 }];
    svc.spec.healthCheckNodePort = 30000;
    svc.spec.sessionAffinity = "ClientIP";
    svc.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 600 } };
  }),
];
const slices = () => [
  makeTestEndpointSlice("ns1", "svc1", 1, (eps) => {
    eps.endpoints = [{ addresses: ["10.180.0.1"], nodeName: testNodeName }, { addresses: ["10.180.1.1"] }];
    eps.ports = [{ name: "p80", port: 80, protocol: "TCP" }];
  }),
  makeTestEndpointSlice("ns1", "svc1", 2, (eps) => {
    eps.addressType = "IPv6";
    eps.endpoints = [{ addresses: ["fd00:10::1"], nodeName: testNodeName }];
    eps.ports = [{ name: "p80", port: 80, protocol: "TCP" }];
  }),
];
const nft = () => makeNftTestCluster(services(), slices());
const ask = (src: string, dst: string) => mustSucceed(explain(nft(), { node: testNodeName, src, dst }));

describe("nftables mode in explain()", () => {
  it("names the nftables chains walked, every endpoint chain the numgen rule may pick included", () => {
    const d = ask("10.0.0.2", "172.30.0.41:80");
    expect(d.action).toBe("dnat");
    expect(d.rules).toEqual([
      "nat-prerouting",
      "services",
      "service-ULMVA6XW-ns1/svc1/tcp/p80",
      "endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80",
      "endpoint-B7I4G2ZB-ns1/svc1/tcp/p80__10.180.1.1/80",
    ]);
    expect(d.candidates.map((c) => c.probability)).toEqual([0.5, 0.5]);
    expect(d.why).toMatchObject({ code: "dnat-cluster-ip", service: "ns1/svc1:p80", endpoints: 2 });
  });

  it("keeps ClientIP affinity's timeout from the affinity sets", () => {
    expect(ask("10.0.0.2", "172.30.0.41:80").sessionAffinity).toEqual({ timeoutSeconds: 600 });
  });

  it("gives cluster-ips-check's verdicts their own reasons", () => {
    const reject = ask("10.0.0.2", "172.30.0.41:81");
    expect(reject.action).toBe("reject");
    expect(reject.why).toEqual({ code: "reject-cluster-ip-port", service: "ns1/svc1" });
    expect(reject.rules.slice(-1)).toEqual(["cluster-ips-check"]);
    const drop = ask("10.0.0.2", "172.30.9.9:80");
    expect(drop.action).toBe("drop");
    expect(drop.why).toEqual({ code: "drop-unallocated-cluster-ip" });
    expect(drop.reason).toMatch(/in the service CIDR, but no Service has it/);
  });

  it("rejects a ping to a ClusterIP (cluster-ips-check), where iptables mode lets it pass", () => {
    const d = mustSucceed(
      explain(nft(), { node: testNodeName, src: "10.0.0.2", dst: "172.30.0.41", protocol: "ICMP" }),
    );
    expect(d.action).toBe("reject");
    expect(d.reason).toMatch(/a ping gets "port unreachable"/);
  });

  it("writes no rule for the healthCheckNodePort (kube-proxy's health server listens there)", () => {
    expect(ask("203.0.113.2", `${testNodeIP}:30000`).action).toBe("pass");
  });

  it("never opens NodePorts on localhost", () => {
    expect(ask("127.0.0.1", "127.0.0.1:3001").action).toBe("pass");
    const iptables = makeTestCluster(services(), slices());
    const d = mustSucceed(explain(iptables, { node: testNodeName, src: "127.0.0.1", dst: "127.0.0.1:3001" }));
    expect(d.action).toBe("dnat");
  });

  it("drops external traffic with no local endpoint through no-endpoint-services and its element", () => {
    const cluster = makeNftTestCluster(
      services(),
      [slices()[0]!].map((s) => ({ ...s, endpoints: [s.endpoints[1]!] })),
    );
    const d = mustSucceed(
      explain(cluster, { node: testNodeName, src: "203.0.113.2", dst: `${testNodeIP}:3001` }),
    );
    expect(d.action).toBe("drop");
    expect(d.why).toEqual({ code: "drop-etp-local", service: "ns1/svc1:p80" });
    expect(d.rules.slice(-2)).toEqual(["filter-input", "nodeport-endpoints-check"]);
  });

  it("walks the IPv6 table for IPv6 packets", () => {
    const d = ask("fd00:10::2", "[fd00:10:96::41]:80");
    expect(d.candidates.map((c) => c.ip)).toEqual(["fd00:10::1"]);
    expect(d.rules[2]).toBe("service-ULMVA6XW-ns1/svc1/tcp/p80");
  });
});

describe("nft list table for IPv6", () => {
  it("prints table ip6 kube-proxy with ip6 matches and ipv6_addr sets", () => {
    const text = nftListTable(buildNftRuleSet(nft(), testNodeName, 6).table);
    expect(text.startsWith("table ip6 kube-proxy {\n")).toBe(true);
    expect(text).toContain("\t\ttype ipv6_addr\n");
    expect(text).toContain("ip6 daddr fd00:10:96::41 ip6 saddr != fd00:10::/64 jump mark-for-masquerade");
    expect(text).toContain("ip6 daddr { fd00:10:96::/112 } drop");
    expect(text).toContain("meta l4proto tcp dnat to [fd00:10::1]:80");
  });
});

describe("proxy.ts chooses the rules by spec.kubeProxy.mode", () => {
  it("uses iptables rules in ipvs mode (not modelled apart)", () => {
    const ipvs = makeTestCluster(services(), slices(), { kubeProxy: { mode: "ipvs" } });
    const d = mustSucceed(explain(ipvs, { node: testNodeName, src: "10.0.0.2", dst: "172.30.0.41:80" }));
    expect(d.rules[0]).toBe("KUBE-SERVICES");
  });
});
