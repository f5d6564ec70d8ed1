// Which endpoints kube-proxy uses: terminating-endpoint fallback (proxier_test.go
// TestEndpointSliceWithTerminatingEndpointsTrafficPolicyLocal/Cluster), topology hints
// (pkg/proxy/topology_test.go), and the EndpointSliceCache's dedupe and ordering.
import { describe, expect, it } from "vitest";
import type { Service, SliceEndpoint } from "../../model/k8s";
import { LABEL_ZONE } from "../../model/k8s";
import {
  flow,
  makeTestCluster,
  makeTestEndpointSlice,
  makeTestNode,
  makeTestService,
  testExternalClient,
  testNodeName,
} from "./testCluster";

function lbLocal(svc: Service) {
  svc.spec.type = "LoadBalancer";
  svc.spec.externalTrafficPolicy = "Local";
  svc.spec.healthCheckNodePort = 30000;
  svc.spec.clusterIP = "172.30.1.1";
  svc.spec.ports = [{ name: "", port: 80, protocol: "TCP", nodePort: 30080 }];
  svc.status.loadBalancer = { ingress: [{ ip: "1.2.3.4" }] };
}
function lbCluster(svc: Service) {
  lbLocal(svc);
  svc.spec.externalTrafficPolicy = "Cluster";
  delete svc.spec.healthCheckNodePort;
}

const ep = (
  ip: string,
  node: string,
  ready?: boolean,
  serving?: boolean,
  terminating?: boolean,
): SliceEndpoint => {
  const conditions: SliceEndpoint["conditions"] = {};
  if (ready !== undefined) conditions.ready = ready;
  if (serving !== undefined) conditions.serving = serving;
  if (terminating !== undefined) conditions.terminating = terminating;
  return { addresses: [ip], nodeName: node, conditions };
};

function cluster(edit: (svc: Service) => void, endpoints: SliceEndpoint[]) {
  return makeTestCluster(
    [makeTestService("ns1", "svc1", edit)],
    [
      makeTestEndpointSlice("ns1", "svc1", 1, (eps) => {
        eps.endpoints = endpoints;
        eps.ports = [{ name: "", port: 80, protocol: "TCP" }];
      }),
    ],
  );
}

describe("terminating endpoints, externalTrafficPolicy Local", () => {
  it("ready local endpoints are preferred over serving-terminating ones", () => {
    const c = cluster(lbLocal, [
      ep("10.0.1.1", testNodeName, true, true, false),
      ep("10.0.1.2", testNodeName, true, true, false),
      ep("10.0.1.3", testNodeName, false, true, true),
      ep("10.0.1.4", testNodeName, false, false, true),
      ep("10.0.1.5", "host-1", true, true, false),
    ]);
    expect(flow(c, testExternalClient, "1.2.3.4", 80).output).toBe("10.0.1.1:80, 10.0.1.2:80");
  });
  it("with no ready local endpoint, serving-terminating local ones are used for external traffic", () => {
    const c = cluster(lbLocal, [
      ep("10.0.1.1", testNodeName, false, true, true),
      ep("10.0.1.2", testNodeName, false, true, true),
      ep("10.0.1.3", testNodeName, false, false, true),
      ep("10.0.1.5", "host-1", true, true, false),
    ]);
    expect(flow(c, testExternalClient, "1.2.3.4", 80).output).toBe("10.0.1.1:80, 10.0.1.2:80");
  });
  it("meanwhile cluster traffic goes to the ready remote endpoint", () => {
    const c = cluster(lbLocal, [
      ep("10.0.1.1", testNodeName, false, true, true),
      ep("10.0.1.5", "host-1", true, true, false),
    ]);
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("10.0.1.5:80");
  });
  it("non-serving terminating local endpoints leave external traffic nothing: DROP", () => {
    const c = cluster(lbLocal, [
      ep("10.0.1.3", testNodeName, false, false, true),
      ep("10.0.1.5", "host-1", true),
    ]);
    expect(flow(c, testExternalClient, "1.2.3.4", 80).output).toBe("DROP");
  });
  it("with only non-serving endpoints anywhere, traffic is rejected", () => {
    const c = cluster(lbLocal, [
      ep("10.0.1.3", testNodeName, false, false, true),
      ep("10.0.1.4", "host-1", false, false, true),
    ]);
    expect(flow(c, testExternalClient, "1.2.3.4", 80).output).toBe("REJECT");
  });
});

describe("terminating endpoints, externalTrafficPolicy Cluster", () => {
  it("ready endpoints anywhere are preferred over terminating ones", () => {
    const c = cluster(lbCluster, [
      ep("10.0.1.1", testNodeName, false, true, true),
      ep("10.0.1.5", "host-1", true, true, false),
    ]);
    expect(flow(c, testExternalClient, "1.2.3.4", 80)).toEqual({ output: "10.0.1.5:80", masq: true });
  });
  it("with no ready endpoint, every serving-terminating endpoint is used", () => {
    const c = cluster(lbCluster, [
      ep("10.0.1.1", testNodeName, false, true, true),
      ep("10.0.1.2", "host-1", false, true, true),
      ep("10.0.1.3", "host-1", false, false, true),
    ]);
    expect(flow(c, testExternalClient, "1.2.3.4", 80).output).toBe("10.0.1.1:80, 10.0.1.2:80");
  });
  it("a not-ready endpoint that is not terminating is never used", () => {
    const c = cluster(lbCluster, [ep("10.0.1.1", testNodeName, false, true, false)]);
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("REJECT");
  });
});

describe("endpoint conditions and the slice cache", () => {
  it("missing conditions mean ready", () => {
    const c = cluster(lbCluster, [{ addresses: ["10.0.1.1"] }]);
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("10.0.1.1:80");
  });
  it("a missing serving condition counts as serving, as kube-proxy reads it", () => {
    const c = cluster(lbCluster, [
      { addresses: ["10.0.1.1"], conditions: { ready: false, terminating: true } },
    ]);
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("10.0.1.1:80");
  });
  it("endpoints are ordered by their ip:port string", () => {
    const c = cluster(lbCluster, [ep("10.0.1.2", "a"), ep("10.0.1.10", "b"), ep("10.0.1.1", "c")]);
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("10.0.1.10:80, 10.0.1.1:80, 10.0.1.2:80");
  });
  it("an endpoint in two slices is used once, the non-terminating copy winning", () => {
    const c = cluster(lbCluster, [ep("10.0.1.1", "a", false, true, true)]);
    c.endpointSlices.push(
      makeTestEndpointSlice("ns1", "svc1", 2, (eps) => {
        eps.endpoints = [ep("10.0.1.1", "a", true), ep("10.0.1.2", "b", false, false, true)];
        eps.ports = [{ name: "", port: 80, protocol: "TCP" }];
      }),
    );
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("10.0.1.1:80");
  });
  it("a slice port is matched by name and protocol", () => {
    const c = cluster(lbCluster, [ep("10.0.1.1", "a")]);
    c.endpointSlices[0]!.ports = [{ name: "", port: 80, protocol: "UDP" }];
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("REJECT");
  });
  it("a slice without the service-name label is ignored", () => {
    const c = cluster(lbCluster, [ep("10.0.1.1", "a")]);
    delete c.endpointSlices[0]!.metadata.labels;
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("REJECT");
  });
  it("headless and ExternalName Services are not proxied", () => {
    const c = cluster(
      (svc) => {
        svc.spec.clusterIP = "None";
        svc.spec.ports = [{ name: "", port: 80, protocol: "TCP" }];
      },
      [ep("10.0.1.1", "a")],
    );
    c.services.push(
      makeTestService("ns1", "ext", (svc) => {
        svc.spec.type = "ExternalName";
        svc.spec.clusterIP = "172.30.1.9";
        svc.spec.externalName = "example.com";
        svc.spec.ports = [{ name: "", port: 80, protocol: "TCP" }];
      }),
    );
    expect(flow(c, "10.0.0.2", "172.30.1.9", 80).output).toBe("");
  });
});

describe("topology hints", () => {
  function hinted(nodeZone: string, endpoints: SliceEndpoint[]) {
    const c = cluster(lbCluster, endpoints);
    c.nodes = [makeTestNode({ [LABEL_ZONE]: nodeZone })];
    return c;
  }
  const z = (ip: string, zone: string): SliceEndpoint => ({
    addresses: [ip],
    nodeName: "other",
    zone,
    hints: { forZones: [{ name: zone }] },
  });
  it("uses only endpoints hinted for the node's zone", () => {
    const c = hinted("zone-a", [z("10.1.2.3", "zone-a"), z("10.1.2.4", "zone-b"), z("10.1.2.5", "zone-a")]);
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("10.1.2.3:80, 10.1.2.5:80");
  });
  it("ignores zone hints when one ready endpoint has none", () => {
    const c = hinted("zone-a", [z("10.1.2.3", "zone-a"), { addresses: ["10.1.2.4"], nodeName: "other" }]);
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("10.1.2.3:80, 10.1.2.4:80");
  });
  it("ignores zone hints when none is for the node's zone", () => {
    const c = hinted("zone-c", [z("10.1.2.3", "zone-a"), z("10.1.2.4", "zone-b")]);
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("10.1.2.3:80, 10.1.2.4:80");
  });
  it("PreferSameNode: node hints for this node win over zone hints", () => {
    const c = hinted("zone-a", [
      {
        ...z("10.1.2.3", "zone-a"),
        hints: { forZones: [{ name: "zone-a" }], forNodes: [{ name: testNodeName }] },
      },
      {
        ...z("10.1.2.4", "zone-a"),
        hints: { forZones: [{ name: "zone-a" }], forNodes: [{ name: "other" }] },
      },
    ]);
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("10.1.2.3:80");
  });
  it("externalTrafficPolicy Local ignores hints for external traffic", () => {
    const c = cluster(lbLocal, [
      { addresses: ["10.1.2.3"], nodeName: testNodeName, hints: { forZones: [{ name: "zone-b" }] } },
      { addresses: ["10.1.2.4"], nodeName: "other", hints: { forZones: [{ name: "zone-a" }] } },
    ]);
    c.nodes = [makeTestNode({ [LABEL_ZONE]: "zone-a" })];
    expect(flow(c, testExternalClient, "1.2.3.4", 80).output).toBe("10.1.2.3:80");
    expect(flow(c, "10.0.0.2", "172.30.1.1", 80).output).toBe("10.1.2.4:80");
  });
});
