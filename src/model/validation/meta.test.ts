// Cases from apimachinery's pkg/api/validation/objectmeta_test.go.
import { describe, expect, it } from "vitest";
import { validateObjectMeta } from "./meta";
import { nameIsDNSSubdomain } from "./names";

const ns = { namespaced: true, nameFn: nameIsDNSSubdomain };
const cluster = { namespaced: false, nameFn: nameIsDNSSubdomain };

describe("validateObjectMeta", () => {
  it("accepts a valid namespaced object", () => {
    expect(validateObjectMeta({ name: "web", namespace: "default" }, ns)).toEqual([]);
  });
  it("requires a name or generateName", () => {
    expect(validateObjectMeta({ name: "", namespace: "default" }, ns)).toEqual([
      { path: "metadata.name", message: "Required value: name or generateName is required" },
    ]);
  });
  it("checks generateName with a trailing dash allowed", () => {
    expect(validateObjectMeta({ name: "web-x1", generateName: "web-", namespace: "default" }, ns)).toEqual(
      [],
    );
  });
  it("reports an invalid generateName at metadata.generateName", () => {
    const errs = validateObjectMeta({ name: "web", generateName: "Web-", namespace: "default" }, ns);
    expect(errs.map((e) => e.path)).toEqual(["metadata.generateName"]);
  });
  it("requires a namespace for namespaced kinds", () => {
    expect(validateObjectMeta({ name: "web" }, ns)).toEqual([
      { path: "metadata.namespace", message: "Required value" },
    ]);
  });
  it("forbids a namespace on cluster-scoped kinds", () => {
    expect(validateObjectMeta({ name: "n1", namespace: "default" }, cluster)).toEqual([
      { path: "metadata.namespace", message: "Forbidden: not allowed on this type" },
    ]);
  });
  it("checks the namespace as a DNS-1123 label", () => {
    expect(validateObjectMeta({ name: "web", namespace: "a.b" }, ns)).toEqual([
      { path: "metadata.namespace", message: 'Invalid value: "a.b": must not contain dots' },
    ]);
  });
  it("reports a bad label value at metadata.labels", () => {
    expect(
      validateObjectMeta({ name: "web", namespace: "default", labels: { app: "-x" } }, ns)[0]?.path,
    ).toBe("metadata.labels");
  });
  it("reports a bad label key with the key as the value", () => {
    expect(
      validateObjectMeta({ name: "web", namespace: "default", labels: { "a/b/c": "x" } }, ns)[0]?.message,
    ).toMatch(/^Invalid value: "a\/b\/c": a valid label key must consist of/);
  });
  it("accepts upper-case annotation key prefixes (compared lower-cased)", () => {
    expect(
      validateObjectMeta({ name: "web", namespace: "default", annotations: { "Example.com/A": "x" } }, ns),
    ).toEqual([]);
  });
  it("limits annotations to 256 KiB in total", () => {
    const big = { a: "x".repeat(256 * 1024) };
    expect(validateObjectMeta({ name: "web", namespace: "default", annotations: big }, ns)).toEqual([
      { path: "metadata.annotations", message: "Too long: may not be more than 262144 bytes" },
    ]);
  });
});
