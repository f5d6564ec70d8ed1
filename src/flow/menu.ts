// What a person can do to one object of the graph, from its context menu: pure, so the list (and which
// entries apply) is tested without a browser. Each entry makes an undoable change for store.perform.
import type { ClusterSummary, SimState } from "../protocol/messages";
import { objectActions } from "../store/objectActions";
import type { NewChange, PlaygroundStore } from "../store/playgroundStore";
import { splitId } from "./ids";

export interface MenuEntry {
  key: string;
  label: string;
  /** Why it cannot be done now, shown instead of doing it. */
  disabled?: string;
  make(s: PlaygroundStore): NewChange;
}

export function menuEntries(id: string, cluster: ClusterSummary | null, sim: SimState | null): MenuEntry[] {
  const [kind, name] = splitId(id);
  if (!cluster) return [];
  switch (kind) {
    case "node": {
      const up = sim?.nodes.find((n) => n.name === name)?.up ?? true;
      return up
        ? [{ key: "fail", label: "Fail node", make: () => objectActions.failNode(name) }]
        : [{ key: "recover", label: "Recover node", make: () => objectActions.recoverNode(name) }];
    }
    case "pod": {
      const pod = cluster.pods.find((p) => p.name === name);
      if (!pod) return [];
      const out: MenuEntry[] = [
        {
          key: "delete",
          label: "Delete pod",
          ...(pod.terminating ? { disabled: "The pod is already terminating" } : {}),
          make: () => objectActions.deletePod(name),
        },
      ];
      const owner = pod.owner;
      if (owner) {
        const replicas = cluster.pods.filter((p) => p.owner === owner && !p.terminating).length;
        const short = owner.split("/")[1] ?? owner;
        out.push({
          key: "scale-up",
          label: `Scale ${short} to ${replicas + 1}`,
          make: (s) => objectActions.scale(s, owner, replicas + 1, replicas),
        });
        out.push({
          key: "scale-down",
          label: `Scale ${short} to ${Math.max(0, replicas - 1)}`,
          ...(replicas === 0 ? { disabled: "No replicas left to remove" } : {}),
          make: (s) => objectActions.scale(s, owner, replicas - 1, replicas),
        });
      }
      return out;
    }
    case "svc": {
      const svc = cluster.services.find((s) => s.name === name);
      if (!svc || svc.type === "ExternalName") return [];
      const out: MenuEntry[] = [];
      if (svc.type === "NodePort" || svc.type === "LoadBalancer") {
        const next = svc.externalTrafficPolicy === "Local" ? "Cluster" : "Local";
        out.push({
          key: "etp",
          label: `externalTrafficPolicy: ${next}`,
          make: (s) => objectActions.setExternalTrafficPolicy(s, name, next),
        });
      }
      const iNext = svc.internalTrafficPolicy === "Local" ? "Cluster" : "Local";
      out.push({
        key: "itp",
        label: `internalTrafficPolicy: ${iNext}`,
        make: (s) => objectActions.setInternalTrafficPolicy(s, name, iNext),
      });
      const aNext = svc.sessionAffinity === "ClientIP" ? "None" : "ClientIP";
      out.push({
        key: "affinity",
        label: `sessionAffinity: ${aNext}`,
        make: (s) => objectActions.setSessionAffinity(s, name, aNext),
      });
      return out;
    }
    default:
      return [];
  }
}

/** Runs an entry: performs its change, or explains why nothing happened. */
export async function runEntry(
  entry: MenuEntry,
  id: string,
  get: () => PlaygroundStore,
  notify: (text: string) => void,
): Promise<void> {
  if (entry.disabled) return notify(entry.disabled);
  // perform() itself refuses, with a notice, a change to an object the YAML does not contain.
  await get().perform(entry.make(get()));
}
