import { describe, expect, it } from "vitest";
import { hostOf, portOf, splitHostPort } from "./hostPort";

describe("a hop's address", () => {
  it("splits IPv4 IP:PORT", () => {
    expect(splitHostPort("10.244.1.5:8080")).toEqual({ host: "10.244.1.5", port: "8080" });
  });

  it("splits a bracketed IPv6 address from its port", () => {
    expect(splitHostPort("[::1]:80")).toEqual({ host: "::1", port: "80" });
    expect(hostOf("[fd00:10:180::1]:8080")).toBe("fd00:10:180::1");
  });

  it("takes an IP without a port (ICMP) as it is, IPv6 too", () => {
    expect(splitHostPort("192.168.1.3")).toEqual({ host: "192.168.1.3", port: "" });
    expect(hostOf("fd00::10")).toBe("fd00::10");
    expect(portOf("fd00::10")).toBe("");
  });
});
