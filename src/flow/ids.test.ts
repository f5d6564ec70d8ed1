import { describe, expect, it } from "vitest";
import { podLabel, shortName } from "./ids";

describe("ids", () => {
  it("shortens names for the graph", () => {
    expect(shortName("default/web")).toBe("web");
    expect(shortName("shop/web")).toBe("shop/web");
    expect(podLabel("default/web-7bcfd56d5b-44hv4")).toBe("web-44hv4");
    expect(podLabel("default/standalone")).toBe("standalone");
  });
});
