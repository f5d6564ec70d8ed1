// A debouncer for sending the editor's text: the last value wins, `flush` sends it at once (Apply now,
// closing the panel, leaving the page), `cancel` drops it (the text changed from outside meanwhile).

interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Debouncer<T> {
  /** Replaces the waiting value and restarts the wait. */
  schedule(value: T): void;
  /** Sends the waiting value now; returns whether there was one. */
  flush(): boolean;
  /** Drops the waiting value. */
  cancel(): void;
  readonly pending: boolean;
}

const globalTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
};

export function createDebouncer<T>(
  send: (value: T) => void,
  ms: number,
  timers = globalTimers,
): Debouncer<T> {
  let handle: unknown = null;
  let waiting: { value: T } | null = null;

  const stop = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  const flush = (): boolean => {
    stop();
    if (!waiting) return false;
    const { value } = waiting;
    waiting = null;
    send(value);
    return true;
  };

  return {
    schedule(value) {
      stop();
      waiting = { value };
      handle = timers.setTimeout(flush, ms);
    },
    flush,
    cancel() {
      stop();
      waiting = null;
    },
    get pending() {
      return waiting !== null;
    },
  };
}
