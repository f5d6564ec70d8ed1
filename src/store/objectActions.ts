// The actions a person takes on an object (from its context menu or the inspector), each as one
// undoable change: the simulation action, its inverse, and the same change written into the YAML where
// the object is written there.
import type { Change, PlaygroundStore } from "./playgroundStore";
import { objectText, patchObject, ref } from "./yamlPatch";

type NewChange = Omit<Change, "yamlBefore" | "yamlAfter"> & { yamlAfter?: string };

/**
 * A Service field changed in the manifests and, live, in the running simulation (kubectl apply of the
 * new object; undo applies the old one). Null when the Service is not written in the manifests.
 */
function serviceFieldChange(
  s: PlaygroundStore,
  service: string,
  field: string,
  value: unknown,
  label: string,
): NewChange | null {
  const r = ref("Service", service);
  const after = patchObject(s.yaml, r, ["spec", field], value);
  const before = objectText(s.yaml, r);
  const next = after && objectText(after, r);
  if (!after || !before || !next) return null;
  return {
    label,
    yamlAfter: after,
    actions: [{ type: "apply", manifest: next }],
    inverse: [{ type: "apply", manifest: before }],
  };
}

export const objectActions = {
  failNode: (node: string): NewChange => ({
    label: `fail ${node}`,
    actions: [{ type: "failNode", node }],
    inverse: [{ type: "recoverNode", node }],
  }),

  recoverNode: (node: string): NewChange => ({
    label: `recover ${node}`,
    actions: [{ type: "recoverNode", node }],
    inverse: [{ type: "failNode", node }],
  }),

  deletePod: (pod: string): NewChange => ({
    label: `delete pod ${pod}`,
    actions: [{ type: "deletePod", pod }],
    // A deleted pod is replaced by its ReplicaSet, not restored: undo has nothing to do.
    inverse: [],
  }),

  scale(s: PlaygroundStore, deployment: string, replicas: number, from: number): NewChange {
    const after = patchObject(s.yaml, ref("Deployment", deployment), ["spec", "replicas"], replicas);
    return {
      label: `scale ${deployment} to ${replicas}`,
      ...(after ? { yamlAfter: after } : {}),
      actions: [{ type: "scale", deployment, replicas }],
      inverse: [{ type: "scale", deployment, replicas: from }],
    };
  },

  setExternalTrafficPolicy: (s: PlaygroundStore, service: string, policy: "Cluster" | "Local") =>
    serviceFieldChange(
      s,
      service,
      "externalTrafficPolicy",
      policy,
      `externalTrafficPolicy ${policy} on ${service}`,
    ),

  setInternalTrafficPolicy: (s: PlaygroundStore, service: string, policy: "Cluster" | "Local") =>
    serviceFieldChange(
      s,
      service,
      "internalTrafficPolicy",
      policy,
      `internalTrafficPolicy ${policy} on ${service}`,
    ),

  setSessionAffinity: (s: PlaygroundStore, service: string, affinity: "None" | "ClientIP") =>
    serviceFieldChange(s, service, "sessionAffinity", affinity, `sessionAffinity ${affinity} on ${service}`),

  setPorts: (s: PlaygroundStore, service: string, ports: unknown[]) =>
    serviceFieldChange(s, service, "ports", ports, `ports of ${service}`),
};
