// Every refusal the engine's entry points give, in one place: its code, its params and its English
// message (the CLI's words). The view words the same codes from its own tables (src/i18n/en/engine.ts
// says the same in English; a test keeps the two alike).
import { type EngineError, refusal } from "./result";

export const refuse = {
  invalidAction: (message: string): EngineError => refusal("invalid-action", message),
  invalidObject: (message: string): EngineError => refusal("invalid-object", message),
  unknownNode: (node: string): EngineError => refusal("unknown-node", `no node named "${node}"`, { node }),
  unknownPod: (pod: string): EngineError => refusal("unknown-pod", `no pod ${pod}`, { pod }),
  unknownDeployment: (deployment: string): EngineError =>
    refusal("unknown-deployment", `no deployment ${deployment}`, { deployment }),
  unknownClient: (client: string, clients: string): EngineError =>
    refusal("unknown-client", `no client named "${client}"; clients: ${clients}`, { client, clients }),
  unknownPhase: (phase: number): EngineError =>
    refusal("unknown-phase", `no traffic is running as phase ${phase}`, { phase }),
  nodeAlreadyDown: (node: string): EngineError =>
    refusal("node-already-down", `${node} is already down`, { node }),
  nodeNotDown: (node: string): EngineError => refusal("node-not-down", `${node} is not down`, { node }),
  podAlreadyTerminating: (pod: string): EngineError =>
    refusal("pod-already-terminating", `pod ${pod} is already terminating`, { pod }),
  podWithoutIP: (pod: string, phase: string): EngineError =>
    refusal("pod-without-ip", `pod ${pod} has no IP yet (it is ${phase})`, { pod, phase }),
  invalidSource: (from: string): EngineError =>
    refusal("invalid-source", `--from takes client:NAME, pod:NS/NAME, node:NAME or ip:ADDR; got "${from}"`, {
      from,
    }),
  sourceNotIP: (ip: string): EngineError =>
    refusal("invalid-source-ip", `"${ip}" is not an IP address`, { ip }),
  explainSourceNotIP: (ip: string): EngineError =>
    refusal("invalid-source-ip", `invalid source IP "${ip}"`, { ip }),
  destinationNotHostPort: (to: string): EngineError =>
    refusal("invalid-destination", `--to takes IP:PORT or NAME:PORT; got "${to}"`, { to }),
  explainDestinationNotHostPort: (to: string): EngineError =>
    refusal("invalid-destination", `invalid destination "${to}": expected IP:PORT or [IPv6]:PORT`, { to }),
  nameNeedsPod: (name: string): EngineError =>
    refusal(
      "name-needs-pod",
      `"${name}" can only be looked up by a pod: nodes and outside clients use their own DNS, which does not know cluster names; give an IP address`,
      { name },
    ),
  nameExternal: (name: string, target: string): EngineError =>
    refusal(
      "name-external",
      `"${name}" is an ExternalName: a CNAME to ${target}, outside the cluster, which Kube Hops does not resolve`,
      { name, target },
    ),
  nameNotFound: (name: string, from: string, detail: string): EngineError =>
    refusal("name-not-found", `"${name}" does not resolve from ${from} (${detail})`, { name, from, detail }),
  familyMismatch: (src: string, dst: string): EngineError =>
    refusal(
      "family-mismatch",
      `${src} and ${dst} are of different IP families: the sender has no address of the destination's family`,
      { src, dst },
    ),
  explainFamilyMismatch: (src: string, dst: string): EngineError =>
    refusal("family-mismatch", `source ${src} and destination ${dst} are of different IP families`, {
      src,
      dst,
    }),
  cannotResolve: (name: string, from: string): EngineError =>
    refusal("name-not-found", `cannot resolve "${name}" from ${from}`, { name, from }),
};
