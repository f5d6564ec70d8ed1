import { describe, expect, it } from "vitest";
import { HOP } from "../protocol/simulation";
import { makeT } from "../i18n/core";
import { en } from "../i18n/en";
import { ko } from "../i18n/ko/index";
import { endKind, flagNames, natLines, rewrite } from "./labels";

const t = makeT("en", en, en);
const tKo = makeT("ko", ko, en);

describe("labels", () => {
  it("writes what a NAT rewrote, ports only when they change", () => {
    expect(rewrite("192.168.1.10:4000", "192.168.1.2:4000")).toBe("192.168.1.10 → 192.168.1.2");
    expect(rewrite("10.96.0.12:80", "10.244.2.5:8080")).toBe("10.96.0.12:80 → 10.244.2.5:8080");
    expect(rewrite("[fd00::a]:4000", "[fd00::2]:4000")).toBe("fd00::a → fd00::2");
    expect(
      natLines(
        t,
        HOP.dnat | HOP.snat,
        { src: "192.168.1.10:4000", dst: "192.168.1.2:30080" },
        { src: "192.168.1.2:4000", dst: "10.244.2.2:8080" },
      ),
    ).toEqual(["DNAT dst 192.168.1.2:30080 → 10.244.2.2:8080", "SNAT src 192.168.1.10 → 192.168.1.2"]);
    expect(
      natLines(t, HOP.unnat, { src: "10.244.2.2:8080", dst: "a" }, { src: "1.1.1.1:80", dst: "a" }),
    ).toEqual(["un-NAT src 10.244.2.2:8080 → 1.1.1.1:80"]);
    expect(natLines(t, HOP.dnat, { src: "a", dst: "b" }, { src: "a", dst: "b" })).toEqual([]);
  });

  it("writes NAT labels in Korean, keeping DNAT and SNAT as they are", () => {
    expect(
      natLines(
        tKo,
        HOP.dnat | HOP.snat,
        { src: "1.1.1.1:5", dst: "2.2.2.2:80" },
        { src: "3.3.3.3:5", dst: "4.4.4.4:80" },
      ),
    ).toEqual(["DNAT 목적지 2.2.2.2 → 4.4.4.4", "SNAT 출발지 1.1.1.1 → 3.3.3.3"]);
  });

  it("tells the kind of end a hop's flags announce", () => {
    expect(endKind(HOP.drop | HOP.dnat)).toBe("drop");
    expect(endKind(HOP.refuse)).toBe("refuse");
    expect(endKind(HOP.deliver)).toBeNull();
  });

  it("names flags", () => {
    expect(flagNames(t, HOP.dnat | HOP.snat | HOP.reply)).toEqual(["DNAT", "SNAT"]);
    expect(flagNames(tKo, HOP.lost | HOP.deliver)).toEqual(["유실", "전달됨"]);
  });
});
