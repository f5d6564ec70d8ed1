// Durations as people write them in manifests and scripts ("60s", "500ms", "2m", "1h", or a number of
// seconds), in microseconds: the simulation's tick.

const UNIT_MICROS = { us: 1, ms: 1_000, s: 1_000_000, m: 60_000_000, h: 3_600_000_000 } as const;

/**
 * The longest duration the simulation takes anywhere (a timing, a wait, a rate): a simulated day. Longer
 * ones teach nothing and, with the rest of a run, could push the clock past exact integers.
 */
export const LONGEST_DURATION = 24 * UNIT_MICROS.h;

export function parseDuration(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 ? Math.round(v * UNIT_MICROS.s) : null;
  if (typeof v !== "string") return null;
  const m = /^(\d+(?:\.\d+)?)(us|ms|s|m|h)$/.exec(v.trim());
  return m ? Math.round(Number(m[1]) * UNIT_MICROS[m[2] as keyof typeof UNIT_MICROS]) : null;
}
