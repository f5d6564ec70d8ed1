import { describe, expect, it } from "vitest";
import { parseFieldPath, readYaml } from "./yamlSource";

describe("readYaml", () => {
  it("splits a multi-document stream into objects in file order", () => {
    const r = readYaml("kind: A\n---\nkind: B\n", "f.yaml");
    expect(r.objects.map((o) => (o.value as { kind: string }).kind)).toEqual(["A", "B"]);
  });

  it("expands the items of a kind: List, as kubectl get -o yaml prints them", () => {
    const r = readYaml("apiVersion: v1\nkind: List\nitems:\n- kind: Service\n- kind: Pod\n", "f.yaml");
    expect(r.objects.map((o) => (o.value as { kind: string }).kind)).toEqual(["Service", "Pod"]);
    expect(r.objects[1]!.locate("kind")).toEqual({ line: 5, column: 9 });
  });

  it("skips empty documents", () => {
    expect(readYaml("---\n---\nkind: A\n", "f.yaml").objects).toHaveLength(1);
  });

  it("locates a field path at the line and column of its value", () => {
    const text = "kind: Service\nspec:\n  ports:\n  - port: 80\n    nodePort: 29999\n";
    const [obj] = readYaml(text, "f.yaml").objects;
    expect(obj!.locate("spec.ports[0].nodePort")).toEqual({ line: 5, column: 15 });
  });

  it("locates a missing field at its nearest existing parent", () => {
    const [obj] = readYaml("kind: Service\nspec:\n  type: NodePort\n", "f.yaml").objects;
    expect(obj!.locate("spec.ports[0].port").line).toBe(3);
  });

  it("reports a syntax error with its line and keeps the documents that parse", () => {
    const r = readYaml("kind: A\n---\nkind: [unclosed\n---\nkind: C\n", "f.yaml");
    expect(r.objects.map((o) => (o.value as { kind: string }).kind)).toEqual(["A", "C"]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
    expect(r.diagnostics[0]!.message).toMatch(/^YAML syntax error/);
  });

  it("reports a duplicate key as a syntax error", () => {
    const r = readYaml("kind: A\nkind: B\n", "f.yaml");
    expect(r.diagnostics[0]!.severity).toBe("error");
    expect(r.objects).toHaveLength(0);
  });
});

describe("parseFieldPath", () => {
  it("splits dotted names and indices", () => {
    expect(parseFieldPath("spec.ports[0].nodePort")).toEqual(["spec", "ports", 0, "nodePort"]);
  });
  it("keeps map keys given in brackets", () => {
    expect(parseFieldPath("metadata.labels[app.kubernetes.io/name]")).toEqual([
      "metadata",
      "labels",
      "app.kubernetes.io/name",
    ]);
  });
});
