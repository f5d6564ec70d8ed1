import { describe, expect, it } from "vitest";
import { makeT } from "./core";
import { en } from "./en";
import { ko } from "./ko/index";
import { phrase, say } from "./phrase";

describe("phrase", () => {
  it("is worded in whichever language shows it", () => {
    const p = phrase("history.failNode", { node: "node-2" });
    expect([say(makeT("en", en, en), p), say(makeT("ko", ko, en), p)]).toEqual([
      "fail node-2",
      "node-2 장애",
    ]);
  });

  it("shows verbatim text (the engine's) as it came, in any language", () => {
    const engine = { text: 'no node named "node-9"' };
    expect(say(makeT("ko", ko, en), engine)).toBe('no node named "node-9"');
  });
});
