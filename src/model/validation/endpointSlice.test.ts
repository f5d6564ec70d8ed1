// Cases modelled on pkg/apis/discovery/validation/validation_test.go (TestValidateEndpointSlice).
import { describe, expect, it } from "vitest";
import { validateEndpointSlice } from "./endpointSlice";
import { validSlice } from "./fixtures.test-util";

describe("validateEndpointSlice", () => {
  it("accepts a valid slice", () => {
    expect(validateEndpointSlice(validSlice())).toEqual([]);
  });
  it("lists the supported address types", () => {
    const s = validSlice();
    s.addressType = "IP" as never;
    s.endpoints = [];
    expect(validateEndpointSlice(s)).toEqual([
      { path: "addressType", message: 'Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"' },
    ]);
  });
  it("requires at least one address per endpoint", () => {
    const s = validSlice();
    s.endpoints[0]!.addresses = [];
    expect(validateEndpointSlice(s)).toEqual([
      { path: "endpoints[0].addresses", message: "Required value: must contain at least 1 address" },
    ]);
  });
  it("allows at most 100 addresses per endpoint", () => {
    const s = validSlice();
    s.endpoints[0]!.addresses = Array.from({ length: 101 }, (_, i) => `10.0.${i >> 8}.${(i & 255) + 1}`);
    expect(validateEndpointSlice(s)).toEqual([
      { path: "endpoints[0].addresses", message: "Too many: 101: must have at most 100 items" },
    ]);
  });
  it("allows at most 1000 endpoints", () => {
    const s = validSlice();
    s.endpoints = Array.from({ length: 1001 }, () => ({ addresses: ["10.0.0.1"] }));
    expect(validateEndpointSlice(s)).toEqual([
      { path: "endpoints", message: "Too many: 1001: must have at most 1000 items" },
    ]);
  });
  it("rejects an IPv6 address in an IPv4 slice", () => {
    const s = validSlice();
    s.endpoints[0]!.addresses = ["fd00::1"];
    expect(validateEndpointSlice(s)).toEqual([
      {
        path: "endpoints[0].addresses[0]",
        message: 'Invalid value: "fd00::1": must be a valid IPv4 address',
      },
    ]);
  });
  it("re-checks IPv4 addresses against the special ranges", () => {
    const s = validSlice();
    s.endpoints[0]!.addresses = ["127.0.0.1"];
    expect(validateEndpointSlice(s)).toEqual([
      {
        path: "endpoints[0].addresses[0]",
        message: 'Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      },
    ]);
  });
  it("accepts FQDN addresses with a trailing dot", () => {
    const s = validSlice();
    s.addressType = "FQDN";
    s.endpoints[0]!.addresses = ["db.example.com."];
    expect(validateEndpointSlice(s)).toEqual([]);
  });
  it("requires an FQDN to have two segments", () => {
    const s = validSlice();
    s.addressType = "FQDN";
    s.endpoints[0]!.addresses = ["db"];
    expect(validateEndpointSlice(s)).toEqual([
      {
        path: "endpoints[0].addresses[0]",
        message: 'Invalid value: "db": should be a domain with at least two segments separated by dots',
      },
    ]);
  });
  it("checks nodeName and hostname", () => {
    const s = validSlice();
    s.endpoints[0]!.nodeName = "Node_A";
    s.endpoints[0]!.hostname = "a.b";
    expect(validateEndpointSlice(s).map((e) => e.path)).toEqual([
      "endpoints[0].nodeName",
      "endpoints[0].hostname",
    ]);
  });
  it("rejects duplicate zone hints", () => {
    const s = validSlice();
    s.endpoints[0]!.hints = { forZones: [{ name: "zone-a" }, { name: "zone-a" }] };
    expect(validateEndpointSlice(s)).toEqual([
      { path: "endpoints[0].hints.forZones[1].name", message: 'Duplicate value: "zone-a"' },
    ]);
  });
  it("allows at most 8 zone hints", () => {
    const s = validSlice();
    s.endpoints[0]!.hints = { forZones: Array.from({ length: 9 }, (_, i) => ({ name: `z${i}` })) };
    expect(validateEndpointSlice(s)).toEqual([
      { path: "endpoints[0].hints.forZones", message: "Too many: 9: must have at most 8 items" },
    ]);
  });
  it("rejects duplicate port names, the empty name included", () => {
    const s = validSlice();
    s.ports = [{ port: 80 }, { port: 81 }];
    expect(validateEndpointSlice(s)).toEqual([{ path: "ports[1].name", message: 'Duplicate value: ""' }]);
  });
  it("checks port names as DNS-1123 labels", () => {
    const s = validSlice();
    s.ports = [{ name: "HTTP", port: 80 }];
    expect(validateEndpointSlice(s)[0]?.path).toBe("ports[0].name");
  });
  it("checks appProtocol as a qualified name", () => {
    const s = validSlice();
    s.ports = [{ name: "http", port: 80, appProtocol: "lots-of[invalid]-{chars}" }];
    expect(validateEndpointSlice(s)[0]?.path).toBe("ports[0].appProtocol");
  });
});
