import { describe, expect, it, vi } from "vitest";
import { enT } from "../i18n/english.test-util";
import { say } from "../i18n/phrase";
import type { SimState } from "../protocol/messages";
import type { PlaygroundStore } from "../store/playgroundStore";
import { type MenuEntry, menuEntries, runEntry } from "./menu";
import { testCluster } from "./testCluster";

const words = (entries: MenuEntry[]) => entries.map((e) => say(enT, e.label));
const sim = (up: boolean) => ({ nodes: [{ name: "node-2", up, ready: up }] }) as unknown as SimState;

describe("menuEntries", () => {
  it("fails a live node and recovers a dead one", () => {
    expect(words(menuEntries("node:node-2", testCluster(), sim(true)))).toEqual(["Fail node"]);
    expect(words(menuEntries("node:node-2", testCluster(), sim(false)))).toEqual(["Recover node"]);
  });

  it("deletes a pod and scales its Deployment", () => {
    const c = testCluster();
    const entries = menuEntries(`pod:${c.pods[0]!.name}`, c, null);
    expect(words(entries)).toEqual(["Delete pod", "Scale web to 3", "Scale web to 1"]);
    const change = entries[1]!.make({ yaml: "" } as PlaygroundStore);
    expect(change?.actions).toEqual([{ type: "scale", deployment: "default/web", replicas: 3 }]);
    expect(change?.inverse).toEqual([{ type: "scale", deployment: "default/web", replicas: 2 }]);
  });

  it("toggles a Service's policies; eTP only where traffic comes from outside", () => {
    const c = testCluster();
    expect(words(menuEntries("svc:default/web", c, null))).toEqual([
      "externalTrafficPolicy: Local",
      "internalTrafficPolicy: Local",
      "sessionAffinity: ClientIP",
    ]);
    expect(menuEntries("svc:default/kubernetes", c, null).map((e) => e.key)).toEqual(["itp", "affinity"]);
    expect(menuEntries("client:laptop", c, null)).toEqual([]);
    expect(menuEntries("svc:default/web", null, null)).toEqual([]);
  });

  it("runs an entry's change through the store's perform", async () => {
    const c = testCluster();
    const [etp] = menuEntries("svc:default/web", c, null);
    const perform = vi.fn();
    const notify = vi.fn();
    const state = { yaml: "kind: ConfigMap\n", perform } as unknown as PlaygroundStore;
    await runEntry(etp!, "svc:default/web", () => state, notify);
    expect(perform).toHaveBeenCalledWith(
      expect.objectContaining({
        yamlEdit: expect.objectContaining({ kind: "Service", name: "default/web" }),
      }),
    );
    expect(notify).not.toHaveBeenCalled();
  });
});
