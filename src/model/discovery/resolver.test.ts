import { describe, expect, it } from "vitest";
import { makeCluster, pod } from "./fixtures";
import { resolve } from "./resolver";
import { client, scenario, web, WEB_HTTP_SRV, webSlice } from "./scenario";

const c = scenario();
const SEARCH = ["shop.svc.cluster.local", "svc.cluster.local", "cluster.local"];

/** A pod with its own DNS settings, added to the scenario. */
const withPod = (spec: Parameters<typeof pod>[2]) => {
  const p = pod("shop", "custom", spec);
  const cl = scenario();
  cl.pods.push(p);
  return { cl, p };
};

describe("resolve: the pod's search path (glibc res_nsearch)", () => {
  it("resolves a short Service name at the first search domain (the CLI example)", () => {
    expect(resolve(c, client, "web")).toEqual({
      pod: "shop/client",
      name: "web",
      nameserver: "10.96.0.10",
      search: SEARCH,
      ndots: 5,
      tried: ["web.shop.svc.cluster.local."],
      rcode: "NOERROR",
      answer: [{ name: "web.shop.svc.cluster.local.", type: "A", ttl: 30, value: "10.96.0.12" }],
    });
  });

  it("resolves <service>.<namespace> of another namespace at the second search domain", () => {
    const r = resolve(c, client, "api.other");
    expect(r.tried).toEqual(["api.other.shop.svc.cluster.local.", "api.other.svc.cluster.local."]);
    expect(r.answer).toEqual([
      { name: "api.other.svc.cluster.local.", type: "A", ttl: 30, value: "10.96.0.50" },
    ]);
  });

  it("tries a name with a trailing dot as it is, and only that", () => {
    const r = resolve(c, client, "web.shop.svc.cluster.local.");
    expect(r.tried).toEqual(["web.shop.svc.cluster.local."]);
    expect(r.rcode).toBe("NOERROR");
  });

  it("does not search when a trailing-dot name is missing", () => {
    const r = resolve(c, client, "web.");
    expect(r.tried).toEqual(["web."]);
    expect(r.rcode).toBe("NXDOMAIN");
  });

  it("walks every search domain before the bare name when a name has fewer than ndots dots", () => {
    const r = resolve(c, client, "www.example.com");
    expect(r.tried).toEqual([
      "www.example.com.shop.svc.cluster.local.",
      "www.example.com.svc.cluster.local.",
      "www.example.com.cluster.local.",
      "www.example.com.",
    ]);
    expect(r.rcode).toBe("NXDOMAIN");
    expect(r.answer).toEqual([]);
    expect(r.note).toMatch(/no upstream/);
  });

  it("tries a name with at least ndots dots as it is first", () => {
    const r = resolve(c, client, "db-0.db.shop.svc.cluster.local");
    expect(r.tried).toEqual(["db-0.db.shop.svc.cluster.local."]);
    expect(r.answer).toHaveLength(1);
  });

  it("searches a full Service name without trailing dot first, as it has only four dots (ndots 5)", () => {
    const r = resolve(c, client, "web.shop.svc.cluster.local");
    expect(r.tried).toEqual([
      "web.shop.svc.cluster.local.shop.svc.cluster.local.",
      "web.shop.svc.cluster.local.svc.cluster.local.",
      "web.shop.svc.cluster.local.cluster.local.",
      "web.shop.svc.cluster.local.",
    ]);
    expect(r.answer).toHaveLength(1);
  });

  it("falls back to the search path when the as-is try of a many-dotted name fails", () => {
    const { cl, p } = withPod({ dnsConfig: { options: [{ name: "ndots", value: "1" }] } });
    const r = resolve(cl, p, "web.shop");
    expect(r.ndots).toBe(1);
    expect(r.tried).toEqual(["web.shop.", "web.shop.shop.svc.cluster.local.", "web.shop.svc.cluster.local."]);
    expect(r.rcode).toBe("NOERROR");
  });

  it("reports the as-is try's rcode when every try fails after it (glibc saved h_errno)", () => {
    const { cl, p } = withPod({ dnsConfig: { options: [{ name: "ndots", value: "1" }] } });
    const r = resolve(cl, p, "nope.shop");
    expect(r.tried).toHaveLength(4);
    expect(r.rcode).toBe("NXDOMAIN");
  });

  it("reports NOERROR with no answer when some try found the name without records (NODATA)", () => {
    const r = resolve(c, client, "web", "AAAA");
    expect(r.tried).toHaveLength(4);
    expect(r.rcode).toBe("NOERROR");
    expect(r.answer).toEqual([]);
  });

  it("stops at a CNAME-only answer for an ExternalName Service", () => {
    const r = resolve(c, client, "ext");
    expect(r.tried).toEqual(["ext.shop.svc.cluster.local."]);
    expect(r.answer).toEqual([
      { name: "ext.shop.svc.cluster.local.", type: "CNAME", ttl: 30, value: "www.example.com." },
    ]);
  });

  it("resolves SRV names through the search path", () => {
    const r = resolve(c, client, "_http._tcp.web", "SRV");
    expect(r.tried).toEqual(["_http._tcp.web.shop.svc.cluster.local."]);
    expect(r.answer).toEqual(WEB_HTTP_SRV);
  });

  it.each(["_http._tcp.web.shop.svc.cluster.local", "_http._tcp.web.shop.svc.cluster.local."])(
    "resolves the fully qualified SRV name %s as it is, in one query",
    (name) => {
      const r = resolve(c, client, name, "SRV");
      expect(r.tried).toEqual(["_http._tcp.web.shop.svc.cluster.local."]);
      expect(r.rcode).toBe("NOERROR");
      expect(r.answer).toEqual(WEB_HTTP_SRV);
    },
  );

  it("resolves the fully qualified SRV name of another namespace's Service", () => {
    const p = pod("other", "c2");
    const r = resolve(makeCluster([web, webSlice, p]), p, "_http._tcp.web.shop.svc.cluster.local", "SRV");
    expect(r.tried).toEqual(["_http._tcp.web.shop.svc.cluster.local."]);
    expect(r.answer).toEqual(WEB_HTTP_SRV);
  });

  it.each([
    [
      "_http._tcp.web.shop",
      ["_http._tcp.web.shop.shop.svc.cluster.local.", "_http._tcp.web.shop.svc.cluster.local."],
    ],
    [
      "_http._tcp.web.shop.svc",
      [
        "_http._tcp.web.shop.svc.shop.svc.cluster.local.",
        "_http._tcp.web.shop.svc.svc.cluster.local.",
        "_http._tcp.web.shop.svc.cluster.local.",
      ],
    ],
  ])("resolves the partly qualified SRV name %s further down the search path", (name, tried) => {
    const r = resolve(c, client, name, "SRV");
    expect(r.tried).toEqual(tried);
    expect(r.answer).toEqual(WEB_HTTP_SRV);
  });

  it("resolves a headless Service to its ready endpoints", () => {
    expect(resolve(c, client, "db").answer.map((r) => r.type === "A" && r.value)).toEqual([
      "10.244.1.7",
      "10.244.2.8",
    ]);
  });
});

describe("resolve: the pod's nameserver", () => {
  it("gives a Default pod no cluster names: loopback nameserver, root search, one try", () => {
    const { cl, p } = withPod({ dnsPolicy: "Default" });
    const r = resolve(cl, p, "web");
    expect(r.nameserver).toBe("127.0.0.1");
    expect(r.search).toEqual(["."]);
    expect(r.tried).toEqual(["web."]);
    expect(r.rcode).toBe("NXDOMAIN");
    expect(r.note).toMatch(/not the cluster DNS/);
  });

  it("resolves through the cluster DNS when a None pod names it in dnsConfig", () => {
    const { cl, p } = withPod({
      dnsPolicy: "None",
      dnsConfig: { nameservers: ["10.96.0.10"], searches: ["shop.svc.cluster.local"] },
    });
    const r = resolve(cl, p, "web");
    expect(r.ndots).toBe(1);
    expect(r.tried).toEqual(["web.shop.svc.cluster.local."]);
    expect(r.answer).toHaveLength(1);
  });

  it("asks only the first nameserver", () => {
    const { cl, p } = withPod({ dnsPolicy: "None", dnsConfig: { nameservers: ["8.8.8.8", "10.96.0.10"] } });
    const r = resolve(cl, p, "web.shop.svc.cluster.local.");
    expect(r.nameserver).toBe("8.8.8.8");
    expect(r.rcode).toBe("NXDOMAIN");
  });

  it("uses the pod's namespace in its first search domain", () => {
    const p = pod("other", "c2");
    const cl = makeCluster([web, webSlice, p]);
    const r = resolve(cl, p, "web");
    expect(r.search[0]).toBe("other.svc.cluster.local");
    expect(r.rcode).toBe("NXDOMAIN");
  });
});
