// What the store tells the person after it recovered from something: a damaged saved entry, a manifest
// that could not load at all, a simulation worker that hung or failed and was replaced. Phrases only:
// the view puts them into words in the language of the moment.
import { phrase } from "../i18n/phrase";
import { MAX_RESTARTS, type SimRestart } from "../worker/client";
import type { SaveDamage } from "./persistence";
import type { Notice } from "./playgroundStore";

export function damageNotice(d: SaveDamage): Notice {
  if (!d.movedTo)
    return { kind: "error", ...phrase(d.textKept ? "recovery.saved.partKept" : "recovery.saved.noneKept") };
  const key = d.movedTo;
  return { kind: "error", ...phrase(d.textKept ? "recovery.saved.part" : "recovery.saved.none", { key }) };
}

export const loadFailedNotice = (reason: string): Notice => ({
  kind: "error",
  ...phrase("recovery.loadFailed", { reason }),
});

export function restartNotice(e: SimRestart, how: { scenario: boolean; duringLoad: boolean }): Notice {
  if (e.gaveUp) return { kind: "error", ...phrase("recovery.worker.gaveUp", { times: MAX_RESTARTS }) };
  if (e.reason === "stopped")
    return {
      kind: "info",
      ...phrase(how.scenario ? "recovery.worker.stoppedScenario" : "recovery.worker.stopped"),
    };
  if (e.reason === "crash") {
    const reason = e.message ?? "";
    if (how.scenario) return { kind: "error", ...phrase("recovery.worker.crashScenario", { reason }) };
    return { kind: "error", ...phrase("recovery.worker.crash", { reason }) };
  }
  const seconds = Math.max(1, Math.round((e.limitMs ?? 0) / 1000));
  if (how.scenario) return { kind: "error", ...phrase("recovery.worker.loadTimeoutScenario", { seconds }) };
  if (how.duringLoad) return { kind: "error", ...phrase("recovery.worker.loadTimeout", { seconds }) };
  return { kind: "error", ...phrase("recovery.worker.timeout", { seconds }) };
}
