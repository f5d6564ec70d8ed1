import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDebouncer } from "./debounce";

describe("createDebouncer", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("sends the last value once the wait has passed without a new one", () => {
    const sent: string[] = [];
    const d = createDebouncer((v: string) => sent.push(v), 400);
    d.schedule("a");
    vi.advanceTimersByTime(300);
    d.schedule("ab");
    vi.advanceTimersByTime(399);
    expect(sent).toEqual([]);
    expect(d.pending).toBe(true);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(["ab"]);
    expect(d.pending).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual(["ab"]);
  });

  it("flush sends at once and only once", () => {
    const sent: string[] = [];
    const d = createDebouncer((v: string) => sent.push(v), 400);
    expect(d.flush()).toBe(false);
    d.schedule("x");
    expect(d.flush()).toBe(true);
    expect(sent).toEqual(["x"]);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual(["x"]);
    expect(d.flush()).toBe(false);
  });

  it("cancel drops the waiting value", () => {
    const send = vi.fn();
    const d = createDebouncer(send, 400);
    d.schedule(1);
    d.cancel();
    expect(d.pending).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(send).not.toHaveBeenCalled();
  });

  it("works again after a send", () => {
    const send = vi.fn();
    const d = createDebouncer(send, 400);
    d.schedule(1);
    vi.advanceTimersByTime(400);
    d.schedule(2);
    vi.advanceTimersByTime(400);
    expect(send.mock.calls).toEqual([[1], [2]]);
  });
});
