import { describe, expect, it } from "vitest";
import { decodeObject } from "./decodeObject";

const svc = (spec: Record<string, unknown>) => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "web" },
  spec,
});

describe("decodeObject", () => {
  it("defaults a missing namespace to default, as kubectl apply does", () => {
    const d = decodeObject(svc({ ports: [{ port: 80 }] }));
    expect(d.ok && d.kind === "object" && d.object.metadata.namespace).toBe("default");
  });

  it("requires apiVersion and kind", () => {
    const d = decodeObject({ metadata: { name: "x" } });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.errors.map((e) => e.path)).toEqual(["apiVersion", "kind"]);
  });

  it("names the kinds it reads when the kind is unknown", () => {
    const d = decodeObject({ apiVersion: "v1", kind: "Srevice", metadata: { name: "x" } });
    expect(!d.ok && d.errors[0]!.message).toMatch(
      /^no matches for kind "Srevice" in version "v1"; Kube Hops reads .*v1 Service/,
    );
  });

  it("tells the right apiVersion when the kind is known under another", () => {
    const d = decodeObject({ apiVersion: "v1", kind: "Deployment", metadata: { name: "x" } });
    expect(!d.ok && d.errors[0]).toEqual({
      path: "apiVersion",
      message: 'no matches for kind "Deployment" in version "v1": Deployment is served as apiVersion apps/v1',
    });
  });

  it("rejects a port given as a string with its field path", () => {
    const d = decodeObject(svc({ ports: [{ port: "eighty" }] }));
    expect(!d.ok && d.errors[0]).toEqual({
      path: "spec.ports[0].port",
      message: 'Invalid type: expected an integer (int32), got string "eighty"',
    });
  });

  it("rejects an unknown Service field as strict decoding does", () => {
    const d = decodeObject(svc({ prots: [] }));
    expect(!d.ok && d.errors[0]!.message).toBe(
      'Unknown field: strict decoding error: unknown field "spec.prots"',
    );
  });

  it("accepts pod spec fields it does not model", () => {
    const d = decodeObject({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p" },
      spec: { containers: [{ name: "c", resources: {} }], restartPolicy: "Always" },
    });
    expect(d.ok).toBe(true);
  });

  it("rejects a label value that YAML read as a number, with a hint to quote it", () => {
    const d = decodeObject({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p", labels: { version: 2 } },
      spec: {},
    });
    expect(!d.ok && d.errors[0]!.path).toBe("metadata.labels[version]");
  });

  it("sets a known-but-unmodelled kind aside with an info note", () => {
    const d = decodeObject({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } });
    expect(d.ok && d.kind === "ignored" && d.note.severity).toBe("info");
  });

  it("rejects a document that is not a mapping", () => {
    expect(decodeObject("just text").ok).toBe(false);
    expect(decodeObject([1, 2]).ok).toBe(false);
  });
});
