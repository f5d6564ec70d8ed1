// The hops that departed in one window, packed: each hop is a few numbers in a typed array (the
// connection's source port among them) and two references (the place it left, the compiled path step it
// goes to), so the simulation makes no object and no string per hop. HopEvents are made only when read.
import { type PathStep, portText, text } from "./compiledPath";
import type { HopEvent, Tick } from "./types";

/** Float64 columns per hop (ids and ticks both outgrow 32 bits in a long run). */
const PACKET = 0;
const CONNECTION = 1;
const START = 2;
const END = 3;
/** The source port, -1 for none. */
const PORT = 4;
const COLUMNS = 5;

export class DepartedHops {
  private count = 0;
  private nums = new Float64Array(COLUMNS * 256);
  private froms: string[] = [];
  private steps: PathStep[] = [];

  get length(): number {
    return this.count;
  }

  /** One packet leaving `from` for `to` (a request's packet: its id is also the request's). */
  push(
    packet: number,
    connection: number,
    from: string,
    to: PathStep,
    port: number | null,
    start: Tick,
    end: Tick,
  ): void {
    const i = this.count++;
    let o = i * COLUMNS;
    if (o === this.nums.length) {
      const grown = new Float64Array(this.nums.length * 2);
      grown.set(this.nums);
      this.nums = grown;
    }
    this.nums[o++] = packet;
    this.nums[o++] = connection;
    this.nums[o++] = start;
    this.nums[o++] = end;
    this.nums[o] = port ?? -1;
    this.froms[i] = from;
    this.steps[i] = to;
  }

  /** Forgets every hop; the buffers stay for the next window. */
  clear(): void {
    this.count = 0;
  }

  packet(i: number): number {
    return this.nums[i * COLUMNS + PACKET]!;
  }
  connection(i: number): number {
    return this.nums[i * COLUMNS + CONNECTION]!;
  }
  start(i: number): Tick {
    return this.nums[i * COLUMNS + START]!;
  }
  end(i: number): Tick {
    return this.nums[i * COLUMNS + END]!;
  }

  event(i: number): HopEvent {
    const to = this.steps[i]!;
    const sport = this.nums[i * COLUMNS + PORT]!;
    const port = portText(sport < 0 ? null : sport);
    const packet = this.packet(i);
    return {
      packet,
      connection: this.connection(i),
      request: packet,
      from: this.froms[i]!,
      to: to.at,
      link: to.link,
      start: this.start(i),
      end: this.end(i),
      flags: to.flags,
      src: text(to.src, port),
      dst: text(to.dst, port),
      rules: to.rules,
      note: text(to.note, port),
      why: to.why,
    };
  }

  events(): HopEvent[] {
    const out: HopEvent[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.event(i));
    return out;
  }
}
