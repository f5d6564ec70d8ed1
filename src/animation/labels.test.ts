import { describe, expect, it } from "vitest";
import { HOP } from "../engine/sim/types";
import { endKind, endText, flagNames, natLines, placeLabel, rewrite, shortReason } from "./labels";

describe("labels", () => {
  it("writes what a NAT rewrote, ports only when they change", () => {
    expect(rewrite("192.168.1.10:4000", "192.168.1.2:4000")).toBe("192.168.1.10 → 192.168.1.2");
    expect(rewrite("10.96.0.12:80", "10.244.2.5:8080")).toBe("10.96.0.12:80 → 10.244.2.5:8080");
    expect(
      natLines(
        HOP.dnat | HOP.snat,
        { src: "192.168.1.10:4000", dst: "192.168.1.2:30080" },
        { src: "192.168.1.2:4000", dst: "10.244.2.2:8080" },
      ),
    ).toEqual(["DNAT dst 192.168.1.2:30080 → 10.244.2.2:8080", "SNAT src 192.168.1.10 → 192.168.1.2"]);
    expect(
      natLines(HOP.unnat, { src: "10.244.2.2:8080", dst: "a" }, { src: "1.1.1.1:80", dst: "a" }),
    ).toEqual(["un-NAT src 10.244.2.2:8080 → 1.1.1.1:80"]);
    expect(natLines(HOP.dnat, { src: "a", dst: "b" }, { src: "a", dst: "b" })).toEqual([]);
  });

  it("says why a packet died, briefly", () => {
    const note =
      "externalTrafficPolicy Local and no local endpoint of default/web:http on node-1: DROP (the client times out)";
    expect(endKind(HOP.drop | HOP.dnat)).toBe("drop");
    expect(endKind(HOP.deliver)).toBeNull();
    expect(endText("drop", note)).toBe("DROP: eTP Local, no local endpoint");
    expect(
      endText("reject", 'default/web:http has no endpoints: REJECT (the client gets "connection refused")'),
    ).toBe("REJECT: no endpoints");
    expect(endText("refuse", "whatever")).toBe("RST");
    expect(shortReason("something odd happened here; more")).toBe("something odd happened here");
  });

  it("names flags and places", () => {
    expect(flagNames(HOP.dnat | HOP.snat | HOP.reply)).toEqual(["DNAT", "SNAT"]);
    expect(placeLabel("pod:default/web-1")).toBe("web-1");
    expect(placeLabel("node:node-1")).toBe("node-1");
  });
});
