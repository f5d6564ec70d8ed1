import { describe, expect, it } from "vitest";
import { commandFor, hint, nextSpeed, ownsKeys } from "./shortcuts";

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("commandFor", () => {
  it("maps the transport keys", () => {
    expect([" ", "ArrowLeft", "ArrowRight", "[", "]", "?", "a"].map((k) => commandFor(key(k)))).toEqual([
      "togglePlay",
      "back",
      "step",
      "slower",
      "faster",
      "help",
      null,
    ]);
  });
  it("maps undo and redo with Ctrl or Cmd", () => {
    expect([
      commandFor(key("z", { ctrlKey: true })),
      commandFor(key("Z", { metaKey: true, shiftKey: true })),
      commandFor(key("y", { ctrlKey: true })),
      commandFor(key("z")),
      commandFor(key("z", { ctrlKey: true, altKey: true })),
    ]).toEqual(["undo", "redo", "redo", null, null]);
  });
});

describe("ownsKeys", () => {
  const el = (tagName: string, extra: object = {}) => ({
    tagName,
    getAttribute: () => null,
    closest: () => null,
    ...extra,
  });
  it("leaves keys to text fields and the editor", () => {
    expect([
      ownsKeys(el("INPUT"), "["),
      ownsKeys(el("textarea"), " "),
      ownsKeys(el("DIV", { isContentEditable: true }), "ArrowLeft"),
      ownsKeys(el("DIV", { closest: () => ({}) }), " "),
    ]).toEqual([true, true, true, true]);
  });
  it("leaves Space to a focused button but not the arrows", () => {
    expect([ownsKeys(el("BUTTON"), " "), ownsKeys(el("BUTTON"), "ArrowRight"), ownsKeys(null, " ")]).toEqual([
      true,
      false,
      false,
    ]);
  });
  it("leaves arrows to tabs", () => {
    expect(ownsKeys(el("BUTTON", { getAttribute: () => "tab" }), "ArrowRight")).toBe(true);
  });
});

describe("speeds", () => {
  it("steps through the menu's speeds and stops at the ends", () => {
    expect([
      nextSpeed(1, 1),
      nextSpeed(1, -1),
      nextSpeed(20, 1),
      nextSpeed(0.1, -1),
      nextSpeed(3, 1),
      nextSpeed(3, -1),
    ]).toEqual([2, 0.5, 20, 0.1, 5, 2]);
  });
  it("writes hints with the keys", () => {
    expect([hint("Play", "togglePlay"), hint("Redo", "redo")]).toEqual([
      "Play (Space)",
      "Redo (Ctrl+Shift+Z)",
    ]);
  });
});
