import { describe, expect, it } from "vitest";
import { HOP } from "../protocol/simulation";
import { enT } from "../i18n/english.test-util";
import {
  describeEvent,
  describeHop,
  formatClock,
  formatSeconds,
  formatSpeed,
  formatNumber,
  percent,
  shortPlaceName,
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
  it("formats seconds, speeds and shares", () => {
    expect([
      formatSeconds(2_500, "en"),
      formatSpeed(0.1),
      formatSpeed(20),
      percent(1, 3, "en"),
      percent(0, 0, "en"),
    ]).toEqual(["0.003", "0.1×", "20×", "33%", "–"]);
  });
  it("groups digits as the page's language does", () => {
    expect([
      formatNumber("en", 12345.5),
      formatNumber("ko", 1234),
      formatSeconds(1_234_500_000, "ko"),
    ]).toEqual(["12,345.5", "1,234", "1,234.500"]);
  });
  it("folds a Deployment pod's ReplicaSet hash", () => {
    expect(
      ["web-7bcfd56d5b-44hv4", "db-0", "pod:default/web-7bcfd56d5b-44hv4"].map((n) =>
        n.includes(":") ? shortPlaceName(n) : shortPodName(n),
      ),
    ).toEqual(["web-…-44hv4", "db-0", "web-…-44hv4"]);
  });
  it("shortens place ids, dropping the default namespace", () => {
    expect(
      ["pod:default/web-1", "pod:shop/db-0", "lb:default/web", "client:laptop", "bare"].map(shortPlaceName),
    ).toEqual(["web-1", "shop/db-0", "LB web", "laptop", "bare"]);
  });
});

describe("describeHop", () => {
  it("names rewrites and endings", () => {
    expect(describeHop(HOP.dnat | HOP.snat, enT)).toEqual({
      label: "DNAT + SNAT",
      tone: "info",
      final: false,
    });
    expect(describeHop(HOP.reply | HOP.unnat, enT)).toEqual({
      label: "reply + un-NAT",
      tone: "info",
      final: false,
    });
    expect(describeHop(HOP.deliver, enT)).toEqual({ label: "delivered", tone: "ok", final: true });
    expect(describeHop(HOP.drop, enT).tone).toBe("bad");
    expect(describeHop(HOP.reject, enT).label).toBe("rejected");
    expect(describeHop(HOP.refuse, enT).label).toBe("refused");
    expect(describeHop(HOP.lost, enT).label).toBe("lost");
    expect(describeHop(0, enT)).toEqual({ label: "forward", tone: "muted", final: false });
  });
});

describe("describeEvent", () => {
  it("words cluster events with a tone", () => {
    expect([describeEvent("nodeNotReady", enT), describeEvent("podEvicted", enT).label]).toEqual([
      { label: "node NotReady", tone: "warn" },
      "eviction",
    ]);
  });
});
