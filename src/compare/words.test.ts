import { describe, expect, it } from "vitest";
import { compareFigures, relevantBadges } from "./diff";
import { paneFigures } from "./figures";
import { cluster, cluster20, dropped20, endpoints, etpSpec, figs, local20, phase, tEn, tKo } from "./testing";
import type { CompareSpec } from "./types";
import { badgeText, summaryLine } from "./words";

describe("summaryLine", () => {
  it("says what differs in words, the changed side first", () => {
    const a = figs([cluster20]);
    const b = figs([local20]);
    expect(summaryLine(etpSpec, [a, b], compareFigures(a, b), tEn)).toBe(
      "Local: no extra hops and the pods saw 192.168.1.10 · Cluster: 35% took an extra hop and the pods saw node addresses",
    );
  });

  it("leads with the drops when one side drops", () => {
    const a = figs([cluster20]);
    const b = figs([dropped20]);
    expect(summaryLine(etpSpec, [a, b], compareFigures(a, b), tEn)).toBe(
      "Local: 20 dropped · Cluster: all 20 delivered and the pods saw node addresses",
    );
  });

  it("invites a first burst, then waits for both sides", () => {
    const none = figs([]);
    expect(summaryLine(etpSpec, [none, none], compareFigures(none, none), tEn)).toMatch(/^Send the same 20/);
    const half = figs([{ ...local20, results: { ...local20.results, delivered: 5 } }]);
    expect(
      summaryLine(etpSpec, [figs([cluster20]), half], compareFigures(figs([cluster20]), half), tEn),
    ).toBe("Waiting for both sides to finish: 20 and 5 of 20 done…");
  });

  it("reads in Korean with the Kubernetes values left in English", () => {
    const a = figs([cluster20]);
    const b = figs([local20]);
    expect(summaryLine(etpSpec, [a, b], compareFigures(a, b), tKo)).toBe(
      "Local: 추가 홉 없음, Pod가 본 출발지는 192.168.1.10 · Cluster: 35%가 추가 홉을 거침, Pod에는 노드 주소가 출발지로 보임",
    );
  });
});

describe("summaryLine for the other settings", () => {
  const pinned = phase({
    perPod: { "default/web-b": 20 },
    sourceIPs: { "default/web-b": ["10.244.1.1"] },
  });

  it("speaks of pods, not of the incidental extra hops, for sessionAffinity", () => {
    const a = figs([cluster20]);
    const b = figs([pinned]);
    const affinity = {
      ...etpSpec,
      setting: "sessionAffinity",
      variants: [
        { value: "None", edits: [] },
        { value: "ClientIP", edits: [] },
      ],
    } as CompareSpec;
    const d = compareFigures(a, b);
    expect(d.differs.has("extraHops")).toBe(true);
    expect(summaryLine(affinity, [a, b], d, tEn)).toBe(
      "ClientIP: every request went to one pod · None: 3 pods answered",
    );
    expect(relevantBadges(d.badges[1], "sessionAffinity")).toEqual(["onePod"]);
  });

  it("gives each pod's share for 2 against 3 endpoints", () => {
    const two = paneFigures(
      [phase({ perPod: { "default/web-a": 8, "default/web-b": 12 } })],
      endpoints.slice(0, 2),
      cluster,
      "client:laptop",
    );
    const three = figs([cluster20]);
    const scaled = {
      ...etpSpec,
      setting: "endpoints",
      variants: [
        { value: 2, edits: [] },
        { value: 3, edits: [] },
      ],
    } as CompareSpec;
    expect(summaryLine(scaled, [two, three], compareFigures(two, three), tEn)).toBe(
      "3 endpoints: 3 pods answered and the pods got 35%, 35%, 30% · 2 endpoints: 2 pods answered and the pods got 40%, 60%",
    );
  });
});

describe("badgeText", () => {
  it("speaks of the client's IP for a client and of the source IP for a pod", () => {
    const f = figs([local20]);
    expect(badgeText("senderKept", f, "client:laptop", tEn)).toBe("only here: client IP kept");
    expect(badgeText("senderKept", f, "pod:default/tool", tEn)).toBe("only here: source IP kept");
    expect(badgeText("failed", figs([dropped20]), "client:laptop", tKo)).toBe("이쪽만: 20개 실패");
  });
});
