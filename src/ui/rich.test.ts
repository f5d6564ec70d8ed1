import { createElement, type ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { rich } from "./rich";

const childrenOf = (n: unknown) => (n as ReactElement<{ children: unknown }>).props.children;

describe("rich", () => {
  it("puts an element where the translation places its placeholder", () => {
    const code = createElement("code", null, "30080");
    const parts = rich("모든 Node의 NodePort {port}", { port: code });
    expect(parts[0]).toBe("모든 Node의 NodePort ");
    expect(childrenOf(parts[1])).toBe(code);
    expect(parts[2]).toBe("");
  });

  it("leaves a placeholder it was not given visible", () => {
    expect(childrenOf(rich("{a} and {b}", { a: "x" })[3])).toBe("{b}");
  });
});
