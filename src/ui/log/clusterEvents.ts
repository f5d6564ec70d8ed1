// The cluster event log, rebuilt from the state updates: each carries the log from index `eventsFrom`
// on, so the receiver cuts its copy there and appends (a step back or a load cuts the log). One log per
// store, kept outside React so that it grows while the Event log tab is closed.
import type { StoreApi } from "zustand/vanilla";
import type { ClusterEvent } from "../../protocol/simulation";
import type { PlaygroundStore } from "../../store/playgroundStore";

/** The log after one update; the same array when nothing changed. */
export function mergeEvents(
  log: readonly ClusterEvent[],
  from: number,
  events: readonly ClusterEvent[],
): ClusterEvent[] {
  if (events.length === 0 && from >= log.length) return log as ClusterEvent[];
  return [...log.slice(0, from), ...events];
}

interface EventLog {
  get(): ClusterEvent[];
  subscribe(cb: () => void): () => void;
}

const logs = new WeakMap<StoreApi<PlaygroundStore>, EventLog>();

/** The store's event log, started on first use (the side panel asks as it mounts). */
export function eventLogOf(store: StoreApi<PlaygroundStore>): EventLog {
  let log = logs.get(store);
  if (log) return log;
  let events: ClusterEvent[] = [];
  const listeners = new Set<() => void>();
  const take = (s: PlaygroundStore) => {
    if (!s.sim) return;
    const next = mergeEvents(events, s.sim.eventsFrom, s.sim.events);
    if (next === events) return;
    events = next;
    for (const cb of listeners) cb();
  };
  take(store.getState());
  store.subscribe((s, prev) => {
    if (s.sim !== prev.sim) take(s);
  });
  log = {
    get: () => events,
    subscribe: (cb) => {
      listeners.add(cb);
      return () => void listeners.delete(cb);
    },
  };
  logs.set(store, log);
  return log;
}
