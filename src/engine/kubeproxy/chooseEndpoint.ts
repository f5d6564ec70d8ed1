// Picks an endpoint the way kube-proxy's KUBE-SVC rules do: rule i of n matches with
// probability 1/(n-i) of what is left, the last rule always.
import type { Candidate, Decision } from "./explain";

export function chooseEndpoint(decision: Pick<Decision, "candidates">, rng: () => number): Candidate | null {
  const cands = decision.candidates;
  let remaining = cands.reduce((sum, c) => sum + c.probability, 0);
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    if (i === cands.length - 1) return c;
    if (rng() < c.probability / remaining) return c;
    remaining -= c.probability;
  }
  return null;
}
