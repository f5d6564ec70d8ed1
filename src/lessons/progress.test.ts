import { beforeEach, describe, expect, it } from "vitest";
import { readProgress, saveProgress } from "./progress";

/** Storage as a browser gives it, in memory. */
class MemoryStorage {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
}

describe("lesson progress", () => {
  let localStorage: MemoryStorage;
  beforeEach(() => {
    localStorage = new MemoryStorage();
  });

  it("remembers the furthest step and completion per lesson", () => {
    saveProgress(3, { step: 2, done: false }, localStorage);
    saveProgress(3, { step: 1, done: false }, localStorage);
    expect(readProgress(localStorage)[3]).toEqual({ step: 2, done: false });
    saveProgress(3, { step: 4, done: true }, localStorage);
    expect(readProgress(localStorage)[3]).toEqual({ step: 4, done: true });
  });

  it("reads a damaged entry as no progress instead of failing", () => {
    localStorage.setItem("kube-hops:lessons", '{"1":{"step":"x"},"2":null,"x":{"step":1},"4":{"step":2}}');
    expect(readProgress(localStorage)).toEqual({ 4: { step: 2, done: false } });
    localStorage.setItem("kube-hops:lessons", "not json");
    expect(readProgress(localStorage)).toEqual({});
  });
});
