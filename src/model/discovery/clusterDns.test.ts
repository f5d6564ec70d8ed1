import { describe, expect, it } from "vitest";
import { DNS_TTL, queryClusterDns } from "./clusterDns";
import { endpoint, makeCluster, service, slice } from "./fixtures";
import { db, dbSlice, scenario, web, WEB_HTTP_SRV } from "./scenario";

const c = scenario();
const q = queryClusterDns;

describe("cluster DNS: Services with a ClusterIP (spec 2.3)", () => {
  it("answers one A record with the ClusterIP and TTL 30, however many ports", () => {
    expect(q(c, "web.shop.svc.cluster.local.", "A")).toEqual({
      rcode: "NOERROR",
      answer: [{ name: "web.shop.svc.cluster.local.", type: "A", ttl: 30, value: "10.96.0.12" }],
    });
  });

  it("uses the kubeadm Corefile's TTL of 30 seconds", () => {
    expect(DNS_TTL).toBe(30);
  });

  it("answers AAAA for an IPv4-only Service with NODATA (NOERROR, no records)", () => {
    expect(q(c, "web.shop.svc.cluster.local.", "AAAA")).toEqual({ rcode: "NOERROR", answer: [] });
  });

  it("answers AAAA with the IPv6 ClusterIP of a dual-stack Service", () => {
    expect(q(c, "dual.shop.svc.cluster.local.", "AAAA").answer).toEqual([
      { name: "dual.shop.svc.cluster.local.", type: "AAAA", ttl: 30, value: "fd00:10:96::28" },
    ]);
  });

  it("answers an SRV record per named port, targeting the Service name", () => {
    expect(q(c, "_http._tcp.web.shop.svc.cluster.local.", "SRV").answer).toEqual(WEB_HTTP_SRV);
  });

  it("gives NXDOMAIN for an SRV name whose port name the Service lacks", () => {
    expect(q(c, "_grpc._tcp.web.shop.svc.cluster.local.", "SRV").rcode).toBe("NXDOMAIN");
  });

  it("gives NXDOMAIN for an SRV name whose protocol does not match the port", () => {
    expect(q(c, "_http._udp.web.shop.svc.cluster.local.", "SRV").rcode).toBe("NXDOMAIN");
  });

  it("answers SRV on the bare Service name with every port, sharing the weight (CoreDNS)", () => {
    const srv = q(c, "web.shop.svc.cluster.local.", "SRV").answer;
    expect(srv.map((r) => (r.type === "SRV" ? [r.port, r.weight] : null))).toEqual([
      [80, 50],
      [9090, 50],
    ]);
  });

  it("answers an endpoint name of a ClusterIP Service with that endpoint's address (CoreDNS)", () => {
    expect(q(c, "10-244-2-6.web.shop.svc.cluster.local.", "A").answer).toEqual([
      { name: "10-244-2-6.web.shop.svc.cluster.local.", type: "A", ttl: 30, value: "10.244.2.6" },
    ]);
  });
});

describe("cluster DNS: headless Services (spec 2.4)", () => {
  it("answers an A record per ready endpoint, not-ready ones left out", () => {
    expect(q(c, "db.shop.svc.cluster.local.", "A").answer.map((r) => r.type !== "SRV" && r.value)).toEqual([
      "10.244.1.7",
      "10.244.2.8",
    ]);
  });

  it("includes not-ready endpoints when publishNotReadyAddresses is set", () => {
    const svc = { ...db, spec: { ...db.spec, publishNotReadyAddresses: true } };
    const cl = makeCluster([svc, dbSlice]);
    expect(q(cl, "db.shop.svc.cluster.local.", "A").answer).toHaveLength(3);
  });

  it("gives NXDOMAIN when a headless Service has no ready endpoint", () => {
    const svc = service("shop", "empty", { clusterIP: "None", ports: [{ name: "x", port: 1 }] });
    expect(q(makeCluster([svc]), "empty.shop.svc.cluster.local.", "A").rcode).toBe("NXDOMAIN");
  });

  it("answers <hostname>.<service> with that endpoint's address", () => {
    expect(q(c, "db-1.db.shop.svc.cluster.local.", "A").answer).toEqual([
      { name: "db-1.db.shop.svc.cluster.local.", type: "A", ttl: 30, value: "10.244.2.8" },
    ]);
  });

  it("gives NXDOMAIN for the hostname of a not-ready endpoint", () => {
    expect(q(c, "db-2.db.shop.svc.cluster.local.", "A").rcode).toBe("NXDOMAIN");
  });

  it("answers SRV per ready endpoint, targeting its hostname, with the endpoint's port", () => {
    const srv = q(c, "_pg._tcp.db.shop.svc.cluster.local.", "SRV").answer;
    expect(srv).toEqual([
      {
        name: "_pg._tcp.db.shop.svc.cluster.local.",
        type: "SRV",
        ttl: 30,
        priority: 0,
        weight: 50,
        port: 15432,
        target: "db-0.db.shop.svc.cluster.local.",
      },
      {
        name: "_pg._tcp.db.shop.svc.cluster.local.",
        type: "SRV",
        ttl: 30,
        priority: 0,
        weight: 50,
        port: 15432,
        target: "db-1.db.shop.svc.cluster.local.",
      },
    ]);
  });

  it("targets an endpoint without hostname by its dashed IP and splits the weight with floor", () => {
    const svc = service("shop", "h", { clusterIP: "None", ports: [{ name: "p", port: 80 }] });
    const s = slice(
      svc,
      [endpoint("10.244.3.3"), endpoint("10.244.3.4"), endpoint("10.244.3.5")],
      [{ name: "p", port: 80, protocol: "TCP" }],
    );
    const srv = q(makeCluster([svc, s]), "_p._tcp.h.shop.svc.cluster.local.", "SRV").answer;
    expect(srv.map((r) => r.type === "SRV" && [r.target, r.weight])).toEqual([
      ["10-244-3-3.h.shop.svc.cluster.local.", 33],
      ["10-244-3-4.h.shop.svc.cluster.local.", 33],
      ["10-244-3-5.h.shop.svc.cluster.local.", 33],
    ]);
  });

  it("still answers A for endpoints of a slice without ports, but no SRV", () => {
    const svc = service("shop", "np", { clusterIP: "None" });
    const cl = makeCluster([svc, slice(svc, [endpoint("10.244.3.9")], [])]);
    expect(q(cl, "np.shop.svc.cluster.local.", "A").answer).toHaveLength(1);
    expect(q(cl, "np.shop.svc.cluster.local.", "SRV")).toEqual({ rcode: "NOERROR", answer: [] });
  });
});

describe("cluster DNS: ExternalName Services (spec 2.5)", () => {
  it("answers a CNAME to the external name and does not follow it outside the cluster", () => {
    const r = q(c, "ext.shop.svc.cluster.local.", "A");
    expect(r.rcode).toBe("NOERROR");
    expect(r.answer).toEqual([
      { name: "ext.shop.svc.cluster.local.", type: "CNAME", ttl: 30, value: "www.example.com." },
    ]);
    expect(r.note).toMatch(/no upstream/);
  });

  it("follows a CNAME whose target is inside the cluster domain", () => {
    expect(q(c, "alias.shop.svc.cluster.local.", "A").answer).toEqual([
      { name: "alias.shop.svc.cluster.local.", type: "CNAME", ttl: 30, value: "web.shop.svc.cluster.local." },
      { name: "web.shop.svc.cluster.local.", type: "A", ttl: 30, value: "10.96.0.12" },
    ]);
  });

  it("answers SRV for an ExternalName Service with NODATA", () => {
    expect(q(c, "ext.shop.svc.cluster.local.", "SRV")).toEqual({ rcode: "NOERROR", answer: [] });
  });

  it("gives NXDOMAIN for port names under an ExternalName Service", () => {
    expect(q(c, "_http._tcp.ext.shop.svc.cluster.local.", "A").rcode).toBe("NXDOMAIN");
  });
});

describe("cluster DNS: pods and names", () => {
  it("answers <a-b-c-d>.<ns>.pod with that address (pods insecure)", () => {
    expect(q(c, "10-244-1-20.shop.pod.cluster.local.", "A").answer).toEqual([
      { name: "10-244-1-20.shop.pod.cluster.local.", type: "A", ttl: 30, value: "10.244.1.20" },
    ]);
  });

  it("answers an IPv6 pod name with dashes for colons as AAAA", () => {
    expect(q(c, "fd00--5.shop.pod.cluster.local.", "AAAA").answer).toEqual([
      { name: "fd00--5.shop.pod.cluster.local.", type: "AAAA", ttl: 30, value: "fd00::5" },
    ]);
  });

  it("gives NXDOMAIN for a pod name that is not an address", () => {
    expect(q(c, "client.shop.pod.cluster.local.", "A").rcode).toBe("NXDOMAIN");
  });

  it("gives NXDOMAIN for a pod name in a namespace that does not exist", () => {
    expect(q(c, "10-244-1-20.nowhere.pod.cluster.local.", "A").rcode).toBe("NXDOMAIN");
  });

  it("gives NXDOMAIN for a Service that does not exist", () => {
    expect(q(c, "nope.shop.svc.cluster.local.", "A")).toEqual({ rcode: "NXDOMAIN", answer: [] });
  });

  it("gives NXDOMAIN for a namespace that does not exist", () => {
    expect(q(c, "web.nowhere.svc.cluster.local.", "A").rcode).toBe("NXDOMAIN");
  });

  it("answers an existing namespace name with NODATA", () => {
    expect(q(c, "shop.svc.cluster.local.", "A")).toEqual({ rcode: "NOERROR", answer: [] });
  });

  it("answers the zone apex with NODATA", () => {
    expect(q(c, "cluster.local.", "A")).toEqual({ rcode: "NOERROR", answer: [] });
  });

  it("gives NXDOMAIN for names in the zone that are neither svc nor pod", () => {
    expect(q(c, "web.shop.cluster.local.", "A").rcode).toBe("NXDOMAIN");
  });

  it("gives NXDOMAIN for names with too many labels", () => {
    expect(q(c, "a.b.c.web.shop.svc.cluster.local.", "A").rcode).toBe("NXDOMAIN");
  });

  it("compares names case-insensitively and echoes the question's spelling", () => {
    expect(q(c, "WEB.Shop.svc.cluster.local.", "A").answer).toEqual([
      { name: "WEB.Shop.svc.cluster.local.", type: "A", ttl: 30, value: "10.96.0.12" },
    ]);
  });

  it("answers ns.dns.<zone> with the DNS server's address", () => {
    expect(q(c, "ns.dns.cluster.local.", "A").answer).toEqual([
      { name: "ns.dns.cluster.local.", type: "A", ttl: 30, value: "10.96.0.10" },
    ]);
  });

  it("gives NXDOMAIN with a note for names outside the cluster domain (no upstream)", () => {
    const r = q(c, "www.example.com.", "A");
    expect(r.rcode).toBe("NXDOMAIN");
    expect(r.answer).toEqual([]);
    expect(r.note).toMatch(/no upstream/);
  });

  it("serves the configured cluster domain", () => {
    const cl = makeCluster([web], { config: { clusterDomain: "corp.example" } });
    expect(q(cl, "web.shop.svc.corp.example.", "A").answer).toHaveLength(1);
    expect(q(cl, "web.shop.svc.cluster.local.", "A").rcode).toBe("NXDOMAIN");
  });
});
