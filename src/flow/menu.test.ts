import { describe, expect, it, vi } from "vitest";
import type { SimState } from "../protocol/messages";
import type { PlaygroundStore } from "../store/playgroundStore";
import { menuEntries, runEntry } from "./menu";
import { testCluster } from "./testCluster";

const sim = (up: boolean) => ({ nodes: [{ name: "node-2", up, ready: up }] }) as unknown as SimState;

describe("menuEntries", () => {
  it("fails a live node and recovers a dead one", () => {
    expect(menuEntries("node:node-2", testCluster(), sim(true)).map((e) => e.label)).toEqual(["Fail node"]);
    expect(menuEntries("node:node-2", testCluster(), sim(false)).map((e) => e.label)).toEqual([
      "Recover node",
    ]);
  });

  it("deletes a pod and scales its Deployment", () => {
    const c = testCluster();
    const entries = menuEntries(`pod:${c.pods[0]!.name}`, c, null);
    expect(entries.map((e) => e.label)).toEqual(["Delete pod", "Scale web to 3", "Scale web to 1"]);
    const change = entries[1]!.make({ yaml: "" } as PlaygroundStore);
    expect(change?.actions).toEqual([{ type: "scale", deployment: "default/web", replicas: 3 }]);
    expect(change?.inverse).toEqual([{ type: "scale", deployment: "default/web", replicas: 2 }]);
  });

  it("toggles a Service's policies; eTP only where traffic comes from outside", () => {
    const c = testCluster();
    expect(menuEntries("svc:default/web", c, null).map((e) => e.label)).toEqual([
      "externalTrafficPolicy: Local",
      "internalTrafficPolicy: Local",
      "sessionAffinity: ClientIP",
    ]);
    expect(menuEntries("svc:default/kubernetes", c, null).map((e) => e.key)).toEqual(["itp", "affinity"]);
    expect(menuEntries("client:laptop", c, null)).toEqual([]);
    expect(menuEntries("svc:default/web", null, null)).toEqual([]);
  });

  it("explains a change that cannot be made instead of making it", async () => {
    const c = testCluster();
    const [etp] = menuEntries("svc:default/web", c, null);
    const perform = vi.fn();
    const notify = vi.fn();
    const state = { yaml: "kind: ConfigMap\n", perform } as unknown as PlaygroundStore;
    await runEntry(etp!, "svc:default/web", () => state, notify);
    expect(perform).not.toHaveBeenCalled();
    expect(notify.mock.calls[0]![0]).toMatch(/Service default\/web is not written in the YAML/);
  });
});
