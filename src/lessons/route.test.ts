import { describe, expect, it } from "vitest";
import { lessonHash, parseLessonRoute } from "./route";

describe("lesson routes", () => {
  it("reads #lesson=6&step=3 as lesson 6 at its third step (0-based 2)", () => {
    expect(parseLessonRoute("#lesson=6&step=3")).toEqual({ lesson: 6, step: 2 });
  });

  it("starts at the first step when the step is missing or not a whole number", () => {
    expect(parseLessonRoute("#lesson=2")).toEqual({ lesson: 2, step: 0 });
    expect(parseLessonRoute("#lesson=2&step=-1")).toEqual({ lesson: 2, step: 0 });
    expect(parseLessonRoute("#lesson=2&step=1e9")).toEqual({ lesson: 2, step: 0 });
  });

  it("ignores a fragment without a usable lesson number", () => {
    expect(parseLessonRoute("")).toBeNull();
    expect(parseLessonRoute("#lesson=abc")).toBeNull();
    expect(parseLessonRoute("#lesson=0")).toBeNull();
    expect(parseLessonRoute("#lesson=99999999999")).toBeNull();
  });

  it("writes a lesson into the fragment and keeps the fragment's other parameters", () => {
    expect(lessonHash({ lesson: 6, step: 2 }, "#x=1")).toBe("#x=1&lesson=6&step=3");
    expect(lessonHash(null, "#x=1&lesson=6&step=3")).toBe("#x=1");
  });
});
