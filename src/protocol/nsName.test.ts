import { describe, expect, it } from "vitest";
import { parseNsName } from "./nsName";

describe("parseNsName", () => {
  it("reads NS/NAME as namespace and name", () => {
    expect(parseNsName("shop/web-1")).toEqual({ namespace: "shop", name: "web-1" });
  });

  it("puts a bare NAME in the default namespace", () => {
    expect(parseNsName("web-1")).toEqual({ namespace: "default", name: "web-1" });
  });

  it("keeps everything after the first slash as the name, so a/b/c matches no object b", () => {
    expect(parseNsName("a/b/c")).toEqual({ namespace: "a", name: "b/c" });
  });
});
