// The words the packet layer flashes: what a NAT rewrote, what a hop's flags say. Pure: words come from
// `t`; why a packet died comes from its reason code (hopMark in src/scene/captions.ts).
import { HOP } from "../protocol/simulation";
import type { T } from "../i18n/core";
import type { MessageKey } from "../i18n/en";
import { splitHostPort } from "../protocol/hostPort";

interface Header {
  src: string;
  dst: string;
}

/** "192.168.1.10:4000" -> "192.168.1.2:4000" shows as "192.168.1.10 → 192.168.1.2" when the port stays. */
export function rewrite(before: string, after: string): string {
  const a = splitHostPort(before);
  const b = splitHostPort(after);
  if (a.port === b.port) return `${a.host} → ${b.host}`;
  return `${before} → ${after}`;
}

/**
 * What a NAT did to a packet: compares its header on the flagged hop (before) with its header on the
 * next hop (after). Empty when nothing visible changed.
 */
export function natLines(t: T, flags: number, before: Header, after: Header): string[] {
  const out: string[] = [];
  const undo = (flags & HOP.unnat) !== 0;
  if (before.dst !== after.dst)
    out.push(
      t(undo ? "animation.nat.unnatDst" : "animation.nat.dnat", { change: rewrite(before.dst, after.dst) }),
    );
  if (before.src !== after.src)
    out.push(
      t(undo ? "animation.nat.unnatSrc" : "animation.nat.snat", { change: rewrite(before.src, after.src) }),
    );
  return out;
}

export const NAT_FLAGS = HOP.dnat | HOP.snat | HOP.unnat;

/** The kind of end a hop's flags announce, or null. */
export function endKind(flags: number): "drop" | "reject" | "lost" | "refuse" | null {
  if (flags & HOP.drop) return "drop";
  if (flags & HOP.reject) return "reject";
  if (flags & HOP.lost) return "lost";
  if (flags & HOP.refuse) return "refuse";
  return null;
}

const FLAG_NAMES: [number, MessageKey][] = [
  [HOP.dnat, "animation.flag.dnat"],
  [HOP.snat, "animation.flag.snat"],
  [HOP.unnat, "animation.flag.unnat"],
  [HOP.drop, "animation.flag.drop"],
  [HOP.reject, "animation.flag.reject"],
  [HOP.lost, "animation.flag.lost"],
  [HOP.refuse, "animation.flag.refuse"],
  [HOP.deliver, "animation.flag.deliver"],
];

/** What a hop's flags say, in words (reply is shown apart). */
export function flagNames(t: T, flags: number): string[] {
  return FLAG_NAMES.filter(([bit]) => flags & bit).map(([, key]) => t(key));
}
