import { describe, expect, it } from "vitest";
import { HOP } from "../engine/sim/types";
import {
  describeEvent,
  describeHop,
  formatClock,
  formatSeconds,
  formatSpeed,
  percent,
  placeName,
  plural,
  shortPodName,
} from "./format";

describe("formatClock", () => {
  it("prints ticks as mm:ss.mmm", () => {
    expect([
      formatClock(0),
      formatClock(1_234_567),
      formatClock(61_002_500_000 / 1000),
      formatClock(-5),
    ]).toEqual(["00:00.000", "00:01.234", "01:01.002", "00:00.000"]);
  });
  it("rolls hours into minutes", () => {
    expect(formatClock(3_661_000_000)).toBe("61:01.000");
  });
});

describe("small formats", () => {
  it("formats seconds, speeds, shares and counts", () => {
    expect([formatSeconds(2_500), formatSpeed(0.1), formatSpeed(20), percent(1, 3), percent(0, 0)]).toEqual([
      "0.003",
      "0.1×",
      "20×",
      "33%",
      "–",
    ]);
    expect([plural(1, "request"), plural(2, "request"), plural(2, "reply", "replies")]).toEqual([
      "1 request",
      "2 requests",
      "2 replies",
    ]);
  });
  it("folds a Deployment pod's ReplicaSet hash", () => {
    expect(
      ["web-7bcfd56d5b-44hv4", "db-0", "pod:default/web-7bcfd56d5b-44hv4"].map((n) =>
        n.includes(":") ? placeName(n) : shortPodName(n),
      ),
    ).toEqual(["web-…-44hv4", "db-0", "web-…-44hv4"]);
  });
  it("shortens place ids, dropping the default namespace", () => {
    expect(
      ["pod:default/web-1", "pod:shop/db-0", "lb:default/web", "client:laptop", "bare"].map(placeName),
    ).toEqual(["web-1", "shop/db-0", "LB web", "laptop", "bare"]);
  });
});

describe("describeHop", () => {
  it("names rewrites and endings", () => {
    expect(describeHop(HOP.dnat | HOP.snat)).toEqual({ label: "DNAT + SNAT", tone: "info", final: false });
    expect(describeHop(HOP.reply | HOP.unnat)).toEqual({
      label: "reply + un-NAT",
      tone: "info",
      final: false,
    });
    expect(describeHop(HOP.deliver)).toEqual({ label: "delivered", tone: "ok", final: true });
    expect(describeHop(HOP.drop).tone).toBe("bad");
    expect(describeHop(HOP.reject).label).toBe("rejected");
    expect(describeHop(HOP.refuse).label).toBe("refused");
    expect(describeHop(HOP.lost).label).toBe("lost");
    expect(describeHop(0)).toEqual({ label: "forward", tone: "muted", final: false });
  });
});

describe("describeEvent", () => {
  it("words cluster events with a tone", () => {
    expect([describeEvent("nodeNotReady"), describeEvent("podEvicted").label]).toEqual([
      { label: "node NotReady", tone: "warn" },
      "eviction",
    ]);
  });
});
