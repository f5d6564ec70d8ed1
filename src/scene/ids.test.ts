import { describe, expect, it } from "vitest";
import { placeLabel, podLabel, shortName } from "./ids";

describe("ids", () => {
  it("shortens names for the graph", () => {
    expect(shortName("default/web")).toBe("web");
    expect(shortName("shop/web")).toBe("shop/web");
    expect(podLabel("default/web-7bcfd56d5b-44hv4")).toBe("web-44hv4");
    expect(podLabel("default/standalone")).toBe("standalone");
  });
  it("names a place or an ns/name shortly, keeping other namespaces", () => {
    expect(placeLabel("pod:default/web-1")).toBe("web-1");
    expect(placeLabel("node:node-1")).toBe("node-1");
    expect(placeLabel("pod:shop/db-0")).toBe("shop/db-0");
    expect(placeLabel("default/web")).toBe("web");
  });
});
