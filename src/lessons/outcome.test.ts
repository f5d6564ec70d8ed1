import { describe, expect, it } from "vitest";
import type { PhaseMetrics, RequestResult } from "../protocol/simulation";
import { byHeard, heard } from "./outcome";
import type { Outcome } from "./types";

const ended = (results: Partial<Record<RequestResult, number>>): Outcome =>
  ({
    last: {
      results: { delivered: 0, refused: 0, rejected: 0, dropped: 0, timeout: 0, ...results },
    } as PhaseMetrics,
  }) as Outcome;

describe("what the client heard", () => {
  it("is an answer when any request was delivered", () => {
    expect(heard(ended({ delivered: 1, timeout: 2 }))).toBe("answer");
  });
  it("is a refusal for refused (no listener) and rejected (no endpoints) alike", () => {
    expect([heard(ended({ refused: 1 })), heard(ended({ rejected: 1 }))]).toEqual(["refused", "refused"]);
  });
  it("is silence for drops, timeouts and no run at all", () => {
    expect([heard(ended({ dropped: 1 })), heard(ended({ timeout: 1 })), heard({} as Outcome)]).toEqual([
      "silence",
      "silence",
      "silence",
    ]);
  });
  it("maps to a prediction's choice ids", () => {
    expect(byHeard({ answer: "a", refused: "r", silence: "s" })(ended({ rejected: 2 }))).toBe("r");
  });
});
