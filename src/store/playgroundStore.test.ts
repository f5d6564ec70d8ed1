import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { enT } from "../i18n/english.test-util";
import { phrase, say } from "../i18n/phrase";
import { createSimClient } from "../worker/client";
import { createPlaygroundStore } from "./playgroundStore";
import { objectActions } from "./objectActions";
import { patchObject, ref } from "./yamlPatch";

const SCENARIO = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");

async function ready(scenario = SCENARIO) {
  const store = createPlaygroundStore({ scenario, client: createSimClient({ forceInProcess: true }) });
  for (let i = 0; i < 4000 && !store.getState().cluster; i++) await new Promise((r) => setTimeout(r, 5));
  return store;
}

describe("playground store", { timeout: 60_000 }, () => {
  it("loads the scenario into the simulation and shows its cluster", async () => {
    const store = await ready();
    expect(store.getState().cluster!.nodes.map((n) => n.name)).toEqual(["node-1", "node-2", "node-3"]);
    expect(store.getState().diagnostics).toEqual([]);
  });

  it("keeps the last good cluster when the text has an error, and shows the error", async () => {
    const store = await ready();
    await store.getState().setYaml(SCENARIO.replace("nodePort: 30080", "nodePort: 29999"));
    const s = store.getState();
    expect(s.diagnostics.some((d) => d.severity === "error" && d.path === "spec.ports[0].nodePort")).toBe(
      true,
    );
    expect(s.appliedYaml).toBe(SCENARIO);
    expect(s.cluster!.services.find((x) => x.name === "default/web")!.ports[0]!.nodePort).toBe(30080);
    expect(s.yaml).toContain("29999");
  });

  it("undoes and redoes a change that edits the YAML and acts on the simulation", async () => {
    const store = await ready();
    const after = patchObject(SCENARIO, ref("Deployment", "default/web"), ["spec", "replicas"], 5)!;
    const ok = await store.getState().perform({
      label: phrase("history.scale", { deployment: "default/web", replicas: 5 }),
      yamlAfter: after,
      actions: [{ type: "scale", deployment: "default/web", replicas: 5 }],
      inverse: [{ type: "scale", deployment: "default/web", replicas: 3 }],
    });
    expect(ok).toBe(true);
    expect(store.getState().yaml).toContain("replicas: 5");
    await store.getState().undo();
    expect(store.getState().yaml).toContain("replicas: 3");
    expect(store.getState().future).toHaveLength(1);
    await store.getState().redo();
    expect(store.getState().yaml).toContain("replicas: 5");
  });

  it("reports a refused action as a notice, worded from the engine's code, and records nothing", async () => {
    const store = await ready();
    const ok = await store.getState().perform({
      label: phrase("history.failNode", { node: "node-9" }),
      actions: [{ type: "failNode", node: "node-9" }],
      inverse: [],
    });
    expect(ok).toBe(false);
    expect(store.getState().notice).toEqual({
      kind: "error",
      key: "engine.unknownNode",
      params: { node: "node-9" },
    });
    expect(store.getState().past).toEqual([]);
  });

  it("refuses a Service change when the Service is not written in the YAML, with a notice", async () => {
    const store = await ready();
    const ok = await store
      .getState()
      .perform(objectActions.setExternalTrafficPolicy(store.getState(), "default/kubernetes", "Local"));
    expect(ok).toBe(false);
    const notice = store.getState().notice!;
    expect(say(enT, notice)).toContain("Service default/kubernetes is not written in the YAML");
  });

  it("switches a Service's externalTrafficPolicy in the YAML and live in the simulation, undoably", async () => {
    const store = await ready();
    const ok = await store
      .getState()
      .perform(objectActions.setExternalTrafficPolicy(store.getState(), "default/web", "Local"));
    expect(ok).toBe(true);
    expect(store.getState().yaml).toContain("externalTrafficPolicy: Local");
    await store.getState().undo();
    expect(store.getState().yaml).not.toContain("externalTrafficPolicy: Local");
  });

  it("leaves a command's refusal to its caller: a step the view takes itself shows no notice", async () => {
    const store = await ready();
    const r = await store.getState().client.step();
    expect(r.ok).toBe(false);
    expect(store.getState().notice).toBeNull();
  });
});
