// Cases after TestValidateServiceCreate / TestValidateService (pkg/apis/core/validation/validation_test.go),
// with the exact lines the API server prints.
import { describe, expect, it } from "vitest";
import { defaultClusterConfig } from "../clusterConfig";
import type { Service, ServiceSpec } from "../k8s";
import { allocateService } from "./allocate";
import { createServiceAllocators } from "./allocators";
import { defaultService } from "./defaults";
import { lines, makeService } from "./testing";
import { validateService } from "./validate";

const cfg = defaultClusterConfig();
const selector = { app: "web" };

/** Defaulted, then validated as the strategy's Validate would see it (no allocation). */
function check(spec: ServiceSpec, tweak?: (s: Service) => void): string[] {
  const svc = makeService(spec);
  defaultService(svc);
  tweak?.(svc);
  return lines(validateService(svc, cfg));
}

/** The whole create: default, allocate, then validate. */
function create(spec: ServiceSpec): string[] {
  const svc = makeService(spec);
  defaultService(svc);
  const errs = allocateService(svc, createServiceAllocators(cfg));
  return lines(errs.length ? errs : validateService(svc, cfg));
}

describe("validateService: valid Services", () => {
  it.each<[string, ServiceSpec]>([
    ["ClusterIP", { selector, ports: [{ port: 80 }] }],
    ["NodePort", { type: "NodePort", selector, ports: [{ port: 80, nodePort: 30080 }] }],
    [
      "LoadBalancer with eTP Local",
      { type: "LoadBalancer", externalTrafficPolicy: "Local", selector, ports: [{ port: 80 }] },
    ],
    ["headless", { clusterIP: "None", selector, ports: [{ port: 80 }] }],
    ["headless without ports", { clusterIP: "None", selector }],
    ["ExternalName with a trailing dot", { type: "ExternalName", externalName: "db.example.com." }],
    [
      "TCP and UDP on the same port",
      {
        selector,
        ports: [
          { name: "t", port: 53 },
          { name: "u", port: 53, protocol: "UDP" },
        ],
      },
    ],
    ["a named targetPort", { selector, ports: [{ port: 80, targetPort: "http" }] }],
    [
      "ClientIP affinity at the 86400 maximum",
      {
        sessionAffinity: "ClientIP",
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 86400 } },
        selector,
        ports: [{ port: 80 }],
      },
    ],
    ["appProtocol with a prefix", { selector, ports: [{ port: 80, appProtocol: "kubernetes.io/h2c" }] }],
    [
      "trafficDistribution PreferSameNode",
      { trafficDistribution: "PreferSameNode", selector, ports: [{ port: 80 }] },
    ],
  ])("%s is accepted", (_name, spec) => {
    expect(create(spec)).toEqual([]);
  });
});

describe("validateService: ports", () => {
  it("a Service without ports needs them", () => {
    expect(check({ selector })).toEqual(["spec.ports: Required value"]);
  });

  it("with several ports every port needs a name", () => {
    expect(check({ selector, ports: [{ port: 80 }, { name: "b", port: 81 }] })).toEqual([
      "spec.ports[0].name: Required value",
    ]);
  });

  it("a port name must be a DNS-1123 label", () => {
    expect(check({ selector, ports: [{ name: "INVALID", port: 80 }] })).toEqual([
      "spec.ports[0].name: Invalid value: \"INVALID\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it("a port name with dots is told it must not contain dots", () => {
    expect(check({ selector, ports: [{ name: "a.b", port: 80 }] })).toEqual([
      'spec.ports[0].name: Invalid value: "a.b": must not contain dots',
    ]);
  });

  it("port names must be unique", () => {
    expect(
      check({
        selector,
        ports: [
          { name: "http", port: 80 },
          { name: "http", port: 81 },
        ],
      }),
    ).toEqual(['spec.ports[1].name: Duplicate value: "http"']);
  });

  it("a port above 65535 is out of range", () => {
    expect(check({ selector, ports: [{ port: 65536 }] })).toEqual([
      "spec.ports[0].port: Invalid value: 65536: must be between 1 and 65535, inclusive",
      "spec.ports[0].targetPort: Invalid value: 65536: must be between 1 and 65535, inclusive",
    ]);
  });

  it("an unknown protocol lists the supported ones", () => {
    expect(check({ selector, ports: [{ port: 80, protocol: "HTTP" as "TCP" }] })).toEqual([
      'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });

  it("a missing protocol (undefaulted) is required", () => {
    expect(check({ selector, ports: [{ port: 80 }] }, (s) => delete s.spec.ports![0]!.protocol)).toEqual([
      "spec.ports[0].protocol: Required value",
    ]);
  });

  it("a named targetPort must be an IANA service name", () => {
    expect(check({ selector, ports: [{ port: 80, targetPort: "-http" }] })).toEqual([
      'spec.ports[0].targetPort: Invalid value: "-http": must not begin or end with a hyphen',
    ]);
  });

  it("a quoted number as targetPort is a port name without a letter", () => {
    expect(check({ selector, ports: [{ port: 80, targetPort: "8080" }] })).toEqual([
      'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)',
    ]);
  });

  it("an upper-case targetPort name breaks two rules", () => {
    expect(check({ selector, ports: [{ port: 80, targetPort: "HTTP" }] })).toEqual([
      'spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)',
    ]);
  });

  it("a targetPort name longer than 15 characters is too long", () => {
    expect(check({ selector, ports: [{ port: 80, targetPort: "abcdefghijklmnop" }] })).toEqual([
      'spec.ports[0].targetPort: Invalid value: "abcdefghijklmnop": must be no more than 15 characters',
    ]);
  });

  it("an appProtocol with two slashes is not a qualified name", () => {
    expect(check({ selector, ports: [{ port: 80, appProtocol: "a/b/c" }] })).toEqual([
      "spec.ports[0].appProtocol: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });

  it("the same port and protocol twice is a duplicate, printed as Go prints the key", () => {
    expect(
      check({
        selector,
        ports: [
          { name: "a", port: 80 },
          { name: "b", port: 80 },
        ],
      }),
    ).toEqual([
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ]);
  });

  it("a nodePort on a ClusterIP Service is forbidden", () => {
    expect(check({ selector, ports: [{ port: 80, nodePort: 30080 }] })).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });

  it("two ports with one nodePort and one protocol are duplicates", () => {
    const spec: ServiceSpec = {
      type: "NodePort",
      selector,
      ports: [
        { name: "a", port: 80, nodePort: 30080 },
        { name: "b", port: 81, nodePort: 30080 },
      ],
    };
    expect(check(spec)).toEqual(["spec.ports[1].nodePort: Duplicate value: 30080"]);
  });
});

describe("validateService: type, clusterIP and families", () => {
  it("an unknown type lists the supported ones", () => {
    expect(check({ type: "Foo" as "ClusterIP", selector, ports: [{ port: 80 }] })).toEqual([
      'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });

  it("a headless NodePort Service is refused", () => {
    expect(create({ type: "NodePort", clusterIP: "None", selector, ports: [{ port: 80 }] })).toEqual([
      "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services",
    ]);
  });

  it("a headless LoadBalancer Service is refused", () => {
    expect(create({ type: "LoadBalancer", clusterIP: "None", selector, ports: [{ port: 80 }] })).toEqual([
      "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for LoadBalancer services",
    ]);
  });

  it("an ExternalName Service may not carry a clusterIP", () => {
    expect(create({ type: "ExternalName", externalName: "db.example.com", clusterIP: "10.96.0.44" })).toEqual(
      ["spec.clusterIPs: Forbidden: may not be set for ExternalName services"],
    );
  });

  it("an ExternalName Service needs an externalName", () => {
    expect(create({ type: "ExternalName" })).toEqual(["spec.externalName: Required value"]);
  });

  it("an externalName must be a DNS subdomain", () => {
    expect(create({ type: "ExternalName", externalName: "-db.example.com" })).toEqual([
      "spec.externalName: Invalid value: \"-db.example.com\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  it("a malformed clusterIP is rejected during allocation with the IP message", () => {
    expect(create({ clusterIP: "10.96.0.300", selector, ports: [{ port: 80 }] })).toEqual([
      'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
  });

  it("an unknown ipFamily lists the supported ones", () => {
    expect(create({ ipFamilies: ["IPv5" as "IPv4"], selector, ports: [{ port: 80 }] })).toEqual([
      'spec.ipFamilies[0]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"',
    ]);
  });

  it("an unknown ipFamilyPolicy lists the supported ones", () => {
    expect(create({ ipFamilyPolicy: "Both" as "SingleStack", selector, ports: [{ port: 80 }] })).toEqual([
      'spec.ipFamilyPolicy: Unsupported value: "Both": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"',
    ]);
  });
});

describe("validateService: addresses, affinity, policies", () => {
  it("externalIPs may not be loopback addresses", () => {
    expect(check({ selector, externalIPs: ["127.0.0.1"], ports: [{ port: 80 }] })).toEqual([
      'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ]);
  });

  it("externalIPs may not be unspecified", () => {
    expect(check({ selector, externalIPs: ["0.0.0.0"], ports: [{ port: 80 }] })).toEqual([
      'spec.externalIPs[0]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)',
    ]);
  });

  it("externalIPs must be IP addresses", () => {
    expect(check({ selector, externalIPs: ["myhost"], ports: [{ port: 80 }] })).toEqual([
      'spec.externalIPs[0]: Invalid value: "myhost": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
  });

  it("a selector key with a space is not a label key", () => {
    expect(check({ selector: { "a b": "x" }, ports: [{ port: 80 }] })).toEqual([
      "spec.selector: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });

  it("an unknown sessionAffinity lists the supported ones", () => {
    expect(check({ sessionAffinity: "Sticky" as "None", selector, ports: [{ port: 80 }] })).toEqual([
      'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
    ]);
  });

  it("a ClientIP timeout above a day is refused", () => {
    const spec: ServiceSpec = {
      sessionAffinity: "ClientIP",
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 86401 } },
      selector,
      ports: [{ port: 80 }],
    };
    expect(check(spec)).toEqual([
      "spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400",
    ]);
  });

  it("loadBalancerSourceRanges are only for LoadBalancers, under the API server's capitalised path", () => {
    expect(check({ selector, loadBalancerSourceRanges: ["10.0.0.0/8"], ports: [{ port: 80 }] })).toEqual([
      "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
  });

  it("a loadBalancerSourceRange must be a CIDR", () => {
    const spec: ServiceSpec = {
      type: "LoadBalancer",
      selector,
      loadBalancerSourceRanges: ["10.0.0.0/33"],
      ports: [{ port: 80 }],
    };
    expect(create(spec)).toEqual([
      'spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
  });

  it("allocateLoadBalancerNodePorts on a NodePort Service is forbidden", () => {
    expect(
      check({ type: "NodePort", allocateLoadBalancerNodePorts: true, selector, ports: [{ port: 80 }] }),
    ).toEqual([
      "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
  });

  it("an undefaulted LoadBalancer misses allocateLoadBalancerNodePorts at the API server's spec-less path", () => {
    const spec: ServiceSpec = { type: "LoadBalancer", selector, ports: [{ port: 80 }] };
    expect(check(spec, (s) => delete s.spec.allocateLoadBalancerNodePorts)).toEqual([
      "allocateLoadBalancerNodePorts: Required value",
    ]);
  });

  it("loadBalancerClass on a ClusterIP Service is forbidden", () => {
    expect(check({ loadBalancerClass: "example.com/lb", selector, ports: [{ port: 80 }] })).toEqual([
      "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
  });

  it("externalTrafficPolicy on a plain ClusterIP Service is refused", () => {
    expect(check({ externalTrafficPolicy: "Local", selector, ports: [{ port: 80 }] })).toEqual([
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ]);
  });

  it("an unknown externalTrafficPolicy lists the supported ones", () => {
    expect(
      check({ type: "NodePort", externalTrafficPolicy: "Node" as "Local", selector, ports: [{ port: 80 }] }),
    ).toEqual([
      'spec.externalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"',
    ]);
  });

  it("healthCheckNodePort on a NodePort Service is refused", () => {
    expect(check({ type: "NodePort", healthCheckNodePort: 31000, selector, ports: [{ port: 80 }] })).toEqual([
      "spec.healthCheckNodePort: Invalid value: 31000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
    ]);
  });

  it("a LoadBalancer with eTP Local validated before allocation needs a healthCheckNodePort", () => {
    expect(
      check({ type: "LoadBalancer", externalTrafficPolicy: "Local", selector, ports: [{ port: 80 }] }),
    ).toEqual(["spec.healthCheckNodePort: Required value"]);
  });

  it("an unknown internalTrafficPolicy lists the supported ones", () => {
    expect(check({ internalTrafficPolicy: "Node" as "Local", selector, ports: [{ port: 80 }] })).toEqual([
      'spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"',
    ]);
  });

  it("an unknown trafficDistribution lists the three current values", () => {
    expect(check({ trafficDistribution: "Random", selector, ports: [{ port: 80 }] })).toEqual([
      'spec.trafficDistribution: Unsupported value: "Random": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"',
    ]);
  });

  it("topology-mode and topology-aware-hints must agree", () => {
    const errs = check({ selector, ports: [{ port: 80 }] }, (s) => {
      s.metadata.annotations = {
        "service.kubernetes.io/topology-mode": "Auto",
        "service.kubernetes.io/topology-aware-hints": "Disabled",
      };
    });
    expect(errs).toEqual([
      'metadata.annotations[service.kubernetes.io/topology-mode]: Invalid value: "Auto": must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified',
    ]);
  });

  it("errors come in the order ValidateService appends them", () => {
    expect(check({ type: "Foo" as "ClusterIP", sessionAffinity: "Sticky" as "None", selector })).toEqual([
      "spec.ports: Required value",
      'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
      'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });
});
