// The actions a person takes on an object (from its context menu or the inspector), each as one
// undoable change: the simulation action, its inverse, and the same change written into the YAML
// where the object is written there (store.perform makes the edit, loading the YAML tools on demand).
import { phrase, type Phrase } from "../i18n/phrase";
import type { NewChange, PlaygroundStore } from "./playgroundStore";

/**
 * A Service field changed in the manifests and, live, in the running simulation (kubectl apply of the
 * new object; undo applies the old one). store.perform refuses it when the Service is not written there.
 */
const serviceField = (
  service: string,
  field: string,
  value: unknown,
  label: Phrase = phrase("history.field", { field, value: String(value), service }),
): NewChange => ({
  label,
  actions: [],
  inverse: [],
  yamlEdit: { kind: "Service", name: service, path: ["spec", field], value, live: true },
});

export const objectActions = {
  failNode: (node: string): NewChange => ({
    label: phrase("history.failNode", { node }),
    actions: [{ type: "failNode", node }],
    inverse: [{ type: "recoverNode", node }],
  }),

  recoverNode: (node: string): NewChange => ({
    label: phrase("history.recoverNode", { node }),
    actions: [{ type: "recoverNode", node }],
    inverse: [{ type: "failNode", node }],
  }),

  deletePod: (pod: string): NewChange => ({
    label: phrase("history.deletePod", { pod }),
    actions: [{ type: "deletePod", pod }],
    // A deleted pod is replaced by its ReplicaSet, not restored: undo has nothing to do.
    inverse: [],
  }),

  scale: (_s: PlaygroundStore, deployment: string, replicas: number, from: number): NewChange => ({
    label: phrase("history.scale", { deployment, replicas }),
    actions: [{ type: "scale", deployment, replicas }],
    inverse: [{ type: "scale", deployment, replicas: from }],
    // Written into the manifests when the Deployment is there; scaled in the simulation either way.
    yamlEdit: {
      kind: "Deployment",
      name: deployment,
      path: ["spec", "replicas"],
      value: replicas,
      live: false,
    },
  }),

  setExternalTrafficPolicy: (_s: PlaygroundStore, service: string, policy: "Cluster" | "Local") =>
    serviceField(service, "externalTrafficPolicy", policy),

  setInternalTrafficPolicy: (_s: PlaygroundStore, service: string, policy: "Cluster" | "Local") =>
    serviceField(service, "internalTrafficPolicy", policy),

  setSessionAffinity: (_s: PlaygroundStore, service: string, affinity: "None" | "ClientIP") =>
    serviceField(service, "sessionAffinity", affinity),

  setPorts: (_s: PlaygroundStore, service: string, ports: unknown[]) =>
    serviceField(service, "ports", ports, phrase("history.ports", { service })),
};
