import { describe, expect, it } from "vitest";
import { enT } from "../i18n/english.test-util";
import type { LinkProblem } from "./link";
import { linkProblemText, shareRefusalText } from "./words";

describe("linkProblemText", () => {
  it("says how long a too-long link is and what the limit is", () => {
    expect(linkProblemText(enT, { code: "tooLong" }, 250_000)).toBe(
      "The data after “#s=” is 250,000 characters long; a link carries at most 200,000.",
    );
  });

  it("names the damaged part of a link in words, not by its JSON name", () => {
    expect(linkProblemText(enT, { code: "field", field: "journal" }, 10)).toBe(
      "Part of the link is damaged: the simulation's actions.",
    );
  });

  it("says which format another version's link is in, or that it does not say", () => {
    expect(linkProblemText(enT, { code: "version", version: 2 }, 10)).toMatch(
      /link format 2\).*reads format 1/,
    );
    expect(linkProblemText(enT, { code: "version", version: null }, 10)).toMatch(
      /does not say which version/,
    );
  });

  it.each<LinkProblem>([
    { code: "notEncoded" },
    { code: "damaged" },
    { code: "tooLarge" },
    { code: "notText" },
    { code: "notJson" },
  ])("words $code as a sentence, with no key or placeholder left", (p) => {
    expect(linkProblemText(enT, p, 10)).toMatch(/^The data after “#s=” [^{}]+\.$/);
  });
});

describe("shareRefusalText", () => {
  it("says how many actions the run has and how many a link holds", () => {
    expect(shareRefusalText(enT, { code: "tooManyActions", count: 1_234 })).toMatch(
      /^This run has 1,234 simulation actions; a link holds at most 1,000\./,
    );
  });

  it("passes the worker's reason on when the run is not ready", () => {
    expect(shareRefusalText(enT, { code: "noRun", reason: "No manifests loaded yet" })).toBe(
      "The simulation is not ready yet (No manifests loaded yet). Try again in a moment.",
    );
  });
});
