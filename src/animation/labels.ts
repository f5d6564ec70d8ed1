// The words the packet layer flashes: what a NAT rewrote, why a packet died. Pure.
import { HOP } from "../engine/sim/types";
import { shortName } from "../flow/ids";

interface Header {
  src: string;
  dst: string;
}

function splitHostPort(a: string): [string, string] {
  const i = a.lastIndexOf(":");
  // IPv6 without a port, or no port at all.
  if (i < 0 || a.indexOf(":") !== i) return [a, ""];
  return [a.slice(0, i), a.slice(i + 1)];
}

/** "192.168.1.10:4000" -> "192.168.1.2:4000" shows as "192.168.1.10 → 192.168.1.2" when the port stays. */
export function rewrite(before: string, after: string): string {
  const [h1, p1] = splitHostPort(before);
  const [h2, p2] = splitHostPort(after);
  if (p1 === p2) return `${h1} → ${h2}`;
  return `${before} → ${after}`;
}

/**
 * What a NAT did to a packet: compares its header on the flagged hop (before) with its header on the
 * next hop (after). Empty when nothing visible changed.
 */
export function natLines(flags: number, before: Header, after: Header): string[] {
  const out: string[] = [];
  const undo = (flags & HOP.unnat) !== 0;
  if (before.dst !== after.dst)
    out.push(`${undo ? "un-NAT dst" : "DNAT dst"} ${rewrite(before.dst, after.dst)}`);
  if (before.src !== after.src)
    out.push(`${undo ? "un-NAT src" : "SNAT src"} ${rewrite(before.src, after.src)}`);
  return out;
}

export const NAT_FLAGS = HOP.dnat | HOP.snat | HOP.unnat;
export const END_FLAGS = HOP.drop | HOP.reject | HOP.lost | HOP.refuse;

/** The kind of end a hop's flags announce, or null. */
export function endKind(flags: number): "drop" | "reject" | "lost" | "refuse" | null {
  if (flags & HOP.drop) return "drop";
  if (flags & HOP.reject) return "reject";
  if (flags & HOP.lost) return "lost";
  if (flags & HOP.refuse) return "refuse";
  return null;
}

/** A short reason from a hop's note, for a mark on the graph (the full note is in the log). */
export function shortReason(note: string): string {
  const n = note.toLowerCase();
  if (n.includes("externaltrafficpolicy local") && n.includes("no local endpoint"))
    return "eTP Local, no local endpoint";
  if (n.includes("internaltrafficpolicy local") && n.includes("no local endpoint"))
    return "iTP Local, no local endpoint";
  if (n.includes("no endpoints")) return "no endpoints";
  if (n.includes("nothing on") && n.includes("listens")) return "nothing listens";
  if (n.includes("down")) return "node down";
  const first = note.split(/[:;(]/)[0]!.trim();
  return first.length > 40 ? `${first.slice(0, 39)}…` : first;
}

/** The mark's words: "DROP: eTP Local, no local endpoint", "REJECT: no endpoints", "RST". */
export function endText(kind: "drop" | "reject" | "lost" | "refuse", note: string): string {
  switch (kind) {
    case "drop":
      return `DROP: ${shortReason(note)}`;
    case "reject":
      return `REJECT: ${shortReason(note)}`;
    case "lost":
      return `LOST: ${shortReason(note)}`;
    case "refuse":
      return "RST";
  }
}

const FLAG_NAMES: [number, string][] = [
  [HOP.dnat, "DNAT"],
  [HOP.snat, "SNAT"],
  [HOP.unnat, "un-NAT"],
  [HOP.drop, "DROP"],
  [HOP.reject, "REJECT"],
  [HOP.lost, "LOST"],
  [HOP.refuse, "RST"],
  [HOP.deliver, "delivered"],
];

/** What a hop's flags say, in words (reply is shown apart). */
export function flagNames(flags: number): string[] {
  return FLAG_NAMES.filter(([bit]) => flags & bit).map(([, name]) => name);
}

/** "pod:default/web-1" -> "web-1"; "node:node-1" -> "node-1". */
export function placeLabel(id: string): string {
  const i = id.indexOf(":");
  return i < 0 ? id : shortName(id.slice(i + 1));
}
