import { describe, expect, it } from "vitest";
import { makeCluster, node, pod } from "./fixtures";
import { dnsServerIP, ndotsOf, podResolvConf } from "./resolvConf";

const CLUSTER_SEARCH = ["shop.svc.cluster.local", "svc.cluster.local", "cluster.local"];
const HOST = { nameservers: ["192.168.1.1"], searches: ["lan"], options: ["timeout:2"] };

describe("dnsServerIP", () => {
  it("is the tenth address of the service CIDR", () => {
    expect(dnsServerIP({ serviceCIDR: "10.96.0.0/12" })).toBe("10.96.0.10");
  });
  it("uses the first CIDR of a dual-stack service range", () => {
    expect(dnsServerIP({ serviceCIDR: "10.96.0.0/12,fd00:10:96::/112" })).toBe("10.96.0.10");
  });
  it("works for an IPv6 service CIDR", () => {
    expect(dnsServerIP({ serviceCIDR: "fd00:10:96::/112" })).toBe("fd00:10:96::a");
  });
  it("throws on a service CIDR that does not parse", () => {
    expect(() => dnsServerIP({ serviceCIDR: "nonsense" })).toThrow();
  });
});

describe("podResolvConf (pkg/kubelet/network/dns GetPodDNS)", () => {
  it("gives a ClusterFirst pod the cluster DNS, the namespace search path and ndots:5", () => {
    const p = pod("shop", "client");
    expect(podResolvConf(makeCluster([p]), p)).toEqual({
      nameservers: ["10.96.0.10"],
      searches: CLUSTER_SEARCH,
      options: ["ndots:5"],
      ndots: 5,
    });
  });

  it("treats a missing dnsPolicy as ClusterFirst", () => {
    const p = pod("shop", "client");
    delete p.spec.dnsPolicy;
    expect(podResolvConf(makeCluster([p]), p).nameservers).toEqual(["10.96.0.10"]);
  });

  it("follows the configured cluster domain", () => {
    const p = pod("shop", "client");
    const c = makeCluster([p], { config: { clusterDomain: "corp.example" } });
    expect(podResolvConf(c, p).searches).toEqual([
      "shop.svc.corp.example",
      "svc.corp.example",
      "corp.example",
    ]);
  });

  it("appends the node's search domains after the cluster ones, dropping duplicates, and replaces its options", () => {
    const p = pod("shop", "client");
    const host = { nameservers: ["192.168.1.1"], searches: ["cluster.local", "lan"], options: ["timeout:2"] };
    expect(podResolvConf(makeCluster([p]), p, host)).toEqual({
      nameservers: ["10.96.0.10"],
      searches: [...CLUSTER_SEARCH, "lan"],
      options: ["ndots:5"],
      ndots: 5,
    });
  });

  it("gives a Default pod the node's resolv.conf", () => {
    const p = pod("shop", "client", { dnsPolicy: "Default" });
    expect(podResolvConf(makeCluster([p]), p, HOST)).toEqual({ ...HOST, ndots: 1 });
  });

  it("gives a Default pod loopback and the root search when kubelet has no resolv.conf", () => {
    const p = pod("shop", "client", { dnsPolicy: "Default" });
    expect(podResolvConf(makeCluster([p]), p)).toEqual({
      nameservers: ["127.0.0.1"],
      searches: ["."],
      options: [],
      ndots: 1,
    });
  });

  it("uses ::1 as that loopback on an IPv6 node", () => {
    const p = pod("shop", "client", { dnsPolicy: "Default", nodeName: "n6" });
    const c = makeCluster([node("n6", "fd00::2"), p]);
    expect(podResolvConf(c, p).nameservers).toEqual(["::1"]);
  });

  it("falls back to Default for a ClusterFirst pod on the host network", () => {
    const p = pod("shop", "client", { hostNetwork: true });
    expect(podResolvConf(makeCluster([p]), p, HOST).nameservers).toEqual(["192.168.1.1"]);
  });

  it("gives ClusterFirstWithHostNet on the host network the cluster DNS", () => {
    const p = pod("shop", "client", { hostNetwork: true, dnsPolicy: "ClusterFirstWithHostNet" });
    expect(podResolvConf(makeCluster([p]), p, HOST).nameservers).toEqual(["10.96.0.10"]);
  });

  it("builds a None pod's resolv.conf from dnsConfig alone, with glibc's default ndots", () => {
    const p = pod("shop", "client", {
      dnsPolicy: "None",
      dnsConfig: { nameservers: ["1.1.1.1"], searches: ["example.com"] },
    });
    expect(podResolvConf(makeCluster([p]), p, HOST)).toEqual({
      nameservers: ["1.1.1.1"],
      searches: ["example.com"],
      options: [],
      ndots: 1,
    });
  });

  it("appends dnsConfig to ClusterFirst, dropping duplicates and letting its options override", () => {
    const p = pod("shop", "client", {
      dnsConfig: {
        nameservers: ["10.96.0.10", "8.8.8.8"],
        searches: ["svc.cluster.local", "example.com"],
        options: [{ name: "ndots", value: "2" }, { name: "edns0" }],
      },
    });
    expect(podResolvConf(makeCluster([p]), p)).toEqual({
      nameservers: ["10.96.0.10", "8.8.8.8"],
      searches: [...CLUSTER_SEARCH, "example.com"],
      options: ["ndots:2", "edns0"],
      ndots: 2,
    });
  });

  it("keeps at most three nameservers", () => {
    const p = pod("shop", "client", {
      dnsPolicy: "None",
      dnsConfig: { nameservers: ["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4"] },
    });
    expect(podResolvConf(makeCluster([p]), p).nameservers).toEqual(["1.1.1.1", "2.2.2.2", "3.3.3.3"]);
  });

  it("keeps at most 32 search domains", () => {
    const searches = Array.from({ length: 40 }, (_, i) => `d${i}.example`);
    const p = pod("shop", "client", { dnsPolicy: "None", dnsConfig: { searches } });
    expect(podResolvConf(makeCluster([p]), p).searches).toEqual(searches.slice(0, 32));
  });

  it("drops search domains longer than 253 characters", () => {
    const long = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}`;
    const p = pod("shop", "client", { dnsPolicy: "None", dnsConfig: { searches: [long, "ok.example"] } });
    expect(podResolvConf(makeCluster([p]), p).searches).toEqual(["ok.example"]);
  });

  it("cuts trailing search domains until the search line fits 2048 characters", () => {
    const searches = Array.from({ length: 10 }, (_, i) => `${String(i).padStart(3, "x")}${"a".repeat(246)}`);
    const p = pod("shop", "client", { dnsPolicy: "None", dnsConfig: { searches } });
    // Each domain is 249 characters: eight of them with seven spaces make 1999, nine make 2249.
    expect(podResolvConf(makeCluster([p]), p).searches).toEqual(searches.slice(0, 8));
  });
});

describe("ndotsOf (glibc)", () => {
  it("defaults to 1", () => {
    expect(ndotsOf([])).toBe(1);
  });
  it("takes the last ndots option", () => {
    expect(ndotsOf(["ndots:2", "edns0", "ndots:3"])).toBe(3);
  });
  it("caps ndots at 15", () => {
    expect(ndotsOf(["ndots:40"])).toBe(15);
  });
});
