// What a person can do to one object of the graph, from its context menu: pure, so the list (and which
// entries apply) is tested without a browser. Each entry makes an undoable change for store.perform,
// or null with the reason when the object is not written in the manifests.
import type { ClusterSummary, SimState } from "../protocol/messages";
import { objectActions } from "../store/objectActions";
import type { Change, PlaygroundStore } from "../store/playgroundStore";
import { splitId } from "./ids";

export type NewChange = Omit<Change, "yamlBefore" | "yamlAfter"> & { yamlAfter?: string };

export interface MenuEntry {
  key: string;
  label: string;
  /** Why it cannot be done now, shown instead of doing it. */
  disabled?: string;
  make(s: PlaygroundStore): NewChange | null;
}

/** A Service change that is not possible because the Service is not written in the YAML. */
export const notInYaml = (what: string) =>
  `${what} is not written in the YAML (it comes from elsewhere), so it cannot be changed here. Edit the manifests instead.`;

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
  const change = entry.make(get());
  if (!change) return notify(notInYaml(id.replace(/^svc:/, "Service ")));
  await get().perform(change);
}
