// Ported from kubernetes/kubernetes pkg/apis/core/validation/validation_test.go:
// TestValidateServiceCreate and TestValidateServiceExternalTrafficPolicy. Each case keeps its Go
// name. The Go tests only count errors (numErrs); here every expected error also names its field
// path and, where the Go source fixes it, the start of its message. Order is the order
// ValidateService appends errors in.
import { describe, expect, it } from "vitest";
import type { Service } from "../k8s";
import { lines } from "./testing";
import { validateServiceCreate, validateServiceExternalTrafficPolicy } from "./validate";

/** makeValidService (validation_test.go): an internal-API Service, not defaulted. */
function makeValidService(): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "valid", namespace: "valid", labels: {}, annotations: {} },
    spec: {
      selector: { key: "val" },
      sessionAffinity: "None",
      type: "ClusterIP",
      ports: [{ name: "p", protocol: "TCP", port: 8675, targetPort: 8675 }],
      internalTrafficPolicy: "Cluster",
    },
    status: {},
  };
}

/** Sets fields the TS types would refuse (bad enum values, empty strings), as Go tests do. */
const put = (target: object, fields: Record<string, unknown>) => Object.assign(target, fields);

type Case = [name: string, tweak: (s: Service) => void, expected: string[]];

/**
 * Every error line must start with the expected entry, followed by nothing or by ": " (so an entry
 * may be a bare field path or a path with the message or its start).
 */
function expectErrors(got: string[], expected: string[]) {
  expect(got.length, got.join("\n")).toBe(expected.length);
  got.forEach((line, i) => {
    const want = expected[i]!;
    const ok = line === want || (line.startsWith(want) && (want.includes(": ") || line[want.length] === ":"));
    expect(ok, `error ${i}: ${line}\nwanted: ${want}`).toBe(true);
  });
}

const IP_MSG = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
const CIDR_MSG = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";
const PORT_RANGE = "must be between 1 and 65535, inclusive";
const DNS1123_LABEL = "a lowercase RFC 1123 label must consist of";
const DNS1123_SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of";
const DNS1035 = "a DNS-1035 label must consist of";
const LB_ONLY = "may only be used when `type` is 'LoadBalancer'";
const SRC_RANGES_ANNOTATION = "metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]";

const lb = (s: Service) => {
  s.spec.type = "LoadBalancer";
  s.spec.externalTrafficPolicy = "Cluster";
  s.spec.allocateLoadBalancerNodePorts = true;
};
const nodePort = (s: Service) => {
  s.spec.type = "NodePort";
  s.spec.externalTrafficPolicy = "Cluster";
};
const addPort = (s: Service, name: string, port: number, protocol = "TCP", nodePort = 0, target = port) =>
  s.spec.ports!.push(
    put({ name, port, targetPort: target }, { protocol, ...(nodePort ? { nodePort } : {}) }) as {
      port: number;
    },
  );
const ips = (s: Service, clusterIP: string, clusterIPs: string[]) => {
  s.spec.clusterIP = clusterIP;
  s.spec.clusterIPs = clusterIPs;
};
const requireDual = (s: Service) => {
  s.spec.ipFamilyPolicy = "RequireDualStack";
};

// TestValidateServiceCreate, in the Go file's order.
const createCases: Case[] = [
  ["missing namespace", (s) => (s.metadata.namespace = ""), ["metadata.namespace: Required value"]],
  [
    "invalid namespace",
    (s) => (s.metadata.namespace = "-123"),
    [`metadata.namespace: Invalid value: "-123": ${DNS1123_LABEL}`],
  ],
  [
    "missing name",
    (s) => (s.metadata.name = ""),
    ["metadata.name: Required value: name or generateName is required"],
  ],
  ["invalid name", (s) => (s.metadata.name = "-123"), [`metadata.name: Invalid value: "-123": ${DNS1035}`]],
  [
    "too long name",
    (s) => (s.metadata.name = "a".repeat(64)),
    [`metadata.name: Invalid value: "${"a".repeat(64)}": must be no more than 63 characters`],
  ],
  [
    "invalid generateName",
    (s) => (s.metadata.generateName = "-123"),
    [`metadata.generateName: Invalid value: "-123": ${DNS1035}`],
  ],
  [
    "too long generateName",
    (s) => (s.metadata.generateName = "a".repeat(64)),
    ["metadata.generateName: Invalid value:"],
  ],
  [
    "invalid label",
    (s) => (s.metadata.labels!["NoUppercaseOrSpecialCharsLike=Equals"] = "bar"),
    ['metadata.labels: Invalid value: "NoUppercaseOrSpecialCharsLike=Equals": name part must consist of'],
  ],
  [
    "invalid annotation",
    (s) => (s.metadata.annotations!["NoSpecialCharsLike=Equals"] = "bar"),
    ['metadata.annotations: Invalid value: "NoSpecialCharsLike=Equals": name part must consist of'],
  ],
  ["nil selector", (s) => delete s.spec.selector, []],
  [
    "invalid selector",
    (s) => (s.spec.selector!["NoSpecialCharsLike=Equals"] = "bar"),
    ['spec.selector: Invalid value: "NoSpecialCharsLike=Equals": name part must consist of'],
  ],
  [
    "missing session affinity",
    (s) => put(s.spec, { sessionAffinity: "" }),
    ["spec.sessionAffinity: Required value"],
  ],
  ["missing type", (s) => put(s.spec, { type: "" }), ["spec.type: Required value"]],
  ["missing ports", (s) => delete s.spec.ports, ["spec.ports: Required value"]],
  [
    "missing ports but headless",
    (s) => {
      delete s.spec.ports;
      ips(s, "None", ["None"]);
    },
    [],
  ],
  ["empty port[0] name", (s) => (s.spec.ports![0]!.name = ""), []],
  ["empty port[1] name", (s) => addPort(s, "", 12345), ["spec.ports[1].name: Required value"]],
  [
    "empty multi-port port[0] name",
    (s) => {
      s.spec.ports![0]!.name = "";
      addPort(s, "p", 12345);
    },
    ["spec.ports[0].name: Required value"],
  ],
  [
    "invalid port name",
    (s) => (s.spec.ports![0]!.name = "INVALID"),
    [`spec.ports[0].name: Invalid value: "INVALID": ${DNS1123_LABEL}`],
  ],
  [
    "missing protocol",
    (s) => put(s.spec.ports![0]!, { protocol: "" }),
    ["spec.ports[0].protocol: Required value"],
  ],
  [
    "invalid protocol",
    (s) => put(s.spec.ports![0]!, { protocol: "INVALID" }),
    ['spec.ports[0].protocol: Unsupported value: "INVALID": supported values: "SCTP", "TCP", "UDP"'],
  ],
  [
    "invalid cluster ip",
    (s) => ips(s, "invalid", ["invalid"]),
    [`spec.clusterIPs[0]: Invalid value: "invalid": ${IP_MSG}`],
  ],
  [
    "missing port",
    (s) => (s.spec.ports![0]!.port = 0),
    [`spec.ports[0].port: Invalid value: 0: ${PORT_RANGE}`],
  ],
  [
    "invalid port",
    (s) => (s.spec.ports![0]!.port = 65536),
    [`spec.ports[0].port: Invalid value: 65536: ${PORT_RANGE}`],
  ],
  [
    "invalid TargetPort int",
    (s) => (s.spec.ports![0]!.targetPort = 65536),
    [`spec.ports[0].targetPort: Invalid value: 65536: ${PORT_RANGE}`],
  ],
  [
    "valid port headless",
    (s) => {
      s.spec.ports![0]!.port = 11722;
      s.spec.ports![0]!.targetPort = 11722;
      ips(s, "None", ["None"]);
    },
    [],
  ],
  // In the v1 API, targetPorts on headless services are tolerated (the Go check is commented out).
  [
    "invalid port headless 1",
    (s) => {
      s.spec.ports![0]!.port = 11722;
      s.spec.ports![0]!.targetPort = 11721;
      ips(s, "None", ["None"]);
    },
    [],
  ],
  [
    "invalid port headless 2",
    (s) => {
      s.spec.ports![0]!.port = 11722;
      s.spec.ports![0]!.targetPort = "target";
      ips(s, "None", ["None"]);
    },
    [],
  ],
  [
    "invalid publicIPs localhost",
    (s) => {
      s.spec.externalTrafficPolicy = "Cluster";
      s.spec.externalIPs = ["127.0.0.1"];
    },
    [
      'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ],
  ],
  [
    "invalid publicIPs unspecified",
    (s) => {
      s.spec.externalTrafficPolicy = "Cluster";
      s.spec.externalIPs = ["0.0.0.0"];
    },
    ['spec.externalIPs[0]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)'],
  ],
  [
    "invalid publicIPs loopback",
    (s) => {
      s.spec.externalTrafficPolicy = "Cluster";
      s.spec.externalIPs = ["127.0.0.1"];
    },
    [
      'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ],
  ],
  [
    "invalid publicIPs host",
    (s) => {
      s.spec.externalTrafficPolicy = "Cluster";
      s.spec.externalIPs = ["myhost.mydomain"];
    },
    [`spec.externalIPs[0]: Invalid value: "myhost.mydomain": ${IP_MSG}`],
  ],
  [
    "valid publicIPs",
    (s) => {
      s.spec.externalTrafficPolicy = "Cluster";
      s.spec.externalIPs = ["1.2.3.4"];
    },
    [],
  ],
  [
    "dup port name",
    (s) => {
      s.spec.ports![0]!.name = "p";
      addPort(s, "p", 12345);
    },
    ['spec.ports[1].name: Duplicate value: "p"'],
  ],
  [
    "valid load balancer protocol UDP 1",
    (s) => {
      lb(s);
      s.spec.ports![0]!.protocol = "UDP";
    },
    [],
  ],
  [
    "valid load balancer protocol UDP 2",
    (s) => {
      lb(s);
      s.spec.ports![0] = { name: "q", port: 12345, protocol: "UDP", targetPort: 12345 };
    },
    [],
  ],
  [
    "load balancer with mix protocol",
    (s) => {
      lb(s);
      addPort(s, "q", 12345, "UDP");
    },
    [],
  ],
  ["valid 1", () => {}, []],
  [
    "valid 2",
    (s) => {
      s.spec.ports![0]!.protocol = "UDP";
      s.spec.ports![0]!.targetPort = 12345;
    },
    [],
  ],
  ["valid 3", (s) => (s.spec.ports![0]!.targetPort = "http"), []],
  ["valid cluster ip - none ", (s) => ips(s, "None", ["None"]), []],
  [
    "valid cluster ip - empty",
    (s) => {
      delete s.spec.clusterIPs;
      s.spec.ports![0]!.targetPort = "http";
    },
    [],
  ],
  ["valid type - clusterIP", (s) => (s.spec.type = "ClusterIP"), []],
  ["valid type - loadbalancer", lb, []],
  [
    "valid type - loadbalancer with allocateLoadBalancerNodePorts=false",
    (s) => {
      lb(s);
      s.spec.allocateLoadBalancerNodePorts = false;
    },
    [],
  ],
  [
    "invalid type - missing AllocateLoadBalancerNodePorts for loadbalancer type",
    (s) => {
      s.spec.type = "LoadBalancer";
      s.spec.externalTrafficPolicy = "Cluster";
    },
    // The path really lacks "spec." (field.NewPath("allocateLoadBalancerNodePorts")).
    ["allocateLoadBalancerNodePorts: Required value"],
  ],
  [
    "valid type loadbalancer 2 ports",
    (s) => {
      lb(s);
      addPort(s, "q", 12345);
    },
    [],
  ],
  [
    "valid external load balancer 2 ports",
    (s) => {
      lb(s);
      addPort(s, "q", 12345);
    },
    [],
  ],
  [
    "duplicate nodeports",
    (s) => {
      nodePort(s);
      addPort(s, "q", 1, "TCP", 1);
      addPort(s, "r", 2, "TCP", 1);
    },
    ["spec.ports[2].nodePort: Duplicate value: 1"],
  ],
  [
    "duplicate nodeports (different protocols)",
    (s) => {
      nodePort(s);
      addPort(s, "q", 1, "TCP", 1);
      addPort(s, "r", 2, "UDP", 1);
      addPort(s, "s", 3, "SCTP", 1);
    },
    [],
  ],
  [
    "invalid duplicate ports (with same protocol)",
    (s) => {
      s.spec.type = "ClusterIP";
      addPort(s, "q", 12345, "TCP", 0, 8080);
      addPort(s, "r", 12345, "TCP", 0, 80);
    },
    ["spec.ports[2]: Duplicate value:"],
  ],
  [
    "valid duplicate ports (with different protocols)",
    (s) => {
      s.spec.type = "ClusterIP";
      addPort(s, "q", 12345, "TCP", 0, 8080);
      addPort(s, "r", 12345, "UDP", 0, 80);
      addPort(s, "s", 12345, "SCTP", 0, 8088);
    },
    [],
  ],
  ["valid type - cluster", (s) => (s.spec.type = "ClusterIP"), []],
  ["valid type - nodeport", nodePort, []],
  ["valid type - loadbalancer with allocateLoadBalancerNodePorts=true", lb, []],
  [
    "valid type loadbalancer 2 ports",
    (s) => {
      lb(s);
      addPort(s, "q", 12345);
    },
    [],
  ],
  [
    "valid type loadbalancer with NodePort",
    (s) => {
      lb(s);
      addPort(s, "q", 12345, "TCP", 12345);
    },
    [],
  ],
  [
    "valid type=NodePort service with NodePort",
    (s) => {
      nodePort(s);
      addPort(s, "q", 12345, "TCP", 12345);
    },
    [],
  ],
  [
    "valid type=NodePort service without NodePort",
    (s) => {
      nodePort(s);
      addPort(s, "q", 12345);
    },
    [],
  ],
  [
    "valid cluster service without NodePort",
    (s) => {
      s.spec.type = "ClusterIP";
      addPort(s, "q", 12345);
    },
    [],
  ],
  [
    "invalid cluster service with NodePort",
    (s) => {
      s.spec.type = "ClusterIP";
      addPort(s, "q", 12345, "TCP", 12345);
    },
    ["spec.ports[1].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
  ],
  [
    "invalid public service with duplicate NodePort",
    (s) => {
      nodePort(s);
      addPort(s, "p1", 1, "TCP", 1);
      addPort(s, "p2", 2, "TCP", 1);
    },
    ["spec.ports[2].nodePort: Duplicate value: 1"],
  ],
  [
    "valid type=LoadBalancer",
    (s) => {
      lb(s);
      addPort(s, "q", 12345);
    },
    [],
  ],
  // The old rule against exposing the kubelet's port 10250 is gone.
  [
    "valid port type=LoadBalancer",
    (s) => {
      lb(s);
      addPort(s, "kubelet", 10250, "TCP", 0, 12345);
    },
    [],
  ],
  [
    "valid LoadBalancer source range annotation",
    (s) => {
      lb(s);
      s.metadata.annotations!["service.beta.kubernetes.io/load-balancer-source-ranges"] =
        "1.2.3.0/24,  5.6.0.0/16";
    },
    [],
  ],
  [
    "valid empty LoadBalancer source range annotation",
    (s) => {
      lb(s);
      s.metadata.annotations!["service.beta.kubernetes.io/load-balancer-source-ranges"] = "";
    },
    [],
  ],
  [
    "valid whitespace-only LoadBalancer source range annotation",
    (s) => {
      lb(s);
      s.metadata.annotations!["service.beta.kubernetes.io/load-balancer-source-ranges"] = "  ";
    },
    [],
  ],
  [
    "invalid LoadBalancer source range annotation (hostname)",
    (s) => {
      lb(s);
      s.metadata.annotations!["service.beta.kubernetes.io/load-balancer-source-ranges"] = "foo.bar";
    },
    [`${SRC_RANGES_ANNOTATION}: Invalid value: "foo.bar": ${CIDR_MSG}`],
  ],
  [
    "invalid LoadBalancer source range annotation (invalid CIDR)",
    (s) => {
      lb(s);
      s.metadata.annotations!["service.beta.kubernetes.io/load-balancer-source-ranges"] = "1.2.3.4/33";
    },
    [`${SRC_RANGES_ANNOTATION}: Invalid value: "1.2.3.4/33": ${CIDR_MSG}`],
  ],
  [
    "invalid LoadBalancer source range annotation for non LoadBalancer type service",
    (s) => (s.metadata.annotations!["service.beta.kubernetes.io/load-balancer-source-ranges"] = "1.2.3.0/24"),
    [`${SRC_RANGES_ANNOTATION}: Forbidden: ${LB_ONLY}`],
  ],
  [
    "invalid empty-but-set LoadBalancer source range annotation for non LoadBalancer type service",
    (s) => (s.metadata.annotations!["service.beta.kubernetes.io/load-balancer-source-ranges"] = ""),
    [`${SRC_RANGES_ANNOTATION}: Forbidden: ${LB_ONLY}`],
  ],
  [
    "valid LoadBalancer source range",
    (s) => {
      lb(s);
      s.spec.loadBalancerSourceRanges = ["1.2.3.0/24", "5.6.0.0/16"];
    },
    [],
  ],
  [
    "valid LoadBalancer source range with whitespace",
    (s) => {
      lb(s);
      s.spec.loadBalancerSourceRanges = ["1.2.3.0/24  ", " 5.6.0.0/16"];
    },
    [],
  ],
  [
    "invalid empty LoadBalancer source range",
    (s) => {
      lb(s);
      s.spec.loadBalancerSourceRanges = ["   "];
    },
    [`spec.LoadBalancerSourceRanges[0]: Invalid value: "": ${CIDR_MSG}`],
  ],
  [
    "invalid LoadBalancer source range (hostname)",
    (s) => {
      lb(s);
      s.spec.loadBalancerSourceRanges = ["foo.bar"];
    },
    [`spec.LoadBalancerSourceRanges[0]: Invalid value: "foo.bar": ${CIDR_MSG}`],
  ],
  [
    "invalid LoadBalancer source range (invalid CIDR)",
    (s) => {
      lb(s);
      s.spec.loadBalancerSourceRanges = ["1.2.3.4/33"];
    },
    [`spec.LoadBalancerSourceRanges[0]: Invalid value: "1.2.3.4/33": ${CIDR_MSG}`],
  ],
  [
    "invalid source range for non LoadBalancer type service",
    (s) => (s.spec.loadBalancerSourceRanges = ["1.2.3.0/24", "5.6.0.0/16"]),
    [`spec.LoadBalancerSourceRanges: Forbidden: ${LB_ONLY}`],
  ],
  [
    "invalid source range annotation ignored with valid source range field",
    (s) => {
      lb(s);
      s.metadata.annotations!["service.beta.kubernetes.io/load-balancer-source-ranges"] = "foo.bar";
      s.spec.loadBalancerSourceRanges = ["1.2.3.0/24", "5.6.0.0/16"];
    },
    [],
  ],
  [
    "valid ExternalName",
    (s) => {
      s.spec.type = "ExternalName";
      s.spec.externalName = "foo.bar.example.com";
    },
    [],
  ],
  [
    "valid ExternalName (trailing dot)",
    (s) => {
      s.spec.type = "ExternalName";
      s.spec.externalName = "foo.bar.example.com.";
    },
    [],
  ],
  [
    "invalid ExternalName clusterIP (valid IP)",
    (s) => {
      s.spec.type = "ExternalName";
      ips(s, "1.2.3.4", ["1.2.3.4"]);
      s.spec.externalName = "foo.bar.example.com";
    },
    ["spec.clusterIPs: Forbidden: may not be set for ExternalName services"],
  ],
  [
    "invalid ExternalName clusterIP (None)",
    (s) => {
      s.spec.type = "ExternalName";
      ips(s, "None", ["None"]);
      s.spec.externalName = "foo.bar.example.com";
    },
    ["spec.clusterIPs: Forbidden: may not be set for ExternalName services"],
  ],
  [
    "invalid ExternalName (not a DNS name)",
    (s) => {
      s.spec.type = "ExternalName";
      s.spec.externalName = "-123";
    },
    [`spec.externalName: Invalid value: "-123": ${DNS1123_SUBDOMAIN}`],
  ],
  [
    "LoadBalancer type cannot have None ClusterIP",
    (s) => {
      ips(s, "None", ["None"]);
      lb(s);
    },
    ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for LoadBalancer services"],
  ],
  [
    "invalid node port with clusterIP None",
    (s) => {
      nodePort(s);
      addPort(s, "q", 1, "TCP", 1);
      ips(s, "None", ["None"]);
    },
    ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"],
  ],
  // ESIPP section begins.
  [
    "invalid externalTraffic field",
    (s) => {
      s.spec.type = "LoadBalancer";
      s.spec.allocateLoadBalancerNodePorts = true;
      put(s.spec, { externalTrafficPolicy: "invalid" });
    },
    ['spec.externalTrafficPolicy: Unsupported value: "invalid": supported values: "Cluster", "Local"'],
  ],
  [
    "nil internalTraffic field when feature gate is on",
    (s) => delete s.spec.internalTrafficPolicy,
    ["spec.internalTrafficPolicy: Required value"],
  ],
  [
    "internalTrafficPolicy field nil when type is ExternalName",
    (s) => {
      delete s.spec.internalTrafficPolicy;
      s.spec.type = "ExternalName";
      s.spec.externalName = "foo.bar.com";
    },
    [],
  ],
  // Tolerated for clusters that stored it before 1.22.
  [
    "internalTrafficPolicy field is set when type is ExternalName",
    (s) => {
      s.spec.internalTrafficPolicy = "Cluster";
      s.spec.type = "ExternalName";
      s.spec.externalName = "foo.bar.com";
    },
    [],
  ],
  [
    "invalid internalTraffic field",
    (s) => put(s.spec, { internalTrafficPolicy: "invalid" }),
    ['spec.internalTrafficPolicy: Unsupported value: "invalid": supported values: "Cluster", "Local"'],
  ],
  ["internalTrafficPolicy field set to Cluster", (s) => (s.spec.internalTrafficPolicy = "Cluster"), []],
  ["internalTrafficPolicy field set to Local", (s) => (s.spec.internalTrafficPolicy = "Local"), []],
  [
    "negative healthCheckNodePort field",
    (s) => {
      s.spec.type = "LoadBalancer";
      s.spec.allocateLoadBalancerNodePorts = true;
      s.spec.externalTrafficPolicy = "Local";
      s.spec.healthCheckNodePort = -1;
    },
    [`spec.healthCheckNodePort: Invalid value: -1: ${PORT_RANGE}`],
  ],
  // The Go file reuses the name for a valid healthCheckNodePort.
  [
    "negative healthCheckNodePort field",
    (s) => {
      s.spec.type = "LoadBalancer";
      s.spec.allocateLoadBalancerNodePorts = true;
      s.spec.externalTrafficPolicy = "Local";
      s.spec.healthCheckNodePort = 31100;
    },
    [],
  ],
  // ESIPP section ends.
  [
    "invalid timeoutSeconds field",
    (s) => {
      s.spec.type = "ClusterIP";
      s.spec.sessionAffinity = "ClientIP";
      s.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: -1 } };
    },
    [
      "spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: -1: must be greater than 0 and less than 86400",
    ],
  ],
  [
    "sessionAffinityConfig can't be set when session affinity is None",
    (s) => {
      lb(s);
      s.spec.sessionAffinity = "None";
      s.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 90 } };
    },
    ["spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None"],
  ],
  // ip families validation
  [
    "invalid, service with invalid ipFamilies",
    (s) => put(s.spec, { ipFamilies: ["not-a-valid-ip-family"] }),
    ['spec.ipFamilies[0]: Unsupported value: "not-a-valid-ip-family": supported values: "IPv4", "IPv6"'],
  ],
  [
    "invalid, service with invalid ipFamilies (2nd)",
    (s) => {
      requireDual(s);
      put(s.spec, { ipFamilies: ["IPv4", "not-a-valid-ip-family"] });
    },
    ['spec.ipFamilies[1]: Unsupported value: "not-a-valid-ip-family": supported values: "IPv4", "IPv6"'],
  ],
  // Validated in the allocation code, not here.
  [
    "IPFamilyPolicy(singleStack) is set for two families",
    (s) => {
      s.spec.ipFamilyPolicy = "SingleStack";
      s.spec.ipFamilies = ["IPv4", "IPv6"];
    },
    [],
  ],
  [
    "valid, IPFamilyPolicy(preferDualStack) is set for two families (note: alloc sets families)",
    (s) => {
      s.spec.ipFamilyPolicy = "PreferDualStack";
      s.spec.ipFamilies = ["IPv4", "IPv6"];
    },
    [],
  ],
  [
    "invalid, service with 2+ ipFamilies",
    (s) => {
      requireDual(s);
      s.spec.ipFamilies = ["IPv4", "IPv6", "IPv4"];
    },
    ['spec.ipFamilies[2]: Duplicate value: "IPv4"'],
  ],
  [
    "invalid, service with same ip families",
    (s) => {
      requireDual(s);
      s.spec.ipFamilies = ["IPv6", "IPv6"];
    },
    ['spec.ipFamilies[1]: Duplicate value: "IPv6"'],
  ],
  ["valid, nil service ipFamilies", (s) => delete s.spec.ipFamilies, []],
  ["valid, service with valid ipFamilies (v4)", (s) => (s.spec.ipFamilies = ["IPv4"]), []],
  ["valid, service with valid ipFamilies (v6)", (s) => (s.spec.ipFamilies = ["IPv6"]), []],
  [
    "valid, service with valid ipFamilies(v4,v6)",
    (s) => {
      requireDual(s);
      s.spec.ipFamilies = ["IPv4", "IPv6"];
    },
    [],
  ],
  [
    "valid, service with valid ipFamilies(v6,v4)",
    (s) => {
      requireDual(s);
      s.spec.ipFamilies = ["IPv6", "IPv4"];
    },
    [],
  ],
  [
    "valid, service preferred dual stack with single family",
    (s) => {
      s.spec.ipFamilyPolicy = "PreferDualStack";
      s.spec.ipFamilies = ["IPv6"];
    },
    [],
  ],
  // cluster IPs. some tests are redundant
  [
    "invalid, garbage single ip",
    (s) => ips(s, "garbage-ip", ["garbage-ip"]),
    [`spec.clusterIPs[0]: Invalid value: "garbage-ip": ${IP_MSG}`],
  ],
  [
    "invalid, garbage ips",
    (s) => {
      requireDual(s);
      ips(s, "garbage-ip", ["garbage-ip", "garbage-second-ip"]);
    },
    [
      `spec.clusterIPs[0]: Invalid value: "garbage-ip": ${IP_MSG}`,
      `spec.clusterIPs[1]: Invalid value: "garbage-second-ip": ${IP_MSG}`,
    ],
  ],
  [
    "invalid, garbage first ip",
    (s) => {
      requireDual(s);
      ips(s, "garbage-ip", ["garbage-ip", "2001::1"]);
    },
    [`spec.clusterIPs[0]: Invalid value: "garbage-ip": ${IP_MSG}`],
  ],
  [
    "invalid, garbage second ip",
    (s) => {
      requireDual(s);
      ips(s, "2001::1", ["2001::1", "garbage-ip"]);
    },
    [`spec.clusterIPs[1]: Invalid value: "garbage-ip": ${IP_MSG}`],
  ],
  [
    "invalid, NONE + IP",
    (s) => {
      requireDual(s);
      ips(s, "None", ["None", "2001::1"]);
    },
    ["spec.clusterIPs: Invalid value:"],
  ],
  [
    "invalid, IP + NONE",
    (s) => {
      requireDual(s);
      ips(s, "2001::1", ["2001::1", "None"]);
    },
    [`spec.clusterIPs[1]: Invalid value: "None": ${IP_MSG}`],
  ],
  [
    "invalid, EMPTY STRING + IP",
    (s) => {
      requireDual(s);
      ips(s, "", ["", "2001::1"]);
    },
    ["spec.clusterIPs: Invalid value:", `spec.clusterIPs[0]: Invalid value: "": ${IP_MSG}`],
  ],
  [
    "invalid, IP + EMPTY STRING",
    (s) => {
      requireDual(s);
      ips(s, "2001::1", ["2001::1", ""]);
    },
    [`spec.clusterIPs[1]: Invalid value: "": ${IP_MSG}`],
  ],
  [
    "invalid, same ip family (v6)",
    (s) => {
      requireDual(s);
      ips(s, "2001::1", ["2001::1", "2001::4"]);
      s.spec.ipFamilies = ["IPv4", "IPv6"];
    },
    [
      "spec.clusterIPs: Invalid value:",
      'spec.clusterIPs[0]: Invalid value: "2001::1": expected an IPv4 value as indicated by `ipFamilies[0]`',
    ],
  ],
  [
    "invalid, same ip family (v4)",
    (s) => {
      requireDual(s);
      ips(s, "10.0.0.1", ["10.0.0.1", "10.0.0.10"]);
      s.spec.ipFamilies = ["IPv4", "IPv6"];
    },
    [
      "spec.clusterIPs: Invalid value:",
      'spec.clusterIPs[1]: Invalid value: "10.0.0.10": expected an IPv6 value as indicated by `ipFamilies[1]`',
    ],
  ],
  [
    "invalid, more than two ips",
    (s) => {
      requireDual(s);
      ips(s, "10.0.0.1", ["10.0.0.1", "2001::1", "10.0.0.10"]);
      s.spec.ipFamilies = ["IPv4", "IPv6"];
    },
    ["spec.clusterIPs: Invalid value:"],
  ],
  [
    " multi ip, dualstack not set (request for downgrade)",
    (s) => {
      s.spec.ipFamilyPolicy = "SingleStack";
      ips(s, "10.0.0.1", ["10.0.0.1", "2001::1"]);
      s.spec.ipFamilies = ["IPv4", "IPv6"];
    },
    [],
  ],
  [
    "valid, headless-no-selector + multi family + gate off",
    (s) => {
      requireDual(s);
      ips(s, "None", ["None"]);
      s.spec.ipFamilies = ["IPv4", "IPv6"];
      delete s.spec.selector;
    },
    [],
  ],
  [
    "valid, multi ip, single ipfamilies preferDualStack",
    (s) => {
      s.spec.ipFamilyPolicy = "PreferDualStack";
      ips(s, "10.0.0.1", ["10.0.0.1", "2001::1"]);
      s.spec.ipFamilies = ["IPv4"];
    },
    [],
  ],
  [
    "valid, multi ip, single ipfamilies (must match when provided) + requireDualStack",
    (s) => {
      requireDual(s);
      ips(s, "10.0.0.1", ["10.0.0.1", "2001::1"]);
      s.spec.ipFamilies = ["IPv4"];
    },
    [],
  ],
  [
    "invalid, families don't match (v4=>v6)",
    (s) => {
      ips(s, "10.0.0.1", ["10.0.0.1"]);
      s.spec.ipFamilies = ["IPv6"];
    },
    ['spec.clusterIPs[0]: Invalid value: "10.0.0.1": expected an IPv6 value as indicated by `ipFamilies[0]`'],
  ],
  [
    "invalid, families don't match (v6=>v4)",
    (s) => {
      ips(s, "2001::1", ["2001::1"]);
      s.spec.ipFamilies = ["IPv4"];
    },
    ['spec.clusterIPs[0]: Invalid value: "2001::1": expected an IPv4 value as indicated by `ipFamilies[0]`'],
  ],
  ["valid. no field set", () => {}, []],
  [
    "valid, single ip",
    (s) => {
      s.spec.ipFamilyPolicy = "SingleStack";
      ips(s, "10.0.0.1", ["10.0.0.1"]);
    },
    [],
  ],
  [
    "valid, single family",
    (s) => {
      s.spec.ipFamilyPolicy = "SingleStack";
      s.spec.ipFamilies = ["IPv6"];
    },
    [],
  ],
  [
    "valid, single ip + single family",
    (s) => {
      s.spec.ipFamilyPolicy = "SingleStack";
      ips(s, "2001::1", ["2001::1"]);
      s.spec.ipFamilies = ["IPv6"];
    },
    [],
  ],
  [
    "valid, single ip + single family (dual stack requested)",
    (s) => {
      s.spec.ipFamilyPolicy = "PreferDualStack";
      ips(s, "2001::1", ["2001::1"]);
      s.spec.ipFamilies = ["IPv6"];
    },
    [],
  ],
  [
    "valid, single ip, multi ipfamilies",
    (s) => {
      requireDual(s);
      ips(s, "10.0.0.1", ["10.0.0.1"]);
      s.spec.ipFamilies = ["IPv4", "IPv6"];
    },
    [],
  ],
  [
    "valid, multi ips, multi ipfamilies (4,6)",
    (s) => {
      requireDual(s);
      ips(s, "10.0.0.1", ["10.0.0.1", "2001::1"]);
      s.spec.ipFamilies = ["IPv4", "IPv6"];
    },
    [],
  ],
  [
    "valid, ips, multi ipfamilies (6,4)",
    (s) => {
      requireDual(s);
      ips(s, "2001::1", ["2001::1", "10.0.0.1"]);
      s.spec.ipFamilies = ["IPv6", "IPv4"];
    },
    [],
  ],
  [
    "valid, multi ips (6,4)",
    (s) => {
      requireDual(s);
      ips(s, "2001::1", ["2001::1", "10.0.0.1"]);
    },
    [],
  ],
  [
    "valid, multi ipfamilies (6,4)",
    (s) => {
      requireDual(s);
      s.spec.ipFamilies = ["IPv6", "IPv4"];
    },
    [],
  ],
  [
    "valid, multi ips (4,6)",
    (s) => {
      requireDual(s);
      ips(s, "10.0.0.1", ["10.0.0.1", "2001::1"]);
    },
    [],
  ],
  [
    "valid,  multi ipfamilies (4,6)",
    (s) => {
      requireDual(s);
      s.spec.ipFamilies = ["IPv4", "IPv6"];
    },
    [],
  ],
  ["valid, dual stack", requireDual, []],
  [
    "valid appProtocol",
    (s) => (s.spec.ports = [{ port: 12345, targetPort: 12345, protocol: "TCP", appProtocol: "HTTP" }]),
    [],
  ],
  [
    "valid custom appProtocol",
    (s) =>
      (s.spec.ports = [
        { port: 12345, targetPort: 12345, protocol: "TCP", appProtocol: "example.com/protocol" },
      ]),
    [],
  ],
  [
    "invalid appProtocol",
    (s) =>
      (s.spec.ports = [
        {
          port: 12345,
          targetPort: 12345,
          protocol: "TCP",
          appProtocol: "example.com/protocol_with{invalid}[characters]",
        },
      ]),
    [
      'spec.ports[0].appProtocol: Invalid value: "example.com/protocol_with{invalid}[characters]": name part must consist of',
    ],
  ],
  [
    "invalid cluster ip != clusterIP in multi ip service",
    (s) => {
      requireDual(s);
      ips(s, "10.0.0.10", ["10.0.0.1", "2001::1"]);
    },
    ["spec.clusterIPs: Invalid value:"],
  ],
  [
    "invalid cluster ip != clusterIP in single ip service",
    (s) => ips(s, "10.0.0.10", ["10.0.0.1"]),
    ["spec.clusterIPs: Invalid value:"],
  ],
  [
    "Use AllocateLoadBalancerNodePorts when type is not LoadBalancer",
    (s) => (s.spec.allocateLoadBalancerNodePorts = true),
    [`spec.allocateLoadBalancerNodePorts: Forbidden: ${LB_ONLY}`],
  ],
  [
    "valid LoadBalancerClass when type is LoadBalancer",
    (s) => {
      lb(s);
      s.spec.loadBalancerClass = "test.com/test-load-balancer-class";
    },
    [],
  ],
  [
    "invalid LoadBalancerClass",
    (s) => {
      lb(s);
      s.spec.loadBalancerClass = "Bad/LoadBalancerClass";
    },
    [`spec.loadBalancerClass: Invalid value: "Bad/LoadBalancerClass": prefix part ${DNS1123_SUBDOMAIN}`],
  ],
  [
    "invalid: set LoadBalancerClass when type is not LoadBalancer",
    (s) => {
      s.spec.type = "ClusterIP";
      s.spec.loadBalancerClass = "test.com/test-load-balancer-class";
    },
    [`spec.loadBalancerClass: Forbidden: ${LB_ONLY}`],
  ],
  [
    "topology annotations are mismatched",
    (s) => {
      s.metadata.annotations!["service.kubernetes.io/topology-aware-hints"] = "original";
      s.metadata.annotations!["service.kubernetes.io/topology-mode"] = "different";
    },
    [
      'metadata.annotations[service.kubernetes.io/topology-mode]: Invalid value: "different": must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified',
    ],
  ],
  [
    "valid: trafficDistribution field set to PreferClose",
    (s) => (s.spec.trafficDistribution = "PreferClose"),
    [],
  ],
  [
    "invalid: trafficDistribution field set to Random",
    (s) => (s.spec.trafficDistribution = "Random"),
    // PreferSameTrafficDistribution is on by default since 1.34 (beta), so all three are listed.
    [
      'spec.trafficDistribution: Unsupported value: "Random": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"',
    ],
  ],
];

describe("TestValidateServiceCreate (validation_test.go)", () => {
  it.each(createCases)("%s", (_name, tweak, expected) => {
    const svc = makeValidService();
    tweak(svc);
    expectErrors(lines(validateServiceCreate(svc)), expected);
  });

  it("invalid, NONE + IP: the bad value is the whole clusterIPs list", () => {
    const svc = makeValidService();
    requireDual(svc);
    ips(svc, "None", ["None", "2001::1"]);
    expect(lines(validateServiceCreate(svc))).toEqual([
      'spec.clusterIPs: Invalid value: ["None","2001::1"]: \'None\' must be the first and only value',
    ]);
  });

  it("ClusterIPs messages name the rule broken", () => {
    const detail = (tweak: (s: Service) => void) => {
      const svc = makeValidService();
      tweak(svc);
      return lines(validateServiceCreate(svc));
    };
    expect(detail((s) => ips(s, "10.0.0.10", ["10.0.0.1"]))).toEqual([
      'spec.clusterIPs: Invalid value: ["10.0.0.1"]: first value must match `clusterIP`',
    ]);
    expect(
      detail((s) => {
        requireDual(s);
        ips(s, "", ["", "2001::1"]);
      })[0],
    ).toBe('spec.clusterIPs: Invalid value: ["","2001::1"]: must be empty when `clusterIP` is not specified');
    expect(
      detail((s) => {
        requireDual(s);
        ips(s, "10.0.0.1", ["10.0.0.1", "2001::1", "10.0.0.10"]);
      }),
    ).toEqual([
      'spec.clusterIPs: Invalid value: ["10.0.0.1","2001::1","10.0.0.10"]: may only hold up to 2 values',
    ]);
    expect(
      detail((s) => {
        requireDual(s);
        ips(s, "10.0.0.1", ["10.0.0.1", "10.0.0.10"]);
      }),
    ).toEqual([
      'spec.clusterIPs: Invalid value: ["10.0.0.1","10.0.0.10"]: may specify no more than one IP for each IP family',
    ]);
  });
});

// TestValidateServiceExternalTrafficPolicy: validateServiceExternalTrafficPolicy alone.
const etpCases: Case[] = [
  [
    "valid loadBalancer service with externalTrafficPolicy and healthCheckNodePort set",
    (s) => {
      s.spec.type = "LoadBalancer";
      s.spec.allocateLoadBalancerNodePorts = true;
      s.spec.externalTrafficPolicy = "Local";
      s.spec.healthCheckNodePort = 34567;
    },
    [],
  ],
  [
    "valid nodePort service with externalTrafficPolicy set",
    (s) => {
      s.spec.type = "NodePort";
      s.spec.externalTrafficPolicy = "Local";
    },
    [],
  ],
  [
    "valid clusterIP service with none of externalTrafficPolicy and healthCheckNodePort set",
    (s) => (s.spec.type = "ClusterIP"),
    [],
  ],
  [
    "cannot set healthCheckNodePort field on loadBalancer service with externalTrafficPolicy!=Local",
    (s) => {
      s.spec.type = "LoadBalancer";
      s.spec.allocateLoadBalancerNodePorts = true;
      s.spec.externalTrafficPolicy = "Cluster";
      s.spec.healthCheckNodePort = 34567;
    },
    [
      "spec.healthCheckNodePort: Invalid value: 34567: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
    ],
  ],
  [
    "cannot set healthCheckNodePort field on nodePort service",
    (s) => {
      s.spec.type = "NodePort";
      s.spec.externalTrafficPolicy = "Local";
      s.spec.healthCheckNodePort = 34567;
    },
    ["spec.healthCheckNodePort: Invalid value: 34567"],
  ],
  [
    "cannot set externalTrafficPolicy or healthCheckNodePort fields on clusterIP service",
    (s) => {
      s.spec.type = "ClusterIP";
      s.spec.externalTrafficPolicy = "Local";
      s.spec.healthCheckNodePort = 34567;
    },
    [
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
      "spec.healthCheckNodePort: Invalid value: 34567",
    ],
  ],
  [
    "cannot set externalTrafficPolicy field on ExternalName service",
    (s) => {
      s.spec.type = "ExternalName";
      s.spec.externalTrafficPolicy = "Local";
    },
    [
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ],
  ],
  [
    "externalTrafficPolicy is required on NodePort service",
    (s) => (s.spec.type = "NodePort"),
    ["spec.externalTrafficPolicy: Required value"],
  ],
  [
    "externalTrafficPolicy is required on LoadBalancer service",
    (s) => (s.spec.type = "LoadBalancer"),
    ["spec.externalTrafficPolicy: Required value"],
  ],
  [
    "externalTrafficPolicy is required on ClusterIP service with externalIPs",
    (s) => {
      s.spec.type = "ClusterIP";
      s.spec.externalIPs = ["1.2.3,4"];
    },
    ["spec.externalTrafficPolicy: Required value"],
  ],
];

describe("TestValidateServiceExternalTrafficPolicy (validation_test.go)", () => {
  it.each(etpCases)("%s", (_name, tweak, expected) => {
    const svc = makeValidService();
    tweak(svc);
    expectErrors(lines(validateServiceExternalTrafficPolicy(svc)), expected);
  });
});
