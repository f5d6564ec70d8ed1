// Cases modelled on pkg/apis/core/validation/validation_test.go (TestValidateEndpointsCreate).
import { describe, expect, it } from "vitest";
import { validateEndpoints } from "./endpoints";
import { validEndpoints } from "./fixtures.test-util";

const withIP = (ip: string) => {
  const ep = validEndpoints();
  ep.subsets![0]!.addresses![0]!.ip = ip;
  return ep;
};

describe("validateEndpoints", () => {
  it("accepts valid endpoints", () => {
    expect(validateEndpoints(validEndpoints())).toEqual([]);
  });
  it("requires addresses or notReadyAddresses in a subset", () => {
    const ep = validEndpoints();
    ep.subsets![0]!.addresses = [];
    expect(validateEndpoints(ep)).toEqual([
      { path: "subsets[0]", message: "Required value: must specify `addresses` or `notReadyAddresses`" },
    ]);
  });
  it("reports an invalid IP twice: format and special-range check", () => {
    expect(validateEndpoints(withIP("[2001:db8::1:1]"))).toEqual([
      {
        path: "subsets[0].addresses[0].ip",
        message:
          'Invalid value: "[2001:db8::1:1]": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      },
      {
        path: "subsets[0].addresses[0].ip",
        message: 'Invalid value: "[2001:db8::1:1]": must be a valid IP address',
      },
    ]);
  });
  it("rejects loopback addresses", () => {
    expect(validateEndpoints(withIP("127.0.0.1"))).toEqual([
      {
        path: "subsets[0].addresses[0].ip",
        message: 'Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      },
    ]);
  });
  it("rejects link-local addresses", () => {
    expect(validateEndpoints(withIP("169.254.169.254"))[0]?.message).toBe(
      'Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    );
  });
  it("rejects link-local multicast addresses", () => {
    expect(validateEndpoints(withIP("224.0.0.1"))[0]?.message).toBe(
      'Invalid value: "224.0.0.1": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
    );
  });
  it("rejects the unspecified address", () => {
    expect(validateEndpoints(withIP("0.0.0.0"))[0]?.message).toBe(
      'Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)',
    );
  });
  it("rejects IPv6 loopback", () => {
    expect(validateEndpoints(withIP("::1"))[0]?.message).toBe(
      'Invalid value: "::1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    );
  });
  it("accepts IPv4 octets with leading zeros (legacy parsing)", () => {
    expect(validateEndpoints(withIP("010.001.002.003"))).toEqual([]);
  });
  it("requires port names when a subset has several ports", () => {
    const ep = validEndpoints();
    ep.subsets![0]!.ports = [{ port: 80 }, { name: "b", port: 81 }];
    expect(validateEndpoints(ep)).toEqual([{ path: "subsets[0].ports[0].name", message: "Required value" }]);
  });
  it("checks the port range", () => {
    const ep = validEndpoints();
    ep.subsets![0]!.ports = [{ port: 0 }];
    expect(validateEndpoints(ep)).toEqual([
      {
        path: "subsets[0].ports[0].port",
        message: "Invalid value: 0: must be between 1 and 65535, inclusive",
      },
    ]);
  });
  it("lists the supported protocols", () => {
    const ep = validEndpoints();
    ep.subsets![0]!.ports = [{ port: 80, protocol: "ICMP" as never }];
    expect(validateEndpoints(ep)).toEqual([
      {
        path: "subsets[0].ports[0].protocol",
        message: 'Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
      },
    ]);
  });
  it("checks address hostnames as DNS-1123 labels", () => {
    const ep = validEndpoints();
    ep.subsets![0]!.addresses![0]!.hostname = "a.b";
    expect(validateEndpoints(ep)).toEqual([
      { path: "subsets[0].addresses[0].hostname", message: 'Invalid value: "a.b": must not contain dots' },
    ]);
  });
});
