// The engine's refusals, by code (src/engine/refusals.ts): the same English the CLI prints, which
// src/store/refusal.test.ts checks against the engine. Codes that carry the engine's or the API server's
// own words (invalid-action, invalid-object) are shown as they come and have no key here.
export const engine = {
  "engine.unknownNode": 'no node named "{node}"',
  "engine.unknownPod": "no pod {pod}",
  "engine.unknownDeployment": "no deployment {deployment}",
  "engine.unknownClient": 'no client named "{client}"; clients: {clients}',
  "engine.unknownPhase": "no traffic is running as phase {phase}",
  "engine.nodeAlreadyDown": "{node} is already down",
  "engine.nodeNotDown": "{node} is not down",
  "engine.podAlreadyTerminating": "pod {pod} is already terminating",
  "engine.podWithoutIP": "pod {pod} has no IP yet (it is {phase})",
  "engine.invalidSource": '--from takes client:NAME, pod:NS/NAME, node:NAME or ip:ADDR; got "{from}"',
  "engine.invalidSourceIP": '"{ip}" is not an IP address',
  "engine.invalidDestination": '--to takes IP:PORT or NAME:PORT; got "{to}"',
  "engine.nameNeedsPod":
    '"{name}" can only be looked up by a pod: nodes and outside clients use their own DNS, which does not know cluster names; give an IP address',
  "engine.nameExternal":
    '"{name}" is an ExternalName: a CNAME to {target}, outside the cluster, which Kube Hops does not resolve',
  "engine.nameNotFound": '"{name}" does not resolve from {from} ({detail})',
  "engine.familyMismatch":
    "{src} and {dst} are of different IP families: the sender has no address of the destination's family",
  // The worker's own refusals (src/protocol/errors.ts).
  "engine.notLoaded": "No manifests loaded yet: send load first",
  "engine.nothingToStep": "Nothing to step: no packet is on its way or about to leave",
  "engine.nothingToStepBack": "Nothing to step back over: no hop has happened yet",
  "engine.invalidSpeed": "Invalid speed {factor}: it must be between {min} and {max}",
  "engine.invalidTime": "Invalid time {tick}: it must be a whole, non-negative number of ticks",
  "engine.replayTooLong": "The run is too long to replay: more than {limit} events",
  "engine.replayMissed":
    "The run does not pass through event {events} at tick {tick}: the scenario or seed differs",
  "engine.replayRefused": "An action of the run was refused: {reason}",
};
