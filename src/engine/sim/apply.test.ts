// apply is all or nothing: when the API server refuses one object of the manifest, the action is refused
// and nothing changed, as the worker's timeline assumes (a replay leaves a refused action out).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Simulation } from "./simulation";

const DEFAULT = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");
const REFUSED_POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: bad}\nspec: {containers: [{name: c}]}\n";
const EXTRA_SERVICE =
  "apiVersion: v1\nkind: Service\nmetadata: {name: extra}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n";
const WEB_OUT_OF_RANGE =
  "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports: [{name: http, port: 80, targetPort: http, nodePort: 29999}]\n";
const WEB_NEW_TEMPLATE = DEFAULT.split("---\n")
  .find((d) => d.includes("kind: Deployment"))!
  .replace("image: nginx:1.27", "image: nginx:1.28");

/** The run: maybe the refused apply first, then a pod deleted (its replacement gets a new uid) and time. */
function run(refusedApply: string | null) {
  const sim = Simulation.load([{ file: "default.yaml", text: DEFAULT }], { seed: 1 });
  const events = [];
  if (refusedApply !== null) {
    const r = sim.act({ type: "apply", manifest: refusedApply });
    expect(r.ok ? null : r.error.code).toBe("invalid-object");
    events.push(...sim.advanceTo(sim.now).events);
  }
  const pod = sim.cluster.pods.find((p) => p.metadata.name.startsWith("web-"))!;
  expect(sim.act({ type: "deletePod", pod: `default/${pod.metadata.name}` }).ok).toBe(true);
  sim.advanceTo(sim.now + 60_000_000);
  return { cluster: JSON.stringify(sim.cluster), events };
}

describe("Simulation.act apply: all or nothing", () => {
  const without = run(null).cluster;

  it("creates no object of a manifest one of whose objects is refused", () => {
    expect(run(`${EXTRA_SERVICE}---\n${REFUSED_POD}`).cluster).toBe(without);
  });

  it("leaves a replaced object where it was when its replacement is refused (order and uids as before)", () => {
    expect(run(WEB_OUT_OF_RANGE).cluster).toBe(without);
  });

  it("terminates no pod of a Deployment whose new template comes with a refused object", () => {
    const r = run(`${WEB_NEW_TEMPLATE}---\n${REFUSED_POD}`);
    expect(r.events).toEqual([]);
    expect(r.cluster).toBe(without);
  });

  it("says what was refused, object by object, as before", () => {
    const sim = Simulation.load([{ file: "default.yaml", text: DEFAULT }], { seed: 1 });
    const r = sim.act({
      type: "apply",
      manifest: `${EXTRA_SERVICE}---\n${REFUSED_POD}---\n${WEB_OUT_OF_RANGE}`,
    });
    expect(r.ok ? "" : r.error.message).toBe(
      "Pod/default/bad: spec.containers[0].image: Required value; Service/default/web: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767",
    );
  });
});
