// The hops in flight, in typed-array columns that grow by doubling and are otherwise reused: nothing is
// allocated per hop or per frame. A hop is removed once the drawing time passes its end.
export class HopPool {
  capacity: number;
  count = 0;
  packet: Int32Array;
  connection: Int32Array;
  flags: Int32Array;
  /** Index of the hop's route (see RouteTable). */
  route: Int32Array;
  start: Float64Array;
  end: Float64Array;

  constructor(capacity = 1024) {
    this.capacity = capacity;
    this.packet = new Int32Array(capacity);
    this.connection = new Int32Array(capacity);
    this.flags = new Int32Array(capacity);
    this.route = new Int32Array(capacity);
    this.start = new Float64Array(capacity);
    this.end = new Float64Array(capacity);
  }

  add(packet: number, connection: number, flags: number, route: number, start: number, end: number): number {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.packet[i] = packet;
    this.connection[i] = connection;
    this.flags[i] = flags;
    this.route[i] = route;
    this.start[i] = start;
    this.end[i] = end;
    return i;
  }

  /** Removes hops that ended at or before `now`; keeps the others in order. */
  sweep(now: number): void {
    let w = 0;
    for (let r = 0; r < this.count; r++) {
      if (this.end[r]! <= now && !(this.end[r] === this.start[r] && this.start[r]! >= now)) continue;
      if (w !== r) {
        this.packet[w] = this.packet[r]!;
        this.connection[w] = this.connection[r]!;
        this.flags[w] = this.flags[r]!;
        this.route[w] = this.route[r]!;
        this.start[w] = this.start[r]!;
        this.end[w] = this.end[r]!;
      }
      w++;
    }
    this.count = w;
  }

  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.packet = i32(this.packet);
    this.connection = i32(this.connection);
    this.flags = i32(this.flags);
    this.route = i32(this.route);
    this.start = f64(this.start);
    this.end = f64(this.end);
    this.capacity = cap;
  }
}
