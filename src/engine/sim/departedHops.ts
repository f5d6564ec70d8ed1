// The hops that departed in one window, packed: each hop is a few numbers in a typed array and three
// references (the place it left, the compiled path step it goes to, the connection's ":PORT"), so the
// simulation makes no object and no string per hop. HopEvent objects are made only when read as such.
import { type PathStep, text } from "./compiledPath";
import type { HopEvent, Tick } from "./types";

/** Float64 columns per hop (ids and ticks both outgrow 32 bits in a long run). */
const PACKET = 0;
const CONNECTION = 1;
const START = 2;
const END = 3;
const COLUMNS = 4;

export class DepartedHops {
  private count = 0;
  private nums = new Float64Array(COLUMNS * 256);
  private froms: string[] = [];
  private steps: PathStep[] = [];
  private ports: string[] = [];

  get length(): number {
    return this.count;
  }

  /** One packet leaving `from` for `to` (a request's packet: its id is also the request's). */
  push(
    packet: number,
    connection: number,
    from: string,
    to: PathStep,
    port: string,
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
    this.nums[o] = end;
    this.froms[i] = from;
    this.steps[i] = to;
    this.ports[i] = port;
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
    const port = this.ports[i]!;
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
