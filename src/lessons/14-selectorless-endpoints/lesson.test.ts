// What lesson 14's story rests on, checked on the engine: the hand-written Endpoints name the crane pods
// as the scenario loads, and a replaced pod comes back with an address the Endpoints do not list.
import { describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- the lesson's story is checked on the engine itself
import { Simulation } from "../../engine/sim/simulation";
import { hasErrors } from "../../protocol/diagnostics";
// eslint-disable-next-line no-restricted-imports -- the lesson's story is checked on the engine itself
import { loadManifests } from "../../model/load";
import scenario from "./scenario.yaml?raw";

const listed = ["10.244.1.3", "10.244.2.2"];
const craneIPs = (pods: { metadata: { labels?: Record<string, string> }; status?: { podIP?: string } }[]) =>
  pods
    .filter((p) => p.metadata.labels?.app === "crane")
    .map((p) => p.status?.podIP)
    .sort();

describe("lesson 14 scenario", () => {
  it("loads without errors, its Endpoints listing the crane pods' real IPs", () => {
    const { cluster, diagnostics } = loadManifests(scenario);
    expect(hasErrors(diagnostics)).toBe(false);
    expect(craneIPs(cluster.pods)).toEqual(listed);
  });

  it("replaces the deleted crane pod on node-3 with a pod at an address the Endpoints do not list", () => {
    const sim = Simulation.load([{ file: "scenario.yaml", text: scenario }], { seed: 1 });
    const doomed = sim.cluster.pods.find(
      (p) => p.metadata.labels?.app === "crane" && p.spec.nodeName === "node-3",
    )!;
    expect(sim.act({ type: "deletePod", pod: `default/${doomed.metadata.name}` }).ok).toBe(true);
    sim.advanceTo(sim.now + 35_000_000);
    const now = craneIPs(sim.cluster.pods);
    expect(now).toHaveLength(2);
    expect(now.filter((ip) => !listed.includes(ip!))).toHaveLength(1);
  });
});
