// Property tests: nothing a person can type makes the engine throw. Random text, random YAML values and
// mutations of the default scenario all load to a cluster plus diagnostics; traces over whatever
// loaded end in exactly one result.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { explain } from "../src/engine/proxy";
import { resolveNameFor } from "../src/engine/trace/resolveName";
import { trace } from "../src/engine/trace/trace";
import { loadManifests } from "../src/model/load";

const DEFAULT = readFileSync(new URL("../scenarios/default.yaml", import.meta.url), "utf8");
const DOCS = DEFAULT.split(/^---$/m).map((d) => parse(d) as unknown);
const RESULTS = ["delivered", "refused", "rejected", "dropped", "no-route", "timeout"];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -70000, max: 70000 }),
  fc.double({ noNaN: false }),
  fc.string(),
  fc.constantFrom(
    "None",
    "Local",
    "NodePort",
    "LoadBalancer",
    "ExternalName",
    "10.96.0.1",
    "::1",
    "TCP",
    "http",
    "",
    "-1",
  ),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
);

/** Sets, deletes or replaces the value at a random path of a document. */
function mutate(doc: unknown, steps: number[], value: Json, op: number): unknown {
  const copy = structuredClone(doc) as Json;
  let cur: Json = copy;
  for (let i = 0; i < steps.length; i++) {
    if (cur === null || typeof cur !== "object") break;
    const keys = Object.keys(cur);
    if (!keys.length) break;
    const key = keys[steps[i]! % keys.length]!;
    const next = (cur as Record<string, Json>)[key]!;
    const last = i === steps.length - 1 || next === null || typeof next !== "object";
    if (last) {
      if (op === 0) delete (cur as Record<string, Json>)[key];
      else (cur as Record<string, Json>)[key] = value;
      break;
    }
    cur = next;
  }
  return copy;
}

function exercise(text: string) {
  const { cluster, diagnostics } = loadManifests([{ file: "f.yaml", text }]);
  for (const d of diagnostics) {
    expect(typeof d.message).toBe("string");
    expect(d.line).toBeGreaterThanOrEqual(0);
  }
  const targets = ["192.168.1.2:30080", "192.168.1.3:30080", "10.96.0.1:443", "web:80"];
  const froms = [
    "client:laptop",
    "node:node-2",
    ...cluster.pods.slice(0, 2).map((p) => `pod:${p.metadata.namespace}/${p.metadata.name}`),
  ];
  for (const from of froms)
    for (const to of targets) {
      const t = trace(cluster, { from, to, seed: 3 }, { resolveName: resolveNameFor(cluster) });
      if (!t.ok) continue;
      expect(RESULTS).toContain(t.value.result);
    }
  for (const n of cluster.nodes)
    explain(cluster, { node: n.metadata.name, src: "192.168.1.10", dst: "192.168.1.2:30080" });
}

// Generous timeouts: these run hundreds of loads each, on shared machines.
describe("robustness", { timeout: 120_000 }, () => {
  it("never throws on random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => exercise(s)),
      { numRuns: 300 },
    );
  });

  it("never throws on random YAML documents with Kubernetes kinds", () => {
    const kind = fc.constantFrom(
      "Service",
      "Pod",
      "Node",
      "Deployment",
      "ReplicaSet",
      "Endpoints",
      "EndpointSlice",
      "ClusterConfig",
      "List",
    );
    const apiVersion = fc.constantFrom("v1", "apps/v1", "discovery.k8s.io/v1", "kubehops.dev/v1alpha1");
    const doc = fc.record({
      apiVersion,
      kind,
      metadata: fc.oneof(anyValue, fc.record({ name: fc.string() })),
      spec: anyValue,
      status: anyValue,
      items: anyValue,
    });
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 4 }), (docs) =>
        exercise(docs.map((d) => stringify(d)).join("---\n")),
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on mutations of the default scenario", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(DOCS.length - 1),
            fc.array(fc.nat(20), { minLength: 1, maxLength: 6 }),
            anyValue,
            fc.nat(2),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (mutations) => {
          const docs = [...DOCS];
          for (const [i, steps, value, op] of mutations) docs[i] = mutate(docs[i], steps, value, op);
          exercise(docs.map((d) => stringify(d)).join("---\n"));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("never throws on line-level damage to the default scenario's text", () => {
    const lines = DEFAULT.split("\n");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(lines.length - 1), fc.string({ maxLength: 8 }), fc.boolean()), {
          maxLength: 5,
        }),
        (edits) => {
          const l = [...lines];
          for (const [i, s, replace] of edits) {
            if (replace) l[i] = s;
            else l[i] = (l[i] ?? "") + s;
          }
          exercise(l.join("\n"));
        },
      ),
      { numRuns: 300 },
    );
  });
});
