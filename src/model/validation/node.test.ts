// Cases modelled on pkg/apis/core/validation/validation_test.go (TestValidateNode, podCIDRs cases).
import { describe, expect, it } from "vitest";
import { validateNode } from "./node";
import { validNode } from "./fixtures.test-util";

describe("validateNode", () => {
  it("accepts a valid node", () => {
    expect(validateNode(validNode())).toEqual([]);
  });
  it("forbids a namespace", () => {
    const n = validNode();
    n.metadata.namespace = "default";
    expect(validateNode(n)).toEqual([
      { path: "metadata.namespace", message: "Forbidden: not allowed on this type" },
    ]);
  });
  it("checks podCIDR as a CIDR at spec.podCIDRs[0]", () => {
    const n = validNode();
    n.spec.podCIDR = "10.244.1.0";
    expect(validateNode(n)).toEqual([
      {
        path: "spec.podCIDRs[0]",
        message:
          'Invalid value: "10.244.1.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      },
    ]);
  });
  it("accepts one podCIDR per family", () => {
    const n = validNode();
    n.spec.podCIDRs = ["10.244.1.0/24", "fd00:1::/64"];
    expect(validateNode(n)).toEqual([]);
  });
  it("rejects two podCIDRs of one family", () => {
    const n = validNode();
    n.spec.podCIDRs = ["10.244.1.0/24", "10.244.2.0/24"];
    expect(validateNode(n)).toEqual([
      {
        path: "spec.podCIDRs",
        message:
          'Invalid value: ["10.244.1.0/24","10.244.2.0/24"]: may specify no more than one CIDR for each IP family',
      },
    ]);
  });
  it("rejects duplicate podCIDRs", () => {
    const n = validNode();
    n.spec.podCIDRs = ["10.244.1.0/24", "10.244.1.0/24"];
    expect(validateNode(n).map((e) => e.message)).toContain('Duplicate value: "10.244.1.0/24"');
  });
  it("reports taints under metadata.taints, as ValidateNode does", () => {
    const n = validNode();
    n.spec.taints = [{ key: "dedicated", effect: "Sometimes" as never }];
    expect(validateNode(n)).toEqual([
      {
        path: "metadata.taints[0].effect",
        message:
          'Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      },
    ]);
  });
  it("requires a taint effect", () => {
    const n = validNode();
    n.spec.taints = [{ key: "dedicated", effect: "" as never }];
    expect(validateNode(n)).toEqual([{ path: "metadata.taints[0].effect", message: "Required value" }]);
  });
  it("rejects taints repeating a key and effect", () => {
    const n = validNode();
    n.spec.taints = [
      { key: "a", value: "1", effect: "NoSchedule" },
      { key: "a", value: "2", effect: "NoSchedule" },
    ];
    expect(validateNode(n)[0]?.message).toMatch(/: taints must be unique by key and effect pair$/);
  });
  it("refuses an InternalIP or ExternalIP that is not an IP, at the address", () => {
    const n = validNode();
    n.status.addresses = [
      { type: "InternalIP", address: "300.1.1.1" },
      { type: "ExternalIP", address: "hello" },
      { type: "Hostname", address: "node-a" },
      { type: "InternalIP", address: "010.1.1.1" },
    ];
    expect(validateNode(n)).toEqual([
      {
        path: "status.addresses[0].address",
        message: 'Invalid value: "300.1.1.1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      },
      {
        path: "status.addresses[1].address",
        message: 'Invalid value: "hello": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      },
    ]);
  });
});
