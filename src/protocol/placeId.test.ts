import { describe, expect, it } from "vitest";
import { parsePlaceId, placeId, placeIdName } from "./placeId";

describe("place ids", () => {
  it("joins a kind and a name with a colon", () => {
    expect(placeId("pod", "default/web-1")).toBe("pod:default/web-1");
    expect(placeId("node", "node-1")).toBe("node:node-1");
  });

  it("parses back the kind and the name, keeping an IPv6 name's colons", () => {
    expect(parsePlaceId("pod:default/web-1")).toEqual({ kind: "pod", name: "default/web-1" });
    expect(parsePlaceId("ip:fd00::1")).toEqual({ kind: "ip", name: "fd00::1" });
    expect(parsePlaceId("client:")).toEqual({ kind: "client", name: "" });
  });

  it("parses no kind from an id without a colon or of an unknown kind", () => {
    expect(parsePlaceId("laptop")).toBeNull();
    expect(parsePlaceId("pods:app=web")).toBeNull();
  });

  it("gives the name only for the kind asked", () => {
    expect(placeIdName("node:node-1", "node")).toBe("node-1");
    expect(placeIdName("pod:default/web-1", "node")).toBeNull();
    expect(placeIdName("nodes:x", "node")).toBeNull();
  });
});
