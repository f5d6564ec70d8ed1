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

  it("labels a kind read but not modelled Kind/namespace/name", () => {
    const d = decodeObject({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "app" } });
    expect(d.ok && d.kind === "ignored" && d.label).toBe("ConfigMap/default/app");
  });

  it("labels a cluster-scoped kind read but not modelled Kind/name", () => {
    const d = decodeObject({ apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } });
    expect(d.ok && d.kind === "ignored" && d.label).toBe("Namespace/shop");
  });

  it("labels an unknown kind Kind/namespace/name", () => {
    const d = decodeObject({
      apiVersion: "cert-manager.io/v1",
      kind: "Certificate",
      metadata: { name: "tls", namespace: "shop" },
    });
    expect(!d.ok && d.label).toBe("Certificate/shop/tls");
  });

  it("labels a named ClusterConfig ClusterConfig/name", () => {
    const d = decodeObject({
      apiVersion: "kubehops.dev/v1alpha1",
      kind: "ClusterConfig",
      metadata: { name: "c" },
    });
    expect(d.ok && d.kind === "clusterConfig" && d.label).toBe("ClusterConfig/c");
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

  it("rejects a document that is not a mapping with a short excerpt of it", () => {
    const d = decodeObject("x".repeat(100_000));
    expect(!d.ok && d.errors[0]!.message.length).toBeLessThan(200);
  });
});

/** A mapping as the YAML reader makes it: no prototype, so `__proto__` is an ordinary key. */
const yamlMap = (json: string): Record<string, unknown> =>
  JSON.parse(json, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.assign(Object.create(null), v) : v,
  ) as Record<string, unknown>;

describe("decodeObject on keys JavaScript objects inherit", () => {
  const unknownField = (path: string) => ({
    path,
    message: `Unknown field: strict decoding error: unknown field "${path}"`,
  });

  it("refuses __proto__ holding a map in a Pod spec as an unknown field", () => {
    const d = decodeObject(
      yamlMap(
        '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"__proto__":{"containers":5}}}',
      ),
    );
    expect(!d.ok && d.errors).toEqual([unknownField("spec.__proto__")]);
  });

  it("refuses constructor, toString, valueOf and prototype in a Service port as unknown fields", () => {
    const d = decodeObject(
      yamlMap(
        '{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"ports":[{"port":80,"constructor":1,"toString":"x","valueOf":{},"prototype":[]}]}}',
      ),
    );
    expect(!d.ok && d.errors).toEqual([
      unknownField("spec.ports[0].constructor"),
      unknownField("spec.ports[0].toString"),
      unknownField("spec.ports[0].valueOf"),
      unknownField("spec.ports[0].prototype"),
    ]);
  });

  it("refuses in a loose object a key no API type could have, and keeps unmodelled fields", () => {
    const d = decodeObject(
      yamlMap(
        '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","hasOwnProperty":"x"},"spec":{"restartPolicy":"Always","my-field":1}}',
      ),
    );
    expect(!d.ok && d.errors).toEqual([
      unknownField("metadata.hasOwnProperty"),
      unknownField("spec.my-field"),
    ]);
  });

  it("keeps __proto__ as a label key for validation to judge, in an object without prototype", () => {
    const d = decodeObject(
      yamlMap(
        '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"__proto__":"x"}},"spec":{}}',
      ),
    );
    const labels = d.ok && d.kind === "object" ? d.object.metadata.labels! : {};
    expect(Object.keys(labels)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(labels)).toBeNull();
  });

  it("says a mapping is no string without trying to quote it", () => {
    const d = decodeObject(
      yamlMap('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"app":{"a":1}}},"spec":{}}'),
    );
    expect(!d.ok && d.errors).toEqual([
      { path: "metadata.labels[app]", message: "Invalid type: expected a string, got a mapping" },
    ]);
  });
});

describe("decodeObject on numbers JSON cannot carry", () => {
  it.each([
    [Infinity, "+Inf"],
    [-Infinity, "-Inf"],
    [NaN, "NaN"],
  ])("refuses %s in a port with kubectl's conversion error at its path", (port, go) => {
    const d = decodeObject(svc({ ports: [{ port }] }));
    expect(!d.ok && d.errors).toEqual([
      {
        path: "spec.ports[0].port",
        message: `error converting YAML to JSON: json: unsupported value: ${go}`,
      },
    ]);
  });

  it("refuses them in fields that are not modelled, too, with a key path", () => {
    const d = decodeObject({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p", annotations: { "example.com/x": Infinity } },
      spec: { terminationGracePeriodSeconds: NaN },
    });
    expect(!d.ok && d.errors.map((e) => e.path)).toEqual([
      "metadata.annotations[example.com/x]",
      "spec.terminationGracePeriodSeconds",
    ]);
  });

  it("reads kind __proto__ or constructor as an unknown kind, not as an inherited entry", () => {
    for (const kind of ["__proto__", "constructor"]) {
      const d = decodeObject({ apiVersion: "v1", kind, metadata: { name: "a" } });
      expect(d).toMatchObject({ ok: false, unknownKind: kind });
      expect(d.ok ? "" : d.errors[0]!.message).toContain("; Kube Hops reads v1 Node");
    }
  });
});
