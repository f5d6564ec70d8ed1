import { describe, expect, it } from "vitest";
import { defaultClusterConfig } from "../clusterConfig";
import { parseIP } from "../ip";
import type { Service, ServiceSpec } from "../k8s";
import { allocateService } from "./allocate";
import { createServiceAllocators, releaseService, type ServiceAllocators } from "./allocators";
import { defaultService } from "./defaults";
import { lines, makeService } from "./testing";

const cfg = defaultClusterConfig();

function create(a: ServiceAllocators, spec: ServiceSpec, name = "web"): { svc: Service; errs: string[] } {
  const svc = makeService(spec, name);
  defaultService(svc);
  return { svc, errs: lines(allocateService(svc, a)) };
}

describe("allocateService: ClusterIPs", () => {
  it("a ClusterIP Service gets one IPv4 address from the dynamic band, SingleStack", () => {
    const { svc, errs } = create(createServiceAllocators(cfg), { ports: [{ port: 80 }] });
    expect(errs).toEqual([]);
    expect(svc.spec.clusterIPs).toHaveLength(1);
    expect(svc.spec.clusterIP).toBe(svc.spec.clusterIPs![0]);
    expect(parseIP(svc.spec.clusterIP!)!.value >= parseIP("10.96.1.1")!.value).toBe(true);
    expect(svc.spec.ipFamilies).toEqual(["IPv4"]);
    expect(svc.spec.ipFamilyPolicy).toBe("SingleStack");
  });

  it("a requested clusterIP is honoured and mirrored into clusterIPs", () => {
    const { svc, errs } = create(createServiceAllocators(cfg), {
      clusterIP: "10.96.0.10",
      ports: [{ port: 53 }],
    });
    expect(errs).toEqual([]);
    expect(svc.spec.clusterIPs).toEqual(["10.96.0.10"]);
  });

  it("a clusterIP another Service holds is rejected at spec.clusterIPs", () => {
    const a = createServiceAllocators(cfg);
    create(a, { clusterIP: "10.96.0.10", ports: [{ port: 53 }] }, "dns");
    expect(create(a, { clusterIP: "10.96.0.10", ports: [{ port: 80 }] }).errs).toEqual([
      'spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    ]);
  });

  it("a clusterIP outside the service CIDR is rejected as not matching the range", () => {
    expect(
      create(createServiceAllocators(cfg), { clusterIP: "10.0.0.5", ports: [{ port: 80 }] }).errs,
    ).toEqual([
      'spec.clusterIPs: Invalid value: ["10.0.0.5"]: failed to allocate IP 10.0.0.5: the provided network does not match the current range',
    ]);
  });

  it("clusterIPs whose first value differs from clusterIP is rejected before allocating", () => {
    const spec: ServiceSpec = { clusterIP: "10.96.0.5", clusterIPs: ["10.96.0.6"], ports: [{ port: 80 }] };
    expect(create(createServiceAllocators(cfg), spec).errs).toEqual([
      'spec.clusterIPs: Invalid value: ["10.96.0.6"]: first value must match `clusterIP`',
    ]);
  });

  it("an IPv6 clusterIP on an IPv4 cluster names the unconfigured family", () => {
    expect(
      create(createServiceAllocators(cfg), { clusterIP: "fd00::1", ports: [{ port: 80 }] }).errs,
    ).toEqual(['spec.clusterIPs[0]: Invalid value: ["fd00::1"]: IPv6 is not configured on this cluster']);
  });

  it("ipFamilies IPv6 on an IPv4 cluster is not configured", () => {
    expect(
      create(createServiceAllocators(cfg), { ipFamilies: ["IPv6"], ports: [{ port: 80 }] }).errs,
    ).toEqual(['spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster']);
  });

  it("RequireDualStack on a single-stack cluster is refused", () => {
    const spec: ServiceSpec = { ipFamilyPolicy: "RequireDualStack", ports: [{ port: 80 }] };
    expect(create(createServiceAllocators(cfg), spec).errs).toEqual([
      'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    ]);
  });

  it("PreferDualStack on a single-stack cluster gets the one family", () => {
    const { svc, errs } = create(createServiceAllocators(cfg), {
      ipFamilyPolicy: "PreferDualStack",
      ports: [{ port: 80 }],
    });
    expect(errs).toEqual([]);
    expect(svc.spec.ipFamilies).toEqual(["IPv4"]);
  });

  it("PreferDualStack on a dual-stack cluster gets an address of each family", () => {
    const a = createServiceAllocators({ ...cfg, serviceCIDR: "10.96.0.0/12,fd00:10:96::/108" });
    const { svc, errs } = create(a, { ipFamilyPolicy: "PreferDualStack", ports: [{ port: 80 }] });
    expect(errs).toEqual([]);
    expect(svc.spec.ipFamilies).toEqual(["IPv4", "IPv6"]);
    expect(svc.spec.clusterIPs![1]).toMatch(/^fd00:10:96::/);
  });

  it("SingleStack with two ipFamilies is refused", () => {
    const spec: ServiceSpec = {
      ipFamilyPolicy: "SingleStack",
      ipFamilies: ["IPv4", "IPv6"],
      ports: [{ port: 80 }],
    };
    expect(create(createServiceAllocators(cfg), spec).errs).toEqual([
      "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
    ]);
  });

  it("a headless Service with a selector gets no address, SingleStack", () => {
    const { svc, errs } = create(createServiceAllocators(cfg), {
      clusterIP: "None",
      selector: { app: "web" },
      ports: [{ port: 80 }],
    });
    expect(errs).toEqual([]);
    expect(svc.spec.clusterIPs).toEqual(["None"]);
    expect(svc.spec.ipFamilyPolicy).toBe("SingleStack");
    expect(svc.spec.ipFamilies).toEqual(["IPv4"]);
  });

  it("a headless selectorless Service defaults to RequireDualStack with both families, even single-stack", () => {
    const { svc, errs } = create(createServiceAllocators(cfg), { clusterIP: "None", ports: [{ port: 80 }] });
    expect(errs).toEqual([]);
    expect(svc.spec.ipFamilyPolicy).toBe("RequireDualStack");
    expect(svc.spec.ipFamilies).toEqual(["IPv4", "IPv6"]);
  });

  it("an ExternalName Service gets no address and no IP family fields", () => {
    const { svc, errs } = create(createServiceAllocators(cfg), {
      type: "ExternalName",
      externalName: "db.example.com",
    });
    expect(errs).toEqual([]);
    expect(svc.spec.clusterIPs).toBeUndefined();
    expect(svc.spec.ipFamilyPolicy).toBeUndefined();
  });
});

describe("allocateService: NodePorts", () => {
  it("every port of a NodePort Service gets a nodePort in 30000-32767", () => {
    const { svc, errs } = create(createServiceAllocators(cfg), {
      type: "NodePort",
      ports: [
        { name: "http", port: 80 },
        { name: "https", port: 443 },
      ],
    });
    expect(errs).toEqual([]);
    const nps = svc.spec.ports!.map((p) => p.nodePort!);
    expect(nps.every((p) => p >= 30000 && p <= 32767)).toBe(true);
    expect(new Set(nps).size).toBe(2);
  });

  it("a requested nodePort is honoured", () => {
    const { svc } = create(createServiceAllocators(cfg), {
      type: "NodePort",
      ports: [{ port: 80, nodePort: 30080 }],
    });
    expect(svc.spec.ports![0]!.nodePort).toBe(30080);
  });

  it("a nodePort below the range is rejected with the range in the message", () => {
    const spec: ServiceSpec = { type: "NodePort", ports: [{ port: 80, nodePort: 29999 }] };
    expect(create(createServiceAllocators(cfg), spec).errs).toEqual([
      "spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767",
    ]);
  });

  it("a nodePort another Service holds is rejected", () => {
    const a = createServiceAllocators(cfg);
    create(a, { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }, "one");
    expect(create(a, { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }, "two").errs).toEqual([
      "spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated",
    ]);
  });

  it("ports with the same number and different protocols share one nodePort", () => {
    const { svc, errs } = create(createServiceAllocators(cfg), {
      type: "NodePort",
      ports: [
        { name: "dns-tcp", port: 53, protocol: "TCP" },
        { name: "dns-udp", port: 53, protocol: "UDP" },
      ],
    });
    expect(errs).toEqual([]);
    expect(svc.spec.ports![0]!.nodePort).toBe(svc.spec.ports![1]!.nodePort);
  });

  it("a nodePort requested on the second of two same-number ports is used for both", () => {
    const { svc } = create(createServiceAllocators(cfg), {
      type: "NodePort",
      ports: [
        { name: "dns-tcp", port: 53, protocol: "TCP" },
        { name: "dns-udp", port: 53, protocol: "UDP", nodePort: 30053 },
      ],
    });
    expect(svc.spec.ports!.map((p) => p.nodePort)).toEqual([30053, 30053]);
  });

  it("two different ports asking for one nodePort: the second is already allocated", () => {
    const spec: ServiceSpec = {
      type: "NodePort",
      ports: [
        { name: "a", port: 80, nodePort: 30080 },
        { name: "b", port: 81, nodePort: 30080 },
      ],
    };
    expect(create(createServiceAllocators(cfg), spec).errs).toEqual([
      "spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated",
    ]);
  });

  it("a ClusterIP Service gets no nodePorts", () => {
    const { svc } = create(createServiceAllocators(cfg), { ports: [{ port: 80 }] });
    expect(svc.spec.ports![0]!.nodePort).toBeUndefined();
  });

  it("a LoadBalancer with allocateLoadBalancerNodePorts false gets none", () => {
    const { svc } = create(createServiceAllocators(cfg), {
      type: "LoadBalancer",
      allocateLoadBalancerNodePorts: false,
      ports: [{ port: 80 }],
    });
    expect(svc.spec.ports![0]!.nodePort).toBeUndefined();
  });

  it("a LoadBalancer with externalTrafficPolicy Local gets a healthCheckNodePort", () => {
    const { svc } = create(createServiceAllocators(cfg), {
      type: "LoadBalancer",
      externalTrafficPolicy: "Local",
      ports: [{ port: 80 }],
    });
    expect(svc.spec.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(svc.spec.healthCheckNodePort).not.toBe(svc.spec.ports![0]!.nodePort);
  });

  it("a healthCheckNodePort already held is an internal error, not a field error", () => {
    const a = createServiceAllocators(cfg);
    create(a, { type: "NodePort", ports: [{ port: 80, nodePort: 31000 }] }, "one");
    const spec: ServiceSpec = {
      type: "LoadBalancer",
      externalTrafficPolicy: "Local",
      healthCheckNodePort: 31000,
      ports: [{ port: 80 }],
    };
    expect(create(a, spec, "two").errs).toEqual([
      "Internal error occurred: failed to allocate requested HealthCheck NodePort 31000: provided port is already allocated",
    ]);
  });
});

describe("allocateService: load balancer and release", () => {
  it("LoadBalancers get ingress addresses from the pool, lowest first", () => {
    const a = createServiceAllocators(cfg);
    const one = create(a, { type: "LoadBalancer", ports: [{ port: 80 }] }, "one").svc;
    const two = create(a, { type: "LoadBalancer", ports: [{ port: 80 }] }, "two").svc;
    expect(one.status.loadBalancer).toEqual({ ingress: [{ ip: "203.0.113.1", ipMode: "VIP" }] });
    expect(two.status.loadBalancer!.ingress![0]!.ip).toBe("203.0.113.2");
  });

  it("spec.loadBalancerIP is honoured", () => {
    const { svc } = create(createServiceAllocators(cfg), {
      type: "LoadBalancer",
      loadBalancerIP: "203.0.113.50",
      ports: [{ port: 80 }],
    });
    expect(svc.status.loadBalancer!.ingress![0]!.ip).toBe("203.0.113.50");
  });

  it("a given status ingress is kept", () => {
    const svc = makeService({ type: "LoadBalancer", ports: [{ port: 80 }] });
    svc.status = { loadBalancer: { ingress: [{ hostname: "lb.example.com" }] } };
    defaultService(svc);
    allocateService(svc, createServiceAllocators(cfg));
    expect(svc.status.loadBalancer!.ingress).toEqual([{ hostname: "lb.example.com" }]);
  });

  it("a LoadBalancer of another class stays pending", () => {
    const { svc } = create(createServiceAllocators(cfg), {
      type: "LoadBalancer",
      loadBalancerClass: "example.com/internal",
      ports: [{ port: 80 }],
    });
    expect(svc.status.loadBalancer).toBeUndefined();
  });

  it("a create that fails on a nodePort gives back the clusterIP it had taken", () => {
    const a = createServiceAllocators(cfg);
    const { errs } = create(a, {
      type: "NodePort",
      clusterIP: "10.96.3.3",
      ports: [{ port: 80, nodePort: 1 }],
    });
    expect(errs).toHaveLength(1);
    expect(a.clusterIPs.get("IPv4")!.has("10.96.3.3")).toBe(false);
  });

  it("releaseService frees the clusterIP, nodePorts, healthCheckNodePort and ingress address", () => {
    const a = createServiceAllocators(cfg);
    const { svc } = create(a, {
      type: "LoadBalancer",
      externalTrafficPolicy: "Local",
      ports: [{ port: 80 }],
    });
    releaseService(svc, a);
    expect(a.clusterIPs.get("IPv4")!.has(svc.spec.clusterIP!)).toBe(false);
    expect(a.nodePorts.has(svc.spec.ports![0]!.nodePort!)).toBe(false);
    expect(a.nodePorts.has(svc.spec.healthCheckNodePort!)).toBe(false);
    expect(a.loadBalancerIPs.holder("203.0.113.1")).toBeUndefined();
  });

  it("releasing a Service rejected for a taken clusterIP leaves the holder's address alone", () => {
    const a = createServiceAllocators(cfg);
    create(a, { clusterIP: "10.96.0.10", ports: [{ port: 53 }] }, "dns");
    const { svc } = create(a, { clusterIP: "10.96.0.10", ports: [{ port: 80 }] }, "late");
    releaseService(svc, a);
    expect(a.clusterIPs.get("IPv4")!.holder("10.96.0.10")).toBe("default/dns");
  });
});
