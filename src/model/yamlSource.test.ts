import { describe, expect, it } from "vitest";
import { MAX_NESTING, MAX_OBJECTS, parseFieldPath, readYaml } from "./yamlSource";

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

describe("readYaml on hostile input", () => {
  const only = (text: string) => {
    const r = readYaml(text, "f.yaml");
    expect(r.diagnostics).toEqual([]);
    return r.objects[0]!.value as Record<string, Record<string, unknown>>;
  };

  it("reads __proto__ as an ordinary key of a mapping without a prototype", () => {
    const v = only("spec:\n  __proto__:\n    containers: 5\n  constructor: x\n");
    expect(Object.getPrototypeOf(v.spec)).toBeNull();
    expect(Object.keys(v.spec!)).toEqual(["__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(v.spec, "__proto__")!.value).toEqual({ containers: 5 });
    expect((v.spec as { containers?: unknown }).containers).toBeUndefined();
  });

  it("finds a duplicate key among 100,000, at the duplicate's line", () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `    k${i}: v`);
    const text = `kind: ConfigMap\ndata:\n  inner:\n${keys.join("\n")}\n    k77777: again\n`;
    const r = readYaml(text, "f.yaml");
    expect(r.objects).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        severity: "error",
        message: "YAML syntax error: Map keys must be unique",
        path: "",
        object: "",
        file: "f.yaml",
        line: 100_004,
        column: 5,
      },
    ]);
  });

  it("keeps 100,000 distinct keys, in order, and locates the last of them", () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `  k${i}: v${i}`);
    const r = readYaml(`kind: ConfigMap\ndata:\n${keys.join("\n")}\n`, "f.yaml");
    const data = (r.objects[0]!.value as { data: Record<string, string> }).data;
    expect(Object.keys(data)).toHaveLength(100_000);
    expect(data.k99999).toBe("v99999");
    expect(r.objects[0]!.locate("data[k99999]")).toEqual({ line: 100_002, column: 11 });
  });

  it("accepts nesting of exactly MAX_NESTING levels", () => {
    const text = `a: ${"[".repeat(MAX_NESTING - 1)}${"]".repeat(MAX_NESTING - 1)}\n`;
    expect(readYaml(text, "f.yaml").diagnostics).toEqual([]);
  });

  it("refuses flow nesting 100,000 deep with the limit and the line, not a stack overflow", () => {
    const text = `kind: Pod\nspec:\n  x: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n---\nkind: B\n`;
    const r = readYaml(text, "f.yaml");
    expect(r.diagnostics).toEqual([
      {
        severity: "error",
        message: "YAML nesting is deeper than 100 levels: a manifest may nest at most 100",
        path: "",
        object: "",
        file: "f.yaml",
        line: 3,
        column: 5 + MAX_NESTING - 1,
      },
    ]);
    expect(r.objects.map((o) => (o.value as { kind: string }).kind)).toEqual(["B"]);
  });

  it("refuses block nesting one level too deep at the line where it goes too deep", () => {
    const lines = Array.from({ length: MAX_NESTING + 1 }, (_, i) => `${"  ".repeat(i)}a:`);
    const r = readYaml(`${lines.join("\n")} 1\n`, "f.yaml");
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [MAX_NESTING + 1, "YAML nesting is deeper than 100 levels: a manifest may nest at most 100"],
    ]);
  });

  it("refuses aliases that nest a value deeper than the limit", () => {
    // Each anchor holds the previous one 60 levels down: shallow as text, 180 levels as a value.
    const chain = (name: string, inner: string) =>
      `${name}: &${name} ${"[".repeat(60)}${inner}${"]".repeat(60)}`;
    const text = [chain("a", "1"), chain("b", "*a"), chain("c", "*b")].join("\n");
    const r = readYaml(`${text}\n`, "f.yaml");
    expect(r.objects).toEqual([]);
    expect(r.diagnostics[0]!.message).toMatch(
      /^YAML nesting is deeper than 100 levels through the alias \*a/,
    );
    expect(r.diagnostics[0]!.line).toBe(2);
  });

  it("refuses a billion laughs: aliases that repeat more than MAX_ALIAS_NODES nodes", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(",")}]`);
    }
    const r = readYaml(`${lines.join("\n")}\n`, "f.yaml");
    expect(r.objects).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.message).toBe(
      "YAML aliases repeat more than 100000 nodes in this document: at most 100000 may be repeated",
    );
    expect(r.diagnostics[0]!.line).toBeGreaterThan(1);
  });

  it("still reads an alias to an earlier anchor", () => {
    const v = only("a: &x {p: 1}\nb: *x\n");
    expect(v.b).toEqual({ p: 1 });
  });

  it("reads YAML 1.1 timestamps and !!binary as the text they were written as", () => {
    const v = only("%YAML 1.1\n---\nwhen: 2001-12-14\ndata: !!binary aGVsbG8=\n");
    expect(v).toEqual({ when: "2001-12-14", data: "aGVsbG8=" });
  });

  it("refuses a mapping used as a key", () => {
    const r = readYaml("? {a: 1}\n: x\n", "f.yaml");
    expect(r.objects).toEqual([]);
    expect(r.diagnostics[0]!.message).toBe("YAML syntax error: invalid map key: a mapping cannot be a key");
  });

  it("reports a control character at its line and column, keeping the other documents", () => {
    const r = readYaml("kind: A\n---\nkind: B\nname: a\u0000b\n---\nkind: C\n", "f.yaml");
    expect(r.objects.map((o) => (o.value as { kind: string }).kind)).toEqual(["A", "C"]);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [4, 8, "YAML syntax error: control characters are not allowed: found U+0000"],
    ]);
  });

  it("reports a byte that was not UTF-8 (kept as an escaped surrogate) instead of replacing it", () => {
    const r = readYaml("kind: A\nmetadata:\n  annotations:\n    note: caf\uDCE9\n", "f.yaml");
    expect(r.objects).toEqual([]);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [
        4,
        14,
        "YAML syntax error: invalid UTF-8: byte 0xE9 is not part of a UTF-8 character (save the file as UTF-8)",
      ],
    ]);
  });

  it("answers binary input with one short message", () => {
    const binary = Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join("");
    const r = readYaml(binary, "f.bin");
    expect(r.objects).toEqual([]);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics) {
      expect(d.line).toBeGreaterThan(0);
      expect(d.message.length).toBeLessThan(300);
    }
  });
});

describe("readYaml: object count", () => {
  it("reads at most MAX_OBJECTS objects from a file and says where it stopped", () => {
    const doc = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`;
    const text = Array.from({ length: MAX_OBJECTS + 2 }, (_, i) => doc(i)).join("---\n");
    const r = readYaml(text, "many.yaml");
    expect(r.objects).toHaveLength(MAX_OBJECTS);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.message).toMatch(/^too many objects: a file may hold at most 10000/);
    // At the `---` that starts the first document past the limit (each takes 3 lines and its `---`).
    expect(r.diagnostics[0]!.line).toBe(MAX_OBJECTS * 4);
  });
});
