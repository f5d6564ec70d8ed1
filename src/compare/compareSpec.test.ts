import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { hasErrors } from "../protocol/diagnostics";
// eslint-disable-next-line no-restricted-imports -- the spec is checked on the cluster the model really loads
import { loadManifests } from "../model/load";
import * as tools from "../store/yamlPatch";
import { clusterSummary } from "../worker/summary";
import { compareSpec } from "./compareSpec";
import type { CompareSetting, CompareSpec } from "./types";
import { variantYamls } from "./variantYaml";

const SCENARIO = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");
const cluster = clusterSummary(loadManifests(SCENARIO).cluster);

function specFor(setting: CompareSetting, scenario = SCENARIO, c = cluster): CompareSpec {
  const r = compareSpec(setting, scenario, { cluster: c, service: "default/web" });
  if (!r.ok) throw new Error(`no spec: ${r.problem}`);
  return r.spec;
}

/** The object of a kind and name in a multi-document YAML text, as plain data. */
function object(text: string, kind: string, name: string): Record<string, unknown> {
  const docs = text.split(/^---$/m).map((d) => parse(d) as Record<string, unknown> | null);
  const found = docs.find(
    (d) => d?.kind === kind && (d.metadata as { name?: string } | undefined)?.name === name,
  );
  if (!found) throw new Error(`${kind} ${name} not in the text`);
  return found;
}

/** Every document of a multi-document YAML text, as plain data. */
function parseAll(text: string): unknown[] {
  return text.split(/^---$/m).map((d) => parse(d) as unknown);
}

/** Every path where two plain values differ, as dotted strings. */
function differences(a: unknown, b: unknown, at = ""): string[] {
  if (a === b) return [];
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return [at];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) =>
    differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], at ? `${at}.${k}` : k),
  );
}

function sides(spec: CompareSpec): [string, string] {
  const r = variantYamls(spec, tools);
  if (!r.ok) throw new Error(`the edits did not apply: ${r.missing.kind} ${r.missing.name}`);
  return r.yamls;
}

describe("compareSpec", () => {
  it("compares externalTrafficPolicy Cluster with Local on the Service, nothing else differing", () => {
    const spec = specFor("externalTrafficPolicy");
    const [a, b] = sides(spec);
    const svcA = object(a, "Service", "web");
    const svcB = object(b, "Service", "web");
    expect(differences(svcA, svcB)).toEqual(["spec.externalTrafficPolicy"]);
    expect((svcA.spec as Record<string, unknown>).externalTrafficPolicy).toBe("Cluster");
    expect((svcB.spec as Record<string, unknown>).externalTrafficPolicy).toBe("Local");
    expect(differences(parseAll(a), parseAll(b))).toEqual(["5.spec.externalTrafficPolicy"]);
  });

  it("sends eTP traffic from the outside client to the NodePort of a node that runs a web pod", () => {
    const spec = specFor("externalTrafficPolicy");
    expect(spec.traffic.from).toBe("client:laptop");
    // node-1 is the tainted control plane: no web pod, so Local would only drop there.
    expect(spec.traffic.to).toBe("192.168.1.3:30080");
    expect(spec.service).toBe("default/web");
  });

  it("compares sessionAffinity None with ClientIP in the one field", () => {
    const [a, b] = sides(specFor("sessionAffinity"));
    expect(differences(parseAll(a), parseAll(b))).toEqual(["5.spec.sessionAffinity"]);
    expect(object(b, "Service", "web").spec).toMatchObject({ sessionAffinity: "ClientIP" });
  });

  it("drops a ClientIP timeout config on the None side, which the API server would refuse", () => {
    const withConfig = SCENARIO.replace(
      "  type: NodePort\n",
      "  type: NodePort\n  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 60\n",
    );
    const [a, b] = sides(specFor("sessionAffinity", withConfig));
    expect(object(a, "Service", "web").spec).not.toHaveProperty("sessionAffinityConfig");
    expect(hasErrors(loadManifests(a).diagnostics)).toBe(false);
    expect(hasErrors(loadManifests(b).diagnostics)).toBe(false);
  });

  it("compares curl with keep-alive on identical manifests", () => {
    const spec = specFor("connection");
    const [a, b] = sides(spec);
    expect(a).toBe(SCENARIO);
    expect(b).toBe(SCENARIO);
    expect(spec.variants.map((v) => v.connection)).toEqual(["new", "keepalive"]);
  });

  it("compares 2 with 3 endpoints by the replicas of the Deployment behind the Service", () => {
    const [a, b] = sides(specFor("endpoints"));
    expect(differences(parseAll(a), parseAll(b))).toEqual(["4.spec.replicas"]);
    const pods = (text: string) =>
      clusterSummary(loadManifests(text).cluster).pods.filter((p) => p.labels.app === "web").length;
    expect([pods(a), pods(b)]).toEqual([2, 3]);
  });

  it("gives manifests that load without errors for every setting", () => {
    for (const setting of ["externalTrafficPolicy", "sessionAffinity", "connection", "endpoints"] as const) {
      const spec = specFor(setting);
      for (const text of sides(spec))
        expect(loadManifests(text).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    }
  });

  it("keeps the same seed and traffic on both sides", () => {
    const spec = specFor("sessionAffinity");
    expect(spec.seed).toBe(1);
    expect(spec.traffic).toEqual({ from: "client:laptop", to: "192.168.1.3:30080", count: 20 });
  });

  it("refuses externalTrafficPolicy for a ClusterIP Service", () => {
    const internal = SCENARIO.replace("  type: NodePort\n", "").replace("      nodePort: 30080\n", "");
    const c = clusterSummary(loadManifests(internal).cluster);
    expect(compareSpec("externalTrafficPolicy", internal, { cluster: c, service: "default/web" })).toEqual({
      ok: false,
      problem: "notExternal",
    });
  });

  it("sends in-cluster settings from a node to the ClusterIP when the Service is not exposed", () => {
    const internal = SCENARIO.replace("  type: NodePort\n", "").replace("      nodePort: 30080\n", "");
    const c = clusterSummary(loadManifests(internal).cluster);
    const r = compareSpec("sessionAffinity", internal, { cluster: c, service: "default/web" });
    const svc = c.services.find((s) => s.name === "default/web")!;
    expect(r.ok && r.spec.traffic).toEqual({ from: "node:node-1", to: `${svc.clusterIP}:80`, count: 20 });
  });

  it("refuses endpoints for a Service without a selector (nothing to scale)", () => {
    const r = compareSpec("endpoints", SCENARIO, { cluster, service: "default/kubernetes" });
    expect(r).toEqual({ ok: false, problem: "noSelector" });
  });

  it("refuses endpoints when the selector matches no Deployment's pods", () => {
    const orphan = SCENARIO.replace("  selector:\n    app: web\n", "  selector:\n    app: api\n");
    const c = clusterSummary(loadManifests(orphan).cluster);
    expect(compareSpec("endpoints", orphan, { cluster: c, service: "default/web" })).toEqual({
      ok: false,
      problem: "noDeployment",
    });
  });

  it("names the edit whose object the scenario does not write (a Service made elsewhere)", () => {
    const spec = specFor("externalTrafficPolicy");
    const r = variantYamls({ ...spec, scenario: SCENARIO.split("---\n# The control plane")[0]! }, tools);
    expect(r).toEqual({ ok: false, missing: spec.variants[0].edits[0] });
  });

  it("takes the traffic and seed it is given", () => {
    const r = compareSpec("externalTrafficPolicy", SCENARIO, {
      cluster,
      service: "default/web",
      from: "client:laptop",
      to: "192.168.1.2:30080",
      count: 5,
      seed: 9,
    });
    expect(r.ok && [r.spec.traffic, r.spec.seed]).toEqual([
      { from: "client:laptop", to: "192.168.1.2:30080", count: 5 },
      9,
    ]);
  });
});
