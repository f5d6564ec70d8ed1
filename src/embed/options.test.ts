import { describe, expect, it } from "vitest";
import { cssHeight, embedOptionsFromSearch, readOptions } from "./options";

describe("embed options", () => {
  it("reads language, lesson, autoplay and height from an embed address", () => {
    expect(embedOptionsFromSearch("?embed&lang=ko-KR&lesson=6&autoplay&height=300")).toEqual({
      lang: "ko",
      lesson: 6,
      autoplay: true,
      height: "300px",
    });
  });

  it("leaves out what is missing, unknown or malformed", () => {
    expect(embedOptionsFromSearch("?embed&lang=fr&lesson=six&height=calc(1px)")).toEqual({});
    expect(readOptions(() => null)).toEqual({});
  });

  it("reads autoplay as an HTML boolean attribute, off only when said false", () => {
    const autoplay = (v: string) => readOptions((n) => (n === "autoplay" ? v : null)).autoplay;
    expect(autoplay("")).toBe(true);
    expect(autoplay("true")).toBe(true);
    expect(autoplay("false")).toBeUndefined();
    expect(autoplay("0")).toBeUndefined();
  });

  it("refuses lesson 0 and numbers too long to be lessons", () => {
    expect(readOptions((n) => (n === "lesson" ? "0" : null)).lesson).toBeUndefined();
    expect(readOptions((n) => (n === "lesson" ? "12345" : null)).lesson).toBeUndefined();
  });

  it("keeps a height only as a number with a plain unit", () => {
    expect(cssHeight("450")).toBe("450px");
    expect(cssHeight(" 60vh ")).toBe("60vh");
    expect(cssHeight("30rem")).toBe("30rem");
    expect(cssHeight("100%")).toBe("100%");
    expect(cssHeight("450px; color: red")).toBeNull();
    expect(cssHeight("url(x)")).toBeNull();
    expect(cssHeight(null)).toBeNull();
  });
});
