// What a run came to, in the few words predictions ask about.
import type { Outcome } from "./types";

/**
 * How the last traffic phase ended for the client: an answer, a refusal at once (no listener, or a
 * Service with no endpoints), or silence (dropped, lost, timed out).
 */
export function heard(o: Outcome): "answer" | "refused" | "silence" {
  const r = o.last?.results;
  if (r?.delivered) return "answer";
  if (r?.refused || r?.rejected) return "refused";
  return "silence";
}

/** The id of the choice that fits what the client heard. */
export const byHeard =
  (ids: Record<ReturnType<typeof heard>, string>) =>
  (o: Outcome): string =>
    ids[heard(o)];
