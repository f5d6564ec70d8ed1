// The bare event queue under the same load as the simulation: the classic "hold" model. The queue holds
// `size` events; each step pops the earliest, runs an empty handler and pushes one event a delay later,
// the delays drawn from the simulation's own hop durations. What is left is the heap's own cost.
import { performance } from "node:perf_hooks";
import { EventQueue } from "../src/engine/sim/eventQueue";

export interface BareResult {
  events: number;
  wallMs: number;
  eventsPerSecond: number;
}

interface Payload {
  n: number;
}

// Kept out of line and side-effect free in spirit: the queue must not learn that nobody looks.
let sink = 0;
function emptyHandler(p: Payload): void {
  sink ^= p.n;
}

export function runBareQueue(events: number, size: number, delays: readonly number[]): BareResult {
  const q = new EventQueue<Payload>();
  const d = delays.length ? delays : [1];
  const payloads = Array.from({ length: 64 }, (_, n) => ({ n }));
  for (let i = 0; i < size; i++) q.push(d[(i * 7919) % d.length]!, payloads[i & 63]!);
  const t0 = performance.now();
  for (let i = 0; i < events; i++) {
    const top = q.pop()!;
    emptyHandler(top.event);
    q.push(top.tick + d[i % d.length]!, payloads[i & 63]!);
  }
  const wallMs = performance.now() - t0;
  if (sink === -1) console.error(sink);
  return { events, wallMs, eventsPerSecond: events / (wallMs / 1000) };
}
