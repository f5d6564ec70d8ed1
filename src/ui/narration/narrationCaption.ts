// The sentence for a narrated hop. Until every hop carries a reason code, the engine's own note.
import type { T } from "../../i18n/core";
import type { HopLogEntry } from "../../store/hopLog";

export function narrationCaption(_t: T, hop: HopLogEntry, _next: HopLogEntry | undefined): string {
  return hop.note;
}
