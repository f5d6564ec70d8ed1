// A command the worker refused, as a message for the view: the engine's refusals are worded from their
// code in the language of the moment (src/i18n/*/engine.ts); everything else (the worker's own words, and
// the codes whose text is the engine's or the API server's own) is shown as it came.
import type { MessageKey } from "../i18n/en";
import { type Message, phrase } from "../i18n/phrase";
import type { Refusal } from "../protocol/errors";
import type { Failure } from "../worker/client";

/** The key that words each code; null: shown as it came. */
const KEYS: Record<Refusal["code"], MessageKey | null> = {
  "invalid-action": null,
  "invalid-object": null,
  "unknown-node": "engine.unknownNode",
  "unknown-pod": "engine.unknownPod",
  "unknown-deployment": "engine.unknownDeployment",
  "unknown-client": "engine.unknownClient",
  "unknown-phase": "engine.unknownPhase",
  "node-already-down": "engine.nodeAlreadyDown",
  "node-not-down": "engine.nodeNotDown",
  "pod-already-terminating": "engine.podAlreadyTerminating",
  "pod-without-ip": "engine.podWithoutIP",
  "invalid-source": "engine.invalidSource",
  "invalid-source-ip": "engine.invalidSourceIP",
  "invalid-destination": "engine.invalidDestination",
  "name-needs-pod": "engine.nameNeedsPod",
  "name-external": "engine.nameExternal",
  "name-not-found": "engine.nameNotFound",
  "family-mismatch": "engine.familyMismatch",
  "not-loaded": "engine.notLoaded",
  "nothing-to-step": "engine.nothingToStep",
  "nothing-to-step-back": "engine.nothingToStepBack",
  "invalid-speed": "engine.invalidSpeed",
  "invalid-time": "engine.invalidTime",
  "replay-too-long": "engine.replayTooLong",
  "replay-missed": "engine.replayMissed",
  "replay-refused": "engine.replayRefused",
};

export function refusalMessage(f: Failure): Message {
  const key = f.refusal && KEYS[f.refusal.code];
  return key ? phrase(key, { ...f.refusal!.params }) : { text: f.error };
}
