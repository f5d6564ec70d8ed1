// explained(): the Decision's shape (candidates with pods and overall probabilities, the chains
// walked, reasons, session affinity), masqueradeAll, IPv6, and argument errors.
import { describe, expect, it } from "vitest";
import type { Service } from "../../model/k8s";
import { endpointChain, externalChain, clusterPolicyChain } from "./chainNames";
import { chooseEndpoint } from "./chooseEndpoint";
import { explain, parseHostPort } from "./explain";
import { iptablesSave } from "./iptablesSave";
import {
  flow,
  makeIPv6NodePortCluster,
  makeTestCluster,
  makeTestEndpointSlice,
  makeTestService,
  testExternalClient,
  testNodeIP,
  testNodeIPv6,
  testNodeName,
  explained,
} from "./testCluster";

function webCluster(edit: (svc: Service) => void = () => {}, kubeProxy = {}) {
  return makeTestCluster(
    [
      makeTestService("shop", "web", (svc) => {
        svc.spec.type = "NodePort";
        svc.spec.clusterIP = "172.30.0.10";
        svc.spec.ports = [{ name: "http", port: 80, protocol: "TCP", nodePort: 30080, targetPort: 8080 }];
        edit(svc);
      }),
    ],
    [
      makeTestEndpointSlice("shop", "web", 1, (eps) => {
        eps.endpoints = ["10.0.1.5", "10.0.2.5", "10.0.3.5"].map((ip, i) => ({
          addresses: [ip],
          nodeName: i === 0 ? testNodeName : `node-${i + 1}`,
          targetRef: { kind: "Pod", name: `web-${i + 1}`, namespace: "shop" },
        }));
        eps.ports = [{ name: "http", port: 8080, protocol: "TCP" }];
      }),
    ],
    { kubeProxy },
  );
}

const svc = clusterPolicyChain("shop/web:http", "tcp");
const ext = externalChain("shop/web:http", "tcp");
const sep = (ip: string) => endpointChain("shop/web:http", "tcp", `${ip}:8080`);

describe("explain", () => {
  it("lists candidates in rule order with pod, node and overall probability 1/n", () => {
    const d = explained(webCluster(), { node: testNodeName, src: "10.0.0.2", dst: "172.30.0.10:80" });
    expect(d.action).toBe("dnat");
    expect(d.candidates).toEqual([
      { ip: "10.0.1.5", port: 8080, pod: "shop/web-1", node: testNodeName, probability: 1 / 3 },
      { ip: "10.0.2.5", port: 8080, pod: "shop/web-2", node: "node-2", probability: 1 / 3 },
      { ip: "10.0.3.5", port: 8080, pod: "shop/web-3", node: "node-3", probability: 1 / 3 },
    ]);
  });
  it("walks KUBE-SERVICES, the service chain and every endpoint chain for a ClusterIP", () => {
    const d = explained(webCluster(), { node: testNodeName, src: "10.0.0.2", dst: "172.30.0.10:80" });
    expect(d.rules).toEqual(["KUBE-SERVICES", svc, sep("10.0.1.5"), sep("10.0.2.5"), sep("10.0.3.5")]);
  });
  it("walks KUBE-NODEPORTS and KUBE-EXT for a NodePort", () => {
    const d = explained(webCluster(), {
      node: testNodeName,
      src: testExternalClient,
      dst: `${testNodeIP}:30080`,
    });
    expect(d.rules.slice(0, 4)).toEqual(["KUBE-SERVICES", "KUBE-NODEPORTS", ext, svc]);
    expect(d.masquerade).toBe(true);
    expect(d.reason).toContain("NodePort of shop/web:http");
  });
  it("marks only the hairpin path as masqueraded for a pod reaching itself", () => {
    const d = explained(webCluster(), { node: testNodeName, src: "10.0.2.5", dst: "172.30.0.10:80" });
    expect(d.masquerade).toBe(true);
    expect(d.masqueradeByCandidate).toEqual([false, true, false]);
  });
  it("masqueradeAll masquerades pod traffic to a ClusterIP", () => {
    const c = webCluster(() => {}, { masqueradeAll: true });
    expect(flow(c, "10.0.0.2", "172.30.0.10", 80).masq).toBe(true);
    expect(explained(c, { node: testNodeName, src: "10.0.0.2", dst: "172.30.0.10:80" }).reason).toContain(
      "masqueradeAll",
    );
  });
  it("reports ClientIP session affinity with its timeout", () => {
    const c = webCluster((s) => {
      s.spec.sessionAffinity = "ClientIP";
      s.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 600 } };
    });
    const d = explained(c, { node: testNodeName, src: "10.0.0.2", dst: "172.30.0.10:80" });
    expect(d.sessionAffinity).toEqual({ timeoutSeconds: 600 });
  });
  it("reports no session affinity by default", () => {
    const d = explained(webCluster(), { node: testNodeName, src: "10.0.0.2", dst: "172.30.0.10:80" });
    expect(d.sessionAffinity).toBeNull();
  });
  it("explains a REJECT for a Service without endpoints", () => {
    const c = webCluster();
    c.endpointSlices = [];
    const d = explained(c, { node: testNodeName, src: "10.0.0.2", dst: "172.30.0.10:80" });
    expect(d).toMatchObject({ action: "reject", candidates: [], rules: ["KUBE-SERVICES", "KUBE-SERVICES"] });
    expect(d.reason).toBe(
      'shop/web:http has no endpoints: REJECT (the client gets "connection refused" at once)',
    );
  });
  it("explains a DROP for externalTrafficPolicy Local without a local endpoint", () => {
    const c = webCluster((s) => (s.spec.externalTrafficPolicy = "Local"));
    c.endpointSlices[0]!.endpoints.shift();
    const d = explained(c, { node: testNodeName, src: testExternalClient, dst: `${testNodeIP}:30080` });
    expect(d.action).toBe("drop");
    expect(d.rules).toEqual(["KUBE-SERVICES", "KUBE-NODEPORTS", ext, "KUBE-EXTERNAL-SERVICES"]);
    expect(d.reason).toContain(
      `externalTrafficPolicy Local and no local endpoint of shop/web:http on ${testNodeName}`,
    );
  });
  it("lets ICMP to a ClusterIP pass: no rule matches ICMP", () => {
    const d = explained(webCluster(), {
      node: testNodeName,
      src: "10.0.0.2",
      dst: "172.30.0.10:0",
      protocol: "ICMP",
    });
    expect(d).toMatchObject({ action: "pass", candidates: [], masquerade: false, rules: ["KUBE-SERVICES"] });
    expect(d.reason).toContain("ICMP");
  });
  it("handles IPv6 destinations in brackets", () => {
    const d = explained(makeIPv6NodePortCluster(), {
      node: testNodeName,
      src: "2600:5200::1",
      dst: `[${testNodeIPv6}]:3001`,
    });
    expect(d.candidates.map((x) => [x.ip, x.port])).toEqual([["fd00:10:180::1", 80]]);
    expect(d.masquerade).toBe(true);
  });
  it("writes IPv6 addresses in reasons as [IP]:PORT", () => {
    const ask = (dst: string) =>
      explained(makeIPv6NodePortCluster(), { node: testNodeName, src: "fd00:10::2", dst }).reason;
    expect(ask("[fd00:172:30::41]:80")).toContain(
      "[fd00:172:30::41]:80 is the ClusterIP of ns1/svc1:p80; DNAT to its only usable endpoint [fd00:10:180::1]:80",
    );
    expect(ask("[fd00::9]:80")).toBe(
      "no kube-proxy rule matches TCP to [fd00::9]:80: the packet passes through unchanged",
    );
  });
  it("reads no destination without a port", () => {
    expect(parseHostPort("10.0.0.1")).toBeNull();
  });
  it("refuses a destination without a port, with its code", () => {
    const r = explain(webCluster(), { node: testNodeName, src: "10.0.0.2", dst: "10.0.0.1" });
    expect(r).toEqual({
      ok: false,
      error: {
        code: "invalid-destination",
        params: { to: "10.0.0.1" },
        message: 'invalid destination "10.0.0.1": expected IP:PORT or [IPv6]:PORT',
      },
    });
  });
  it("refuses an unknown node, with its code", () => {
    const r = explain(webCluster(), { node: "nope", src: "10.0.0.2", dst: "172.30.0.10:80" });
    expect(!r.ok && r.error.code).toBe("unknown-node");
  });
  it("refuses a source that is not an IP address, with its code", () => {
    const r = explain(webCluster(), { node: testNodeName, src: "nope", dst: "172.30.0.10:80" });
    expect(!r.ok && r.error).toMatchObject({
      code: "invalid-source-ip",
      message: 'invalid source IP "nope"',
    });
  });
  it("refuses a source and a destination of two IP families, with its code", () => {
    const r = explain(webCluster(), { node: testNodeName, src: "fd00::1", dst: "172.30.0.10:80" });
    expect(!r.ok && r.error.code).toBe("family-mismatch");
  });
});

describe("chooseEndpoint", () => {
  const d = explained(webCluster(), { node: testNodeName, src: "10.0.0.2", dst: "172.30.0.10:80" });
  it("takes the first endpoint when the first 1/3 rule matches", () => {
    expect(chooseEndpoint(d, () => 0.2)?.ip).toBe("10.0.1.5");
  });
  it("takes the second when the first misses and the 1/2 rule matches", () => {
    const draws = [0.9, 0.4];
    expect(chooseEndpoint(d, () => draws.shift()!)?.ip).toBe("10.0.2.5");
  });
  it("falls through to the last endpoint", () => {
    expect(chooseEndpoint(d, () => 0.99)?.ip).toBe("10.0.3.5");
  });
  it("returns null without candidates", () => {
    expect(chooseEndpoint({ candidates: [] }, () => 0)).toBeNull();
  });
});

describe("iptablesSave", () => {
  it("prints kube-proxy's probabilities with ten decimals", () => {
    const out = iptablesSave(webCluster(), testNodeName);
    expect(out).toContain("--probability 0.3333333333 -j");
    expect(out).toContain("--probability 0.5000000000 -j");
  });
  it("prints the IPv6 table with the ::1 NodePort exclusion", () => {
    const out = iptablesSave(webCluster(), testNodeName, 6);
    expect(out).toContain("ip6tables-save");
    expect(out).toContain("-m addrtype --dst-type LOCAL ! -d ::1/128 -j KUBE-NODEPORTS");
  });
  it("excludes 127.0.0.0/8 from NodePorts when localhost NodePorts are off", () => {
    const out = iptablesSave(
      webCluster(() => {}, { localhostNodePorts: false }),
      testNodeName,
    );
    expect(out).toContain("-m addrtype --dst-type LOCAL ! -d 127.0.0.0/8 -j KUBE-NODEPORTS");
  });
});

describe("explain reasons for filter verdicts", () => {
  it("names loadBalancerSourceRanges for a firewall DROP", () => {
    const c = webCluster((s) => {
      s.spec.type = "LoadBalancer";
      s.status.loadBalancer = { ingress: [{ ip: "1.2.3.4" }] };
      s.spec.loadBalancerSourceRanges = ["203.0.113.0/25"];
    });
    const d = explained(c, { node: testNodeName, src: "203.0.113.130", dst: "1.2.3.4:80" });
    expect(d.action).toBe("drop");
    expect(d.rules.at(-1)).toBe("KUBE-PROXY-FIREWALL");
    expect(d.reason).toContain("not in the loadBalancerSourceRanges of shop/web:http");
  });
  it("names the health check node port for an ACCEPT", () => {
    const c = webCluster((s) => {
      s.spec.type = "LoadBalancer";
      s.spec.externalTrafficPolicy = "Local";
      s.spec.healthCheckNodePort = 32000;
    });
    const d = explained(c, { node: testNodeName, src: "203.0.113.2", dst: `${testNodeIP}:32000` });
    expect(d.action).toBe("accept");
    expect(d.reason).toContain("healthCheckNodePort of shop/web:http");
  });
});

describe("explain: the reason as data (why), from the matched rules' tags", () => {
  const ask = (c: ReturnType<typeof webCluster>, src: string, dst: string) =>
    explained(c, { node: testNodeName, src, dst }).why;

  it("names the entry, the Service port and the endpoint count, and keeps a pod's source", () => {
    expect(ask(webCluster(), "10.0.0.2", "172.30.0.10:80")).toEqual({
      code: "dnat-cluster-ip",
      service: "shop/web:http",
      endpoints: 3,
    });
  });

  it("gives each masquerade its reason", () => {
    expect(ask(webCluster(), testExternalClient, `${testNodeIP}:30080`).masq).toBe("external");
    expect(ask(webCluster(), testExternalClient, "172.30.0.10:80").masq).toBe("outside-cidr");
    expect(
      ask(
        webCluster(() => {}, { masqueradeAll: true }),
        "10.0.0.2",
        "172.30.0.10:80",
      ).masq,
    ).toBe("masquerade-all");
    const local = webCluster((s) => (s.spec.externalTrafficPolicy = "Local"));
    expect(ask(local, testNodeIP, `${testNodeIP}:30080`).masq).toBe("node");
  });

  it("leaves a hairpin, which concerns one endpoint only, to the caller", () => {
    expect(ask(webCluster(), "10.0.2.5", "172.30.0.10:80").masq).toBeUndefined();
  });

  it("marks local-only endpoints, but not when a pod is short-circuited to all of them", () => {
    const local = webCluster((s) => (s.spec.externalTrafficPolicy = "Local"));
    expect(ask(local, testExternalClient, `${testNodeIP}:30080`)).toMatchObject({
      local: true,
      endpoints: 1,
    });
    expect(ask(local, "10.0.0.2", `${testNodeIP}:30080`).local).toBeUndefined();
  });

  it("marks ClientIP session affinity", () => {
    const c = webCluster((s) => (s.spec.sessionAffinity = "ClientIP"));
    expect(ask(c, "10.0.0.2", "172.30.0.10:80").affinity).toBe(true);
  });

  it("codes the filter verdicts and a packet no rule matches", () => {
    const none = webCluster();
    none.endpointSlices = [];
    expect(ask(none, "10.0.0.2", "172.30.0.10:80")).toEqual({
      code: "reject-no-endpoints",
      service: "shop/web:http",
    });
    const local = webCluster((s) => (s.spec.externalTrafficPolicy = "Local"));
    local.endpointSlices[0]!.endpoints = local.endpointSlices[0]!.endpoints.filter(
      (e) => e.nodeName !== testNodeName,
    );
    expect(ask(local, testExternalClient, `${testNodeIP}:30080`).code).toBe("drop-etp-local");
    expect(ask(webCluster(), "10.0.0.2", "172.30.0.10:81")).toEqual({
      code: "route-no-rule",
      service: "shop/web",
    });
    expect(ask(webCluster(), "10.0.0.2", "8.8.8.8:53")).toEqual({ code: "route-no-rule" });
  });
});
