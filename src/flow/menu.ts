// What a person can do to one object of the graph, from its context menu: pure, so the list (and which
// entries apply) is tested without a browser. Each entry makes an undoable change for store.perform.
import type { T } from "../i18n/core";
import type { MessageKey } from "../i18n/en";
import { phrase, type Phrase } from "../i18n/phrase";
import { parseNsName } from "../protocol/nsName";
import type { ClusterSummary, SimState } from "../protocol/messages";
import { parsePlaceId } from "../protocol/placeId";
import { objectActions } from "../store/objectActions";
import type { NewChange, PlaygroundStore } from "../store/playgroundStore";

export interface MenuEntry {
  key: string;
  label: Phrase;
  /** Why it cannot be done now, shown instead of doing it. */
  disabled?: Phrase;
  make(s: PlaygroundStore): NewChange;
}

const OBJECT_WORDS: Record<string, MessageKey> = {
  svc: "menu.object.svc",
  pod: "menu.object.pod",
  node: "menu.object.node",
  client: "menu.object.client",
  lb: "menu.object.lb",
};

/** An object named with its kind, for menu titles and "Actions for …" labels ("Service web"). */
export function objectTitle(t: T, kind: string, name: string): string {
  const words = OBJECT_WORDS[kind];
  return words ? t(words, { name }) : `${kind} ${name}`;
}

export function menuEntries(id: string, cluster: ClusterSummary | null, sim: SimState | null): MenuEntry[] {
  const place = parsePlaceId(id);
  if (!cluster || !place) return [];
  const { name } = place;
  switch (place.kind) {
    case "node": {
      const up = sim?.nodes.find((n) => n.name === name)?.up ?? true;
      return up
        ? [{ key: "fail", label: phrase("menu.failNode"), make: () => objectActions.failNode(name) }]
        : [
            {
              key: "recover",
              label: phrase("menu.recoverNode"),
              make: () => objectActions.recoverNode(name),
            },
          ];
    }
    case "pod": {
      const pod = cluster.pods.find((p) => p.name === name);
      if (!pod) return [];
      const out: MenuEntry[] = [
        {
          key: "delete",
          label: phrase("menu.deletePod"),
          ...(pod.terminating ? { disabled: phrase("menu.alreadyTerminating") } : {}),
          make: () => objectActions.deletePod(name),
        },
      ];
      const owner = pod.owner;
      if (owner) {
        const replicas = cluster.pods.filter((p) => p.owner === owner && !p.terminating).length;
        const short = parseNsName(owner).name;
        out.push({
          key: "scale-up",
          label: phrase("menu.scale", { name: short, replicas: replicas + 1 }),
          make: (s) => objectActions.scale(s, owner, replicas + 1, replicas),
        });
        out.push({
          key: "scale-down",
          label: phrase("menu.scale", { name: short, replicas: Math.max(0, replicas - 1) }),
          ...(replicas === 0 ? { disabled: phrase("menu.noReplicas") } : {}),
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
          label: phrase("menu.field", { field: "externalTrafficPolicy", value: next }),
          make: (s) => objectActions.setExternalTrafficPolicy(s, name, next),
        });
      }
      const iNext = svc.internalTrafficPolicy === "Local" ? "Cluster" : "Local";
      out.push({
        key: "itp",
        label: phrase("menu.field", { field: "internalTrafficPolicy", value: iNext }),
        make: (s) => objectActions.setInternalTrafficPolicy(s, name, iNext),
      });
      const aNext = svc.sessionAffinity === "ClientIP" ? "None" : "ClientIP";
      out.push({
        key: "affinity",
        label: phrase("menu.field", { field: "sessionAffinity", value: aNext }),
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
  notify: (why: Phrase) => void,
): Promise<void> {
  if (entry.disabled) return notify(entry.disabled);
  // perform() itself refuses, with a notice, a change to an object the YAML does not contain.
  await get().perform(entry.make(get()));
}
