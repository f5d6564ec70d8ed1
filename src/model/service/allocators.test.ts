import { describe, expect, it } from "vitest";
import { defaultClusterConfig } from "../clusterConfig";
import { createServiceAllocators, reserveClusterIP } from "./allocators";

describe("reserveClusterIP", () => {
  it("the first address reserved for default/kubernetes cannot be requested again", () => {
    const a = createServiceAllocators(defaultClusterConfig());
    expect(reserveClusterIP(a, "10.96.0.1", "default/kubernetes")).toBe(true);
    expect(a.clusterIPs.get("IPv4")!.allocate("10.96.0.1", "default/other")).toEqual({
      ok: false,
      error: "provided IP is already allocated",
    });
  });
});
