// A small per-packet history of the hops the layer has seen, for the packet card ("its header now and
// at every hop so far"). Bounded: the oldest packets are forgotten first.
import type { HopWhy } from "../protocol/simulation";

export interface HopRecord {
  from: string;
  to: string;
  link: string;
  src: string;
  dst: string;
  flags: number;
  start: number;
  end: number;
  note: string;
  /** kube-proxy chains that acted at `to`, and why the hop went as it did: for the card's caption. */
  rules: string[];
  why: HopWhy;
  connection: number;
}

export class PacketHistory {
  private readonly packets = new Map<number, HopRecord[]>();

  constructor(
    private readonly maxPackets = 300,
    private readonly maxHops = 32,
  ) {}

  add(packet: number, hop: HopRecord): void {
    let list = this.packets.get(packet);
    if (!list) {
      if (this.packets.size >= this.maxPackets) {
        const oldest = this.packets.keys().next().value;
        if (oldest !== undefined) this.packets.delete(oldest);
      }
      list = [];
      this.packets.set(packet, list);
    }
    list.push(hop);
    if (list.length > this.maxHops) list.shift();
  }

  of(packet: number): readonly HopRecord[] {
    return this.packets.get(packet) ?? [];
  }

  /** The hop the packet is on (or last made) at tick `now`. */
  current(packet: number, now: number): HopRecord | null {
    const list = this.packets.get(packet);
    if (!list?.length) return null;
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.start <= now) return list[i]!;
    return list[0]!;
  }

  clear(): void {
    this.packets.clear();
  }
}
