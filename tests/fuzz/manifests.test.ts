// Properties of loading: generated clusters load clean (so the other properties run on real clusters),
// and their mutations load to diagnostics that point into the file, never to an internal error.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trace } from "../../src/engine/trace/trace";
import { resolveNameFor } from "../../src/engine/trace/resolveName";
import { loadManifests } from "../../src/model/load";
import { clusterArb, mutate, mutationArb, SEED, toYaml } from "./clusters";

const RESULTS = ["delivered", "refused", "rejected", "dropped", "no-route", "timeout"];

describe("generated manifests", { timeout: 60_000 }, () => {
  it("at least 90% of generated clusters load with no error", () => {
    const samples = fc.sample(clusterArb, { numRuns: 60, seed: SEED });
    const failures = samples
      .map((c) => loadManifests([{ file: "c.yaml", text: toYaml(c.docs) }]).diagnostics)
      .filter((ds) => ds.some((d) => d.severity === "error"));
    expect(failures.length / samples.length, JSON.stringify(failures[0])).toBeLessThanOrEqual(0.1);
  });

  it("a mutated cluster loads to diagnostics with a line in the file and no internal error", () => {
    fc.assert(
      fc.property(clusterArb, mutationArb, (c, m) => {
        const text = toYaml(mutate(c.docs, m));
        const { cluster, diagnostics } = loadManifests([{ file: "m.yaml", text }]);
        for (const d of diagnostics) {
          expect(d.message).not.toMatch(/^Internal error/);
          expect(d.file).toBe("m.yaml");
          expect(d.line, JSON.stringify(d)).toBeGreaterThan(0);
        }
        // Whatever loaded is a valid object: its ports are port numbers, its NodePorts in the range.
        const { base, size } = cluster.config.nodePortRange;
        for (const svc of cluster.services)
          for (const p of svc.spec.ports ?? []) {
            expect(Number.isInteger(p.port) && p.port >= 1 && p.port <= 65535, `port ${p.port}`).toBe(true);
            if (p.nodePort)
              expect(p.nodePort >= base && p.nodePort < base + size, `nodePort ${p.nodePort}`).toBe(true);
          }
        const from = `client:${c.clients[0]}`;
        for (const to of c.targets.slice(0, 2)) {
          const t = trace(cluster, { from, to, seed: 1 }, { resolveName: resolveNameFor(cluster) });
          if (t.ok) expect(RESULTS).toContain(t.value.result);
        }
      }),
      { numRuns: 400, seed: SEED },
    );
  });
});
