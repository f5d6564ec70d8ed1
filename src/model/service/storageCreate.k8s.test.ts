// Ported from kubernetes/kubernetes pkg/registry/core/service/storage/storage_test.go (the REST
// storage's create: PrepareForCreate/defaulting, allocation in alloc.go, then ValidateService):
// TestCreateIgnoresIPsForExternalName, TestCreateInitClusterIPsFromClusterIP and the
// singlestack:v4 / singlestack:v6 parts of TestCreateInitIPFields. Case names are the Go ones.
// Clusters are the Go test's: 10.0.0.0/16 for IPv4, 2000::/108 for IPv6, NodePorts 30000-32767.
import { describe, expect, it } from "vitest";
import { defaultClusterConfig } from "../clusterConfig";
import type { IPFamily, Service } from "../k8s";
import { allocateService } from "./allocate";
import { createServiceAllocators, releaseService, type ServiceAllocators } from "./allocators";
import { isIPv6String } from "./clusterIPsValidation";
import { defaultService } from "./defaults";
import { lines } from "./testing";
import { validateServiceCreate } from "./validate";

const CIDRS: Record<IPFamily, string> = { IPv4: "10.0.0.0/16", IPv6: "2000::/108" };

function allocators(families: IPFamily[]): ServiceAllocators {
  return createServiceAllocators({
    ...defaultClusterConfig(),
    serviceCIDR: families.map((f) => CIDRS[f]).join(","),
  });
}

/** svctest.MakeService("foo"): ClusterIP type, selector k=v, one TCP port 93 -> 76, iTP Cluster. */
function makeService(tweak?: (s: Service) => void): Service {
  const svc: Service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "foo", namespace: "default" },
    spec: {
      selector: { k: "v" },
      sessionAffinity: "None",
      type: "ClusterIP",
      ports: [{ port: 93, targetPort: 76, protocol: "TCP" }],
      internalTrafficPolicy: "Cluster",
    },
    status: {},
  };
  tweak?.(svc);
  return svc;
}

/** storage.Create: defaults, allocation, then validation; the created object, or the errors. */
function create(a: ServiceAllocators, svc: Service): { svc: Service; errs: string[] } {
  defaultService(svc);
  const errs = allocateService(svc, a);
  return { svc, errs: lines(errs.length ? errs : validateServiceCreate(svc)) };
}

describe("TestCreateIgnoresIPsForExternalName (storage_test.go)", () => {
  type Inner = [
    name: string,
    policy: Service["spec"]["ipFamilyPolicy"],
    families: IPFamily[],
    expectError: boolean,
  ];
  const groups: [string, IPFamily[], Inner[]][] = [
    [
      "singlestack:v6",
      ["IPv6"],
      [
        ["Policy:unset_Families:unset", undefined, [], false],
        ["Policy:SingleStack_Families:v6", "SingleStack", ["IPv6"], true],
        ["Policy:PreferDualStack_Families:v4v6", "PreferDualStack", ["IPv4", "IPv6"], true],
        ["Policy:RequireDualStack_Families:v6v4", "RequireDualStack", ["IPv6", "IPv4"], true],
      ],
    ],
    [
      "dualstack:v6v4",
      ["IPv6", "IPv4"],
      [
        ["Policy:unset_Families:unset", undefined, [], false],
        ["Policy:SingleStack_Families:v6", "SingleStack", ["IPv6"], true],
        ["Policy:PreferDualStack_Families:v6v4", "PreferDualStack", ["IPv6", "IPv4"], true],
        ["Policy:RequireDualStack_Families:v4v6", "RequireDualStack", ["IPv4", "IPv6"], true],
      ],
    ],
  ];
  for (const [group, clusterFamilies, cases] of groups) {
    it.each(cases)(`${group} %s`, (_name, policy, families, expectError) => {
      const svc = makeService((s) => {
        if (policy) s.spec.ipFamilyPolicy = policy;
        if (families.length) s.spec.ipFamilies = families;
        s.spec.type = "ExternalName";
        s.spec.externalName = "example.com";
      });
      const { errs } = create(allocators(clusterFamilies), svc);
      if (expectError) {
        // ValidateService: ExternalName Services may carry neither.
        expect(errs.length).toBeGreaterThan(0);
        expect(errs.every((e) => e.endsWith("may not be set for ExternalName services"))).toBe(true);
        return;
      }
      expect(errs).toEqual([]);
      expect(svc.spec.ipFamilyPolicy).toBeUndefined();
      expect(svc.spec.ipFamilies ?? []).toEqual([]);
      expect(svc.spec.clusterIP ?? "").toBe("");
      expect(svc.spec.clusterIPs ?? []).toEqual([]);
    });
  }
});

describe("TestCreateInitClusterIPsFromClusterIP (storage_test.go)", () => {
  it.each<[string, IPFamily[], string]>([
    ["singlestack:v4_clusterip:unset", ["IPv4"], ""],
    ["singlestack:v4_clusterip:set", ["IPv4"], "10.0.0.1"],
    ["singlestack:v6_clusterip:unset", ["IPv6"], ""],
    ["singlestack:v6_clusterip:set", ["IPv6"], "2000::1"],
    ["dualstack:v4v6_clusterip:unset", ["IPv4", "IPv6"], ""],
    ["dualstack:v4v6_clusterip:set", ["IPv4", "IPv6"], "10.0.0.1"],
    ["dualstack:v6v4_clusterip:unset", ["IPv6", "IPv4"], ""],
    ["dualstack:v6v4_clusterip:set", ["IPv6", "IPv4"], "2000::1"],
  ])("%s", (_name, families, clusterIP) => {
    const svc = makeService((s) => {
      if (clusterIP) s.spec.clusterIP = clusterIP;
    });
    const { errs } = create(allocators(families), svc);
    expect(errs).toEqual([]);
    expect(svc.spec.clusterIP).toBeTruthy();
    if (clusterIP) expect(svc.spec.clusterIP).toBe(clusterIP);
    expect(svc.spec.clusterIPs?.length).toBeGreaterThan(0);
    expect(svc.spec.clusterIPs![0]).toBe(svc.spec.clusterIP);
  });
});

// TestCreateInitIPFields. Every case name is "<ClusterIPs>_Policy:<policy>_Families:<families>";
// the outcome table lists, per policy (unset, SingleStack, PreferDualStack, RequireDualStack), the
// outcome for families unset, v4, v6, v4v6, v6v4: "E" (create fails) or the policy's initial and
// the resulting families (S4 = SingleStack [IPv4], R64 = RequireDualStack [IPv6, IPv4], ...).
// "M": the stored revision of storage_test.go (00b39faa, IPv6DualStack-gate era) expects these
// to succeed as RequireDualStack (policy unset but two families or two clusterIPs). Current
// alloc.go initIPFamilyFields (b0d609f0) defaults an unset policy on create to SingleStack (only
// headless+selectorless gets RequireDualStack), so 1.34 rejects them with "must be
// 'RequireDualStack' or 'PreferDualStack' when multiple ..."; the engine follows 1.34.
const POLICIES = ["unset", "SingleStack", "PreferDualStack", "RequireDualStack"] as const;
const FAMILIES: Record<string, IPFamily[]> = {
  unset: [],
  v4: ["IPv4"],
  v6: ["IPv6"],
  v4v6: ["IPv4", "IPv6"],
  v6v4: ["IPv6", "IPv4"],
};
const FAMILY_KEYS = ["unset", "v4", "v6", "v4v6", "v6v4"];
const IPS: Record<string, string[]> = {
  unset: [],
  v4: ["10.0.0.1"],
  v6: ["2000::1"],
  v4v6: ["10.0.0.1", "2000::1"],
  v6v4: ["2000::1", "10.0.0.1"],
};
const ALL_E = "E E E E E";

interface Group {
  /** "unset", "v4", ..., "Headless" or "HeadlessSelectorless". */
  clusterIPs: string;
  /** One line per policy, five outcomes each; a missing line means those cases were not ported. */
  outcomes: string[];
}

// Each group is "<ClusterIPs>" x policy x families, as in the Go table (all 4 clusters ported).
const initIPFieldsMatrix: [string, IPFamily[], Group[]][] = [
  [
    "singlestack:v4",
    ["IPv4"],
    [
      { clusterIPs: "unset", outcomes: ["S4 S4 E E E", "S4 S4 E E E", "P4 P4 E E E", ALL_E] },
      { clusterIPs: "v4", outcomes: ["S4 S4 E E E", "S4 S4 E E E", "P4 P4 E E E", ALL_E] },
      { clusterIPs: "v4v6", outcomes: [ALL_E, ALL_E, ALL_E, ALL_E] },
      { clusterIPs: "v6v4", outcomes: [ALL_E, ALL_E, ALL_E, ALL_E] },
      { clusterIPs: "Headless", outcomes: ["S4 S4 E E E", "S4 S4 E E E", "P4 P4 E E E", ALL_E] },
      {
        clusterIPs: "HeadlessSelectorless",
        outcomes: ["R46 R46 R64 R46 R64", "S4 S4 S6 E E", "P46 P46 P64 P46 P64", "R46 R46 R64 R46 R64"],
      },
    ],
  ],
  [
    "singlestack:v6",
    ["IPv6"],
    [
      { clusterIPs: "unset", outcomes: ["S6 E S6 E E", "S6 E S6 E E", "P6 E P6 E E", ALL_E] },
      { clusterIPs: "v6", outcomes: ["S6 E S6 E E", "S6 E S6 E E", "P6 E P6 E E", ALL_E] },
      { clusterIPs: "v4v6", outcomes: [ALL_E, ALL_E, ALL_E, ALL_E] },
      { clusterIPs: "v6v4", outcomes: [ALL_E, ALL_E, ALL_E, ALL_E] },
      { clusterIPs: "Headless", outcomes: ["S6 E S6 E E", "S6 E S6 E E", "P6 E P6 E E", ALL_E] },
      {
        clusterIPs: "HeadlessSelectorless",
        outcomes: ["R64 R46 R64 R46 R64", "S6 S4 S6 E E", "P64 P46 P64 P46 P64", "R64 R46 R64 R46 R64"],
      },
    ],
  ],
  [
    "dualstack:v4v6",
    ["IPv4", "IPv6"],
    [
      {
        clusterIPs: "unset",
        outcomes: ["S4 S4 S6 M M", "S4 S4 S6 E E", "P46 P46 P64 P46 P64", "R46 R46 R64 R46 R64"],
      },
      { clusterIPs: "v4", outcomes: ["S4 S4 E M E", "S4 S4 E E E", "P46 P46 E P46 E", "R46 R46 E R46 E"] },
      { clusterIPs: "v6", outcomes: ["S6 E S6 E M", "S6 E S6 E E", "P64 E P64 E P64", "R64 E R64 E R64"] },
      { clusterIPs: "v4v6", outcomes: ["M M E M E", ALL_E, "P46 P46 E P46 E", "R46 R46 E R46 E"] },
      { clusterIPs: "v6v4", outcomes: ["M E M E M", ALL_E, "P64 E P64 E P64", "R64 E R64 E R64"] },
      {
        clusterIPs: "Headless",
        outcomes: ["S4 S4 S6 M M", "S4 S4 S6 E E", "P46 P46 P64 P46 P64", "R46 R46 R64 R46 R64"],
      },
      {
        clusterIPs: "HeadlessSelectorless",
        outcomes: ["R46 R46 R64 R46 R64", "S4 S4 S6 E E", "P46 P46 P64 P46 P64", "R46 R46 R64 R46 R64"],
      },
    ],
  ],
  [
    "dualstack:v6v4",
    ["IPv6", "IPv4"],
    [
      {
        clusterIPs: "unset",
        outcomes: ["S6 S4 S6 M M", "S6 S4 S6 E E", "P64 P46 P64 P46 P64", "R64 R46 R64 R46 R64"],
      },
      { clusterIPs: "v4", outcomes: ["S4 S4 E M E", "S4 S4 E E E", "P46 P46 E P46 E", "R46 R46 E R46 E"] },
      { clusterIPs: "v6", outcomes: ["S6 E S6 E M", "S6 E S6 E E", "P64 E P64 E P64", "R64 E R64 E R64"] },
      { clusterIPs: "v4v6", outcomes: ["M M E M E", ALL_E, "P46 P46 E P46 E", "R46 R46 E R46 E"] },
      { clusterIPs: "v6v4", outcomes: ["M E M E M", ALL_E, "P64 E P64 E P64", "R64 E R64 E R64"] },
      {
        clusterIPs: "Headless",
        outcomes: ["S6 S4 S6 M M", "S6 S4 S6 E E", "P64 P46 P64 P46 P64", "R64 R46 R64 R46 R64"],
      },
      {
        clusterIPs: "HeadlessSelectorless",
        outcomes: ["R64 R46 R64 R46 R64", "S6 S4 S6 E E", "P64 P46 P64 P46 P64", "R64 R46 R64 R46 R64"],
      },
    ],
  ],
];

const POLICY_BY_INITIAL: Record<string, string> = {
  S: "SingleStack",
  P: "PreferDualStack",
  R: "RequireDualStack",
};

describe("TestCreateInitIPFields (storage_test.go)", () => {
  for (const [clusterName, clusterFamilies, groups] of initIPFieldsMatrix) {
    const cases: [string, Group, number, number][] = [];
    for (const g of groups)
      g.outcomes.forEach((_, p) => FAMILY_KEYS.forEach((_f, f) => cases.push([caseName(g, p, f), g, p, f])));

    it.each(cases)(`${clusterName} %s`, (_name, g, p, f) => {
      const outcome = g.outcomes[p]!.split(" ")[f]!;
      const policy = POLICIES[p]!;
      const families = FAMILIES[FAMILY_KEYS[f]!]!;
      const headless = g.clusterIPs.startsWith("Headless");
      const svc = makeService((s) => {
        if (headless) {
          s.spec.clusterIP = "None";
          s.spec.clusterIPs = ["None"];
        } else if (IPS[g.clusterIPs]!.length) {
          s.spec.clusterIP = IPS[g.clusterIPs]![0];
          s.spec.clusterIPs = [...IPS[g.clusterIPs]!];
        }
        if (g.clusterIPs === "HeadlessSelectorless") delete s.spec.selector;
        if (policy !== "unset") s.spec.ipFamilyPolicy = policy;
        if (families.length) s.spec.ipFamilies = [...families];
      });
      const a = allocators(clusterFamilies);
      const { errs } = create(a, svc);
      if (outcome === "E") {
        expect(errs.length, "expected the create to fail").toBeGreaterThan(0);
        return;
      }
      if (outcome === "M") {
        expect(errs.length).toBeGreaterThan(0);
        expect(
          errs.every((e) =>
            /^spec\.ipFamilyPolicy: Invalid value: "SingleStack": must be 'RequireDualStack' or 'PreferDualStack' when multiple (cluster IPs|IP families) are specified$/.test(
              e,
            ),
          ),
        ).toBe(true);
        // A failed create holds nothing.
        for (const alloc of a.clusterIPs.values())
          expect(alloc.has("10.0.0.1") || alloc.has("2000::1")).toBe(false);
        return;
      }
      expect(errs).toEqual([]);
      const wantFamilies = [...outcome.slice(1)].map((d) => (d === "4" ? "IPv4" : "IPv6"));
      expect(svc.spec.ipFamilyPolicy).toBe(POLICY_BY_INITIAL[outcome[0]!]);
      expect(svc.spec.ipFamilies).toEqual(wantFamilies);
      if (headless) {
        expect(svc.spec.clusterIPs).toEqual(["None"]);
        expect(svc.spec.clusterIP).toBe("None");
      } else {
        // proveClusterIPsAllocated: one address per family, in the families' order.
        expect(svc.spec.clusterIP).toBe(svc.spec.clusterIPs![0]);
        expect(svc.spec.clusterIPs!.map((ip) => (isIPv6String(ip) ? "IPv6" : "IPv4"))).toEqual(wantFamilies);
        const asked = IPS[g.clusterIPs]!;
        asked.forEach((ip, i) => expect(svc.spec.clusterIPs![i]).toBe(ip));
        // ipIsAllocated: every address is held by its family's allocator.
        svc.spec.clusterIPs!.forEach((ip, i) =>
          expect(a.clusterIPs.get(wantFamilies[i]!)!.has(ip)).toBe(true),
        );
      }
    });
  }
});

function caseName(g: Group, p: number, f: number): string {
  const prefix = g.clusterIPs.startsWith("Headless") ? g.clusterIPs : `ClusterIPs:${g.clusterIPs}`;
  return `${prefix}_Policy:${POLICIES[p]}_Families:${FAMILY_KEYS[f]}`;
}

// svctest tweaks (pkg/api/service/testing/make.go) used by the tests below.
const setTypeNodePort = (s: Service) => {
  s.spec.type = "NodePort";
  s.spec.externalTrafficPolicy = "Cluster";
  delete s.spec.allocateLoadBalancerNodePorts;
};
const setTypeLoadBalancer = (s: Service) => {
  s.spec.type = "LoadBalancer";
  s.spec.externalTrafficPolicy = "Cluster";
  s.spec.allocateLoadBalancerNodePorts = true;
};
const setTypeExternalName = (s: Service) => {
  s.spec.type = "ExternalName";
  s.spec.externalName = "foo.bar.example.com";
  delete s.spec.clusterIP;
  delete s.spec.clusterIPs;
  delete s.spec.externalTrafficPolicy;
  delete s.spec.internalTrafficPolicy;
  delete s.spec.allocateLoadBalancerNodePorts;
};
const setTypeClusterIP = (s: Service) => {
  s.spec.type = "ClusterIP";
  for (const p of s.spec.ports ?? []) delete p.nodePort;
  delete s.spec.externalTrafficPolicy;
  delete s.spec.allocateLoadBalancerNodePorts;
  s.spec.internalTrafficPolicy = "Cluster";
};
const setUniqueNodePorts = (s: Service) => (s.spec.ports ?? []).forEach((p, i) => (p.nodePort = 30000 + i));
const setNodePorts =
  (...values: number[]) =>
  (s: Service) =>
    (s.spec.ports ?? []).forEach((p, i) => (p.nodePort = values[i]));
const setPorts =
  (...ports: [name: string, port: number, protocol: "TCP" | "UDP"][]) =>
  (s: Service) =>
    (s.spec.ports = ports.map(([name, port, protocol]) => ({ name, port, targetPort: port, protocol })));
const setAllocateLBNodePorts = (v: boolean) => (s: Service) => (s.spec.allocateLoadBalancerNodePorts = v);
const setETP = (p: "" | "Cluster" | "Local") => (s: Service) => {
  if (p) s.spec.externalTrafficPolicy = p;
  else delete s.spec.externalTrafficPolicy;
};
const setHCNP = (v: number) => (s: Service) => (s.spec.healthCheckNodePort = v);
const tweaks =
  (...ts: ((s: Service) => unknown)[]) =>
  (s: Service) =>
    ts.forEach((t) => t(s));
const p80_443 = setPorts(["p", 80, "TCP"], ["q", 443, "TCP"]);
const p53_53 = setPorts(["p", 53, "TCP"], ["q", 53, "UDP"]);
const p93_76 = setPorts(["p", 93, "TCP"], ["q", 76, "UDP"]);

// TestCreateInitNodePorts (storage_test.go), on a single-stack IPv4 cluster. The stored revision
// also has ServiceLBNodePortControl:off and MixedProtocolLBService:off cases; both gates are GA
// and locked on in 1.34, so only the gate-on cases are ported (the gate-off ones whose outcome is
// the same as with the gate on are kept under their Go names).
describe("TestCreateInitNodePorts (storage_test.go)", () => {
  type Case = [name: string, tweak: (s: Service) => unknown, expect: "error" | "nodePorts" | "none"];
  const LB = setTypeLoadBalancer;
  const NP = setTypeNodePort;
  const cases: Case[] = [
    // The Go cases named "type:ExternalName..." build svctest.MakeService("foo") without
    // SetTypeExternalName, i.e. ClusterIP Services; ported as written.
    ["type:ExternalName", () => {}, "none"],
    ["type:ExternalName_with_NodePorts", setUniqueNodePorts, "error"],
    ["type:ClusterIP", () => {}, "none"],
    ["type:ClusterIP_with_NodePorts", setUniqueNodePorts, "error"],
    ["type:NodePort_single_port_unspecified", NP, "nodePorts"],
    ["type:NodePort_single_port_specified", tweaks(NP, setUniqueNodePorts), "nodePorts"],
    ["type:NodePort_multiport_unspecified", tweaks(NP, p80_443), "nodePorts"],
    ["type:NodePort_multiport_specified", tweaks(NP, p80_443, setUniqueNodePorts), "nodePorts"],
    ["type:NodePort_multiport_same", tweaks(NP, p80_443, setNodePorts(30080, 30080)), "error"],
    ["type:NodePort_multiport_multiproto_unspecified", tweaks(NP, p53_53), "nodePorts"],
    ["type:NodePort_multiport_multiproto_specified", tweaks(NP, p53_53, setUniqueNodePorts), "nodePorts"],
    ["type:NodePort_multiport_multiproto_same", tweaks(NP, p53_53, setNodePorts(30053, 30053)), "nodePorts"],
    ["type:NodePort_multiport_multiproto_conflict", tweaks(NP, p93_76, setNodePorts(30093, 30093)), "error"],
    [
      "type:LoadBalancer_single_port_unspecified_gateServiceLBNodePortControl:off_alloc:nil",
      tweaks(LB, (s: Service) => delete s.spec.allocateLoadBalancerNodePorts),
      "nodePorts",
    ],
    [
      "type:LoadBalancer_single_port_unspecified_gateServiceLBNodePortControl:off_alloc:true",
      tweaks(LB, setAllocateLBNodePorts(true)),
      "nodePorts",
    ],
    [
      "type:LoadBalancer_single_port_specified_gateServiceLBNodePortControl:off",
      tweaks(LB, setUniqueNodePorts),
      "nodePorts",
    ],
    [
      "type:LoadBalancer_multiport_unspecified_gateServiceLBNodePortControl:off",
      tweaks(LB, p80_443),
      "nodePorts",
    ],
    [
      "type:LoadBalancer_multiport_specified_gateServiceLBNodePortControl:off",
      tweaks(LB, p80_443, setUniqueNodePorts),
      "nodePorts",
    ],
    [
      "type:LoadBalancer_single_port_unspecified_gateServiceLBNodePortControl:on_alloc:false",
      tweaks(LB, setAllocateLBNodePorts(false)),
      "none",
    ],
    [
      "type:LoadBalancer_single_port_unspecified_gateServiceLBNodePortControl:on_alloc:true",
      tweaks(LB, setAllocateLBNodePorts(true)),
      "nodePorts",
    ],
    [
      "type:LoadBalancer_single_port_specified_gateServiceLBNodePortControl:on_alloc:false",
      tweaks(LB, setUniqueNodePorts, setAllocateLBNodePorts(false)),
      "nodePorts",
    ],
    [
      "type:LoadBalancer_single_port_specified_gateServiceLBNodePortControl:on_alloc:true",
      tweaks(LB, setUniqueNodePorts, setAllocateLBNodePorts(true)),
      "nodePorts",
    ],
    [
      "type:LoadBalancer_multiport_unspecified_gateServiceLBNodePortControl:on_alloc:false",
      tweaks(LB, p80_443, setAllocateLBNodePorts(false)),
      "none",
    ],
    [
      "type:LoadBalancer_multiport_unspecified_gateServiceLBNodePortControl:on_alloc:true",
      tweaks(LB, p80_443, setAllocateLBNodePorts(true)),
      "nodePorts",
    ],
    [
      "type:LoadBalancer_multiport_specified_gateServiceLBNodePortControl:on_alloc:false",
      tweaks(LB, p80_443, setUniqueNodePorts, setAllocateLBNodePorts(false)),
      "nodePorts",
    ],
    [
      "type:LoadBalancer_multiport_specified_gateServiceLBNodePortControl:on_alloc:true",
      tweaks(LB, p80_443, setUniqueNodePorts, setAllocateLBNodePorts(true)),
      "nodePorts",
    ],
    ["type:LoadBalancer_multiport_same", tweaks(LB, p80_443, setNodePorts(30080, 30080)), "error"],
    [
      "type:LoadBalancer_multiport_multiproto_unspecified_MixedProtocolLBService:on",
      tweaks(LB, p53_53),
      "nodePorts",
    ],
    [
      "type:LoadBalancer_multiport_multiproto_specified_MixedProtocolLBService:on",
      tweaks(LB, p53_53, setUniqueNodePorts),
      "nodePorts",
    ],
    [
      "type:LoadBalancer_multiport_multiproto_same_MixedProtocolLBService:on",
      tweaks(LB, p53_53, setNodePorts(30053, 30053)),
      "nodePorts",
    ],
    [
      "type:LoadBalancer_multiport_multiproto_conflict",
      tweaks(LB, p93_76, setNodePorts(30093, 30093)),
      "error",
    ],
  ];
  it.each(cases)("%s", (_name, tweak, want) => {
    const a = allocators(["IPv4"]);
    const svc = makeService((s) => void tweak(s));
    const requested = (svc.spec.ports ?? []).map((p) => p.nodePort ?? 0);
    const { errs } = create(a, svc);
    if (want === "error") {
      expect(errs.length, "expected the create to fail").toBeGreaterThan(0);
      return;
    }
    expect(errs).toEqual([]);
    const ports = new Map<number, NonNullable<Service["spec"]["ports"]>[number]>();
    (svc.spec.ports ?? []).forEach((p, i) => p.nodePort && ports.set(i, p));
    if (want === "none") {
      expect([...ports.values()]).toEqual([]);
      return;
    }
    expect(ports.size).toBe(svc.spec.ports!.length);
    for (const p of ports.values()) expect(a.nodePorts.has(p.nodePort!)).toBe(true);
    requested.forEach((np, i) => {
      if (np === 0) return;
      expect(ports.get(i)!.nodePort).toBe(np);
      ports.delete(i);
    });
    // The same NodePort only for different protocols of the same port.
    const seen = new Map<number, number>();
    for (const p of ports.values()) {
      const prev = seen.get(p.nodePort!);
      if (prev !== undefined) expect(prev).toBe(p.port);
      seen.set(p.nodePort!, p.port);
    }
  });
});

// TestCreateInitHealthCheckNodePort: TestCreateExternalTrafficPolicy in the stored revision of
// storage_test.go (same cases), on a single-stack IPv4 cluster.
describe("TestCreateInitHealthCheckNodePort (storage_test.go)", () => {
  type Case = [name: string, tweak: (s: Service) => unknown, expect: "error" | "hcnp" | "none"];
  const EN = setTypeExternalName;
  const CIP = setTypeClusterIP;
  const NP = setTypeNodePort;
  const LB = setTypeLoadBalancer;
  const cases: Case[] = [
    ["ExternalName_policy:none_hcnp:none", tweaks(EN, setETP("")), "none"],
    ["ExternalName_policy:none_hcnp:specified", tweaks(EN, setETP(""), setHCNP(30000)), "error"],
    ["ExternalName_policy:Cluster_hcnp:none", tweaks(EN, setETP("Cluster")), "error"],
    ["ExternalName_policy:Cluster_hcnp:specified", tweaks(EN, setETP("Cluster"), setHCNP(30000)), "error"],
    ["ExternalName_policy:Local_hcnp:none", tweaks(EN, setETP("Local")), "error"],
    ["ExternalName_policy:Local_hcnp:specified", tweaks(EN, setETP("Local"), setHCNP(30000)), "error"],
    ["ClusterIP_policy:none_hcnp:none", tweaks(CIP, setETP("")), "none"],
    ["ClusterIP_policy:none_hcnp:specified", tweaks(CIP, setETP(""), setHCNP(30000)), "error"],
    ["ClusterIP_policy:Cluster_hcnp:none", tweaks(CIP, setETP("Cluster")), "error"],
    ["ClusterIP_policy:Cluster_hcnp:specified", tweaks(CIP, setETP("Cluster"), setHCNP(30000)), "error"],
    ["ClusterIP_policy:Local_hcnp:none", tweaks(CIP, setETP("Local")), "error"],
    ["ClusterIP_policy:Local_hcnp:specified", tweaks(CIP, setETP("Local"), setHCNP(30000)), "error"],
    ["NodePort_policy:none_hcnp:none", tweaks(NP, setETP("")), "none"],
    ["NodePort_policy:none_hcnp:specified", tweaks(NP, setETP(""), setHCNP(30000)), "error"],
    ["NodePort_policy:Cluster:none", tweaks(NP, setETP("Cluster")), "none"],
    ["NodePort_policy:Cluster:specified", tweaks(NP, setETP("Cluster"), setHCNP(30000)), "error"],
    ["NodePort_policy:Local_hcnp:none", tweaks(NP, setETP("Local")), "none"],
    ["NodePort_policy:Local_hcnp:specified", tweaks(NP, setETP("Local"), setHCNP(30000)), "error"],
    ["LoadBalancer_policy:none_hcnp:none", tweaks(LB, setETP("")), "none"],
    ["LoadBalancer_policy:none_hcnp:specified", tweaks(LB, setETP(""), setHCNP(30000)), "error"],
    ["LoadBalancer_policy:Cluster_hcnp:none", tweaks(LB, setETP("Cluster")), "none"],
    ["LoadBalancer_policy:Cluster_hcnp:specified", tweaks(LB, setETP("Cluster"), setHCNP(30000)), "error"],
    ["LoadBalancer_policy:Local_hcnp:none", tweaks(LB, setETP("Local")), "hcnp"],
    ["LoadBalancer_policy:Local_hcnp:specified", tweaks(LB, setETP("Local"), setHCNP(30000)), "hcnp"],
    ["LoadBalancer_policy:Local_hcnp:negative", tweaks(LB, setETP("Local"), setHCNP(-1)), "error"],
  ];
  it.each(cases)("%s", (_name, tweak, want) => {
    const a = allocators(["IPv4"]);
    const svc = makeService((s) => void tweak(s));
    const requested = svc.spec.healthCheckNodePort ?? 0;
    const { errs } = create(a, svc);
    if (want === "error") {
      expect(errs.length, "expected the create to fail").toBeGreaterThan(0);
      return;
    }
    expect(errs).toEqual([]);
    if (want === "none") {
      expect(svc.spec.healthCheckNodePort ?? 0).toBe(0);
      return;
    }
    const hcnp = svc.spec.healthCheckNodePort ?? 0;
    expect(hcnp).not.toBe(0);
    expect(a.nodePorts.has(hcnp)).toBe(true);
    if (requested !== 0) expect(hcnp).toBe(requested);
    for (const p of svc.spec.ports ?? []) expect(p.nodePort).not.toBe(hcnp);
  });
});

// TestCreateSkipsAllocationsForHeadless (storage_test.go): clusterIP "None" only (clusterIPs
// follows it); the IPv6DualStack gate the stored revision toggles is gone in 1.34.
describe("TestCreateSkipsAllocationsForHeadless (storage_test.go)", () => {
  it.each<[string, IPFamily[], (s: Service) => unknown, boolean]>([
    ["singlestack:v4_gate:off", ["IPv4"], () => {}, false],
    ["singlestack:v6_gate:on", ["IPv6"], () => {}, false],
    ["dualstack:v4v6_gate:off", ["IPv4", "IPv6"], () => {}, false],
    ["dualstack:v6v4_gate:on", ["IPv6", "IPv4"], () => {}, false],
    ["singlestack:v4_gate:off_type:NodePort", ["IPv4"], setTypeNodePort, true],
    ["singlestack:v6_gate:on_type:LoadBalancer", ["IPv6"], setTypeLoadBalancer, true],
  ])("%s", (_name, families, tweak, expectError) => {
    const a = allocators(families);
    const svc = makeService((s) => void tweak(s));
    svc.spec.clusterIP = "None";
    const { errs } = create(a, svc);
    if (expectError) {
      expect(errs.length, "expected the create to fail").toBeGreaterThan(0);
      return;
    }
    expect(errs).toEqual([]);
    expect(svc.spec.clusterIP).toBe("None");
    expect(svc.spec.clusterIPs).toEqual(["None"]);
  });
});

// TestCreateDeleteReuse (storage_test.go), on a dual-stack v4,v6 cluster: create a NodePort
// Service, delete it (releaseService), then create another asking for the same IPs and ports.
// The stored revision's "v4v6" case leaves ipFamilyPolicy unset; 1.34's alloc.go defaults that
// to SingleStack and rejects two families (see TestCreateInitIPFields "M"), so it also sets
// RequireDualStack here, as a v4v6 Service must in 1.34.
describe("TestCreateDeleteReuse (storage_test.go)", () => {
  it.each<[string, IPFamily[]]>([
    ["v4", ["IPv4"]],
    ["v6", ["IPv6"]],
    ["v4v6", ["IPv4", "IPv6"]],
  ])("%s", (_name, families) => {
    const a = allocators(["IPv4", "IPv6"]);
    const tweak = (s: Service) => {
      setTypeNodePort(s);
      s.spec.ipFamilies = [...families];
      if (families.length === 2) s.spec.ipFamilyPolicy = "RequireDualStack";
    };
    const svc = makeService(tweak);
    const { errs } = create(a, svc);
    expect(errs).toEqual([]);
    const allocated = () => {
      const ips = svc.spec.ipFamilies!.map((fam, i) => a.clusterIPs.get(fam)!.has(svc.spec.clusterIPs![i]!));
      const ports = svc.spec.ports!.map((p) => a.nodePorts.has(p.nodePort!));
      return [...ips, ...ports];
    };
    expect(allocated().every(Boolean)).toBe(true);

    releaseService(svc, a);
    expect(allocated().some(Boolean)).toBe(false);

    const svc2 = makeService(tweak);
    svc2.metadata.name += "2";
    svc2.spec.clusterIP = svc.spec.clusterIP;
    svc2.spec.clusterIPs = [...svc.spec.clusterIPs!];
    svc2.spec.ports = svc.spec.ports!.map((p) => ({ ...p }));
    expect(create(a, svc2).errs).toEqual([]);
    expect(allocated().every(Boolean)).toBe(true);
  });
});
