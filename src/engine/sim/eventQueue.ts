// The simulation's agenda: a binary min-heap of events ordered by (tick, sequence). The sequence breaks
// ties in insertion order, so that equal times always run in the same order (determinism).

export interface Scheduled<T> {
  tick: number;
  seq: number;
  event: T;
}

export class EventQueue<T> {
  private heap: Scheduled<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(tick: number, event: T): void {
    const item = { tick, seq: this.seq++, event };
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, h[parent]!)) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = item;
  }

  peek(): Scheduled<T> | undefined {
    return this.heap[0];
  }

  pop(): Scheduled<T> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (!top || !last || h.length === 0) return top;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(h[r]!, h[l]!) ? r : l;
      if (!before(h[c]!, last)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
    return top;
  }

  /** The queued events, for checkpoints (in heap order; push them back in seq order to rebuild). */
  items(): readonly Scheduled<T>[] {
    return this.heap;
  }

  /** Rebuilds a queue from saved items, keeping their sequence numbers. */
  static from<T>(items: readonly Scheduled<T>[], nextSeq: number): EventQueue<T> {
    const q = new EventQueue<T>();
    q.heap = [...items].sort((a, b) => (before(a, b) ? -1 : 1));
    q.seq = nextSeq;
    return q;
  }

  get nextSeq(): number {
    return this.seq;
  }
}

const before = (a: Scheduled<unknown>, b: Scheduled<unknown>) =>
  a.tick < b.tick || (a.tick === b.tick && a.seq < b.seq);
