// Formatting from apimachinery's pkg/util/validation/field/errors.go (ErrorBody, NotSupported, TooMany).
import { describe, expect, it } from "vitest";
import { goMap, goValue, invalid, MAX_QUOTED, notSupported, tooLong, tooMany } from "./field";

describe("field errors", () => {
  it("quotes string values", () => {
    expect(invalid("spec.x", "a b", "bad")).toEqual({ path: "spec.x", message: 'Invalid value: "a b": bad' });
  });
  it("prints numbers bare", () => {
    expect(goValue(8080)).toBe("8080");
  });
  it("prints nil as null", () => {
    expect(goValue(null)).toBe("null");
  });
  it("prints maps as JSON with sorted keys", () => {
    expect(goValue(goMap({ b: "2", a: "1" }))).toBe('{"a":"1","b":"2"}');
  });
  it("prints a map key named __proto__ as the key it is", () => {
    const labels = JSON.parse('{"__proto__":"x","app":"web"}') as Record<string, string>;
    expect(goValue(goMap(labels))).toBe('{"__proto__":"x","app":"web"}');
  });
  it("quotes a long string as a short, escaped excerpt", () => {
    const v = `\u0000${"a".repeat(1_000_000)}`;
    const m = invalid("metadata.name", v, "bad").message;
    expect(m).toBe(`Invalid value: "\\u0000${"a".repeat(MAX_QUOTED - 1)}…": bad`);
  });
  it("cuts a long list or map printed as JSON", () => {
    expect(goValue(Array.from({ length: 10_000 }, (_, i) => `10.0.${i}.0/24`)).length).toBeLessThanOrEqual(
      2 * MAX_QUOTED + 1,
    );
  });
  it("escapes <, > and & in JSON as encoding/json does", () => {
    expect(goValue(["<a&b>"])).toBe('["\\u003ca\\u0026b\\u003e"]');
  });
  it("quotes each supported value", () => {
    expect(notSupported("p", "X", ["A", "B"]).message).toBe(
      'Unsupported value: "X": supported values: "A", "B"',
    );
  });
  it("prints the count in Too many", () => {
    expect(tooMany("p", 9, 8).message).toBe("Too many: 9: must have at most 8 items");
  });
  it("never prints the value in Too long", () => {
    expect(tooLong("p", 262144).message).toBe("Too long: may not be more than 262144 bytes");
  });
});
