// Autosave: changes close together are written once, a moment later; leaving the page writes at once.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStore } from "zustand/vanilla";
import { AUTOSAVE_DELAY_MS, type PlaygroundStore, startAutosave } from "./playgroundStore";

const writes: string[] = [];
beforeEach(() => {
  vi.useFakeTimers();
  writes.length = 0;
  vi.stubGlobal("localStorage", {
    setItem: (_k: string, v: string) => void writes.push(v),
    getItem: () => null,
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const store = () =>
  createStore<PlaygroundStore>()(
    () =>
      ({
        yaml: "a",
        positions: {},
        theme: "light",
        projector: false,
        cluster: null,
        appliedYaml: "a",
      }) as never,
  );
const savedYaml = () => writes.map((w) => (JSON.parse(w) as { yaml: string }).yaml);

describe("autosave", () => {
  it("writes changes close together once, after the delay, with the last text", () => {
    const s = store();
    startAutosave(s, "k");
    for (const yaml of ["b", "bc", "bcd"]) s.setState({ yaml });
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(savedYaml()).toEqual(["bcd"]);
  });

  it("writes at once when stopped, with nothing left waiting", () => {
    const s = store();
    const stop = startAutosave(s, "k");
    s.setState({ yaml: "b" });
    stop();
    expect(savedYaml()).toEqual(["b"]);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(savedYaml()).toEqual(["b"]);
  });

  it("writes nothing when nothing of the work changed", () => {
    const s = store();
    startAutosave(s, "k");
    s.setState({ appliedYaml: "other" } as never);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(writes).toEqual([]);
  });
});
