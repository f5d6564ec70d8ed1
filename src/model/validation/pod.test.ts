// Cases modelled on pkg/apis/core/validation/validation_test.go (TestValidateContainers,
// TestValidatePodSpec, TestValidatePodDNSConfig, TestValidatePodIPs).
import { describe, expect, it } from "vitest";
import { validatePod } from "./pod";
import { validPod } from "./fixtures.test-util";

describe("validatePod", () => {
  it("accepts a valid pod", () => {
    expect(validatePod(validPod())).toEqual([]);
  });
  it("requires at least one container", () => {
    const p = validPod();
    p.spec.containers = [];
    expect(validatePod(p)).toEqual([{ path: "spec.containers", message: "Required value" }]);
  });
  it("requires a container image", () => {
    const p = validPod();
    p.spec.containers[0]!.image = undefined;
    expect(validatePod(p)).toEqual([{ path: "spec.containers[0].image", message: "Required value" }]);
  });
  it("checks container names as DNS-1123 labels", () => {
    const p = validPod();
    p.spec.containers[0]!.name = "Web";
    expect(validatePod(p)[0]?.path).toBe("spec.containers[0].name");
  });
  it("rejects duplicate container names", () => {
    const p = validPod();
    p.spec.containers.push({ name: "web", image: "x" });
    expect(validatePod(p)).toEqual([{ path: "spec.containers[1].name", message: 'Duplicate value: "web"' }]);
  });
  it("rejects duplicate port names within a container", () => {
    const p = validPod();
    p.spec.containers[0]!.ports!.push({ name: "http", containerPort: 81 });
    expect(validatePod(p)).toEqual([
      { path: "spec.containers[0].ports[1].name", message: 'Duplicate value: "http"' },
    ]);
  });
  it("checks the containerPort range", () => {
    const p = validPod();
    p.spec.containers[0]!.ports![0]!.containerPort = 65536;
    expect(validatePod(p)).toEqual([
      {
        path: "spec.containers[0].ports[0].containerPort",
        message: "Invalid value: 65536: must be between 1 and 65535, inclusive",
      },
    ]);
  });
  it("requires a containerPort", () => {
    const p = validPod();
    p.spec.containers[0]!.ports![0]!.containerPort = 0;
    expect(validatePod(p)).toEqual([
      { path: "spec.containers[0].ports[0].containerPort", message: "Required value" },
    ]);
  });
  it("lists the supported protocols", () => {
    const p = validPod();
    p.spec.containers[0]!.ports![0]!.protocol = "HTTP" as never;
    expect(validatePod(p)).toEqual([
      {
        path: "spec.containers[0].ports[0].protocol",
        message: 'Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      },
    ]);
  });
  it("rejects a port name that is not an IANA_SVC_NAME", () => {
    const p = validPod();
    p.spec.containers[0]!.ports![0]!.name = "1234";
    expect(validatePod(p)).toEqual([
      {
        path: "spec.containers[0].ports[0].name",
        message: 'Invalid value: "1234": must contain at least one letter (a-z)',
      },
    ]);
  });
  it("rejects conflicting host ports across containers", () => {
    const p = validPod();
    p.spec.containers = [
      { name: "a", image: "x", ports: [{ containerPort: 80, hostPort: 8080 }] },
      { name: "b", image: "x", ports: [{ containerPort: 81, hostPort: 8080 }] },
    ];
    expect(validatePod(p)).toEqual([
      { path: "spec.containers[1].ports[0].hostPort", message: 'Duplicate value: "TCP//8080"' },
    ]);
  });
  it("requires hostPort to equal containerPort under hostNetwork", () => {
    const p = validPod();
    p.spec.hostNetwork = true;
    p.spec.containers[0]!.ports![0]!.hostPort = 8080;
    expect(validatePod(p)).toEqual([
      {
        path: "spec.containers[0].ports[0].hostPort",
        message: "Invalid value: 8080: must match `containerPort` when `hostNetwork` is true",
      },
    ]);
  });
  it("checks nodeName as a DNS subdomain", () => {
    const p = validPod();
    p.spec.nodeName = "Node_A";
    expect(validatePod(p)[0]?.path).toBe("spec.nodeName");
  });
  it("checks hostname and subdomain as DNS-1123 labels", () => {
    const p = validPod();
    p.spec.hostname = "a.b";
    p.spec.subdomain = "-x";
    expect(validatePod(p).map((e) => e.path)).toEqual(["spec.hostname", "spec.subdomain"]);
  });
  it("lists the supported dnsPolicy values", () => {
    const p = validPod();
    p.spec.dnsPolicy = "Cluster" as never;
    expect(validatePod(p)).toEqual([
      {
        path: "spec.dnsPolicy",
        message:
          'Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      },
    ]);
  });
  it("requires dnsConfig when dnsPolicy is None", () => {
    const p = validPod();
    p.spec.dnsPolicy = "None";
    expect(validatePod(p)).toEqual([
      {
        path: "spec.dnsConfig",
        message: "Required value: must provide `dnsConfig` when `dnsPolicy` is None",
      },
    ]);
  });
  it("requires a nameserver when dnsPolicy is None", () => {
    const p = validPod();
    p.spec.dnsPolicy = "None";
    p.spec.dnsConfig = { searches: ["example.com"] };
    expect(validatePod(p)).toEqual([
      {
        path: "spec.dnsConfig.nameservers",
        message: "Required value: must provide at least one DNS nameserver when `dnsPolicy` is None",
      },
    ]);
  });
  it("allows at most 3 nameservers", () => {
    const p = validPod();
    p.spec.dnsConfig = { nameservers: ["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4"] };
    expect(validatePod(p)).toEqual([
      {
        path: "spec.dnsConfig.nameservers",
        message:
          'Invalid value: ["1.1.1.1","2.2.2.2","3.3.3.3","4.4.4.4"]: must not have more than 3 nameservers',
      },
    ]);
  });
  it("checks each nameserver is an IP", () => {
    const p = validPod();
    p.spec.dnsConfig = { nameservers: ["invalid"] };
    expect(validatePod(p)).toEqual([
      {
        path: "spec.dnsConfig.nameservers[0]",
        message: 'Invalid value: "invalid": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      },
    ]);
  });
  it("allows at most 32 search paths", () => {
    const p = validPod();
    p.spec.dnsConfig = { searches: Array.from({ length: 33 }, (_, i) => `s${i}.com`) };
    expect(validatePod(p)[0]?.message).toMatch(/: must not have more than 32 search paths$/);
  });
  it("accepts a trailing dot, a lone dot and underscores in search paths", () => {
    const p = validPod();
    p.spec.dnsConfig = { searches: ["example.com.", ".", "_sip._tcp.example.com"] };
    expect(validatePod(p)).toEqual([]);
  });
  it("requires dnsConfig option names", () => {
    const p = validPod();
    p.spec.dnsConfig = { options: [{ name: "" }] };
    expect(validatePod(p)).toEqual([
      { path: "spec.dnsConfig.options[0]", message: "Required value: must not be empty" },
    ]);
  });
  it("checks status.podIPs are IPs", () => {
    const p = validPod();
    p.status = { podIPs: [{ ip: "1.1.1.1.1" }] };
    expect(validatePod(p)).toEqual([
      {
        path: "status.podIPs[0]",
        message: 'Invalid value: "1.1.1.1.1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      },
    ]);
  });
  it("allows one pod IP per family", () => {
    const p = validPod();
    p.status = { podIPs: [{ ip: "1.1.1.1" }, { ip: "2.2.2.2" }] };
    expect(validatePod(p)).toEqual([
      {
        path: "status.podIPs",
        message:
          'Invalid value: [{"IP":"1.1.1.1"},{"IP":"2.2.2.2"}]: may specify no more than one IP for each IP family',
      },
    ]);
  });
  it("accepts dual-stack pod IPs", () => {
    const p = validPod();
    p.status = { podIPs: [{ ip: "10.0.0.1" }, { ip: "fd00::1" }] };
    expect(validatePod(p)).toEqual([]);
  });
});
