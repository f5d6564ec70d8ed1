// The event log's rows of recent hops, kept outside React: hop batches arrive every frame, the log
// shows a snapshot a few times a second (with the state updates).
import type { HopWhy } from "../protocol/simulation";
import type { HopBatchView } from "../protocol/hopBatch";

export interface HopLogEntry {
  /** Sequence number, for React keys and for "new since". */
  seq: number;
  start: number;
  end: number;
  packet: number;
  connection: number;
  from: string;
  to: string;
  link: string;
  flags: number;
  src: string;
  dst: string;
  rules: string[];
  note: string;
  /** Why, as data (the log words it); every ingested row has one, rows made by hand may not. */
  why?: HopWhy;
}

export class HopLogBuffer {
  private rows: HopLogEntry[] = [];
  private seq = 0;
  private changed = false;
  private last: HopLogEntry[] = [];

  constructor(private limit: number) {}

  ingest(batch: HopBatchView): void {
    if (batch.reset) this.clear();
    for (let i = 0; i < batch.count; i++)
      this.rows.push({
        seq: this.seq++,
        start: batch.start(i),
        end: batch.end(i),
        packet: batch.packet(i),
        connection: batch.connection(i),
        from: batch.from(i),
        to: batch.to(i),
        link: batch.link(i),
        flags: batch.flags(i),
        src: batch.src(i),
        dst: batch.dst(i),
        rules: batch.rules(i),
        note: batch.note(i),
        why: batch.why(i),
      });
    if (this.rows.length > this.limit) this.rows.splice(0, this.rows.length - this.limit);
    this.changed = this.changed || batch.count > 0 || batch.reset;
  }

  clear(): void {
    this.rows = [];
    this.changed = true;
  }

  /** The rows, as a new array only when something changed (so selectors stay cheap). */
  snapshot(): HopLogEntry[] {
    if (this.changed) {
      this.last = [...this.rows];
      this.changed = false;
    }
    return this.last;
  }
}
