// loadManifests never throws: a bug that throws on some input becomes an internal error diagnostic
// and the empty cluster. The bug is planted by making the teaching warnings throw on a Service "boom".
import { describe, expect, it, vi } from "vitest";
import { load } from "./testing";

vi.mock("./teachingWarnings", async (importOriginal) => {
  const real = await importOriginal<typeof import("./teachingWarnings")>();
  return {
    ...real,
    teachingWarnings: (cluster: Parameters<typeof real.teachingWarnings>[0]) => {
      if (cluster.services.some((s) => s.metadata.name === "boom")) throw new TypeError("planted bug");
      return real.teachingWarnings(cluster);
    },
  };
});

describe("loadManifests when something inside throws", () => {
  it("returns the empty cluster and an internal error instead of throwing", () => {
    const r = load("apiVersion: v1\nkind: Service\nmetadata: {name: boom}\nspec: {ports: [{port: 80}]}\n");
    expect(r.diagnostics[0]).toEqual({
      severity: "error",
      message: "Internal error: Kube Hops could not load these manifests (planted bug); please report it",
      path: "",
      object: "",
      file: "",
      line: 0,
      column: 0,
    });
    // What every cluster has: the API server's Service and the cluster DNS.
    expect(r.cluster.services.map((s) => s.metadata.name)).toEqual(["kubernetes", "kube-dns"]);
    expect(r.cluster.nodes).toHaveLength(3);
  });
});
