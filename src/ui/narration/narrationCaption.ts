// The sentence for a narrated hop: its reason code in words, with the next hop's header showing what a
// rewrite made of the packet. A row without a code (made by hand) falls back to the engine's note.
import type { T } from "../../i18n/core";
import type { HopLogEntry } from "../../store/hopLog";
import { hopCaption } from "../../scene/captions";

export function narrationCaption(t: T, hop: HopLogEntry, next: HopLogEntry | undefined): string {
  return hop.why ? hopCaption(t, { ...hop, why: hop.why }, next ?? null) : hop.note;
}
