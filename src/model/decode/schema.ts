// A small schema language for decoding YAML values into the API types, reporting wrong types and unknown
// fields the way the API server's strict decoding does (`kubectl apply` uses --validate=strict by default).
import type { FieldError } from "../diagnostics";

export type Schema =
  | { t: "string" }
  | { t: "int"; goType: "int32" | "int64" }
  | { t: "bool" }
  | { t: "intOrString" }
  | { t: "stringMap" }
  | { t: "any" }
  | { t: "list"; of: Schema }
  | { t: "object"; fields: Record<string, Schema>; strict: boolean };

export const str: Schema = { t: "string" };
export const int32: Schema = { t: "int", goType: "int32" };
export const int64: Schema = { t: "int", goType: "int64" };
export const bool: Schema = { t: "bool" };
export const intOrString: Schema = { t: "intOrString" };
export const stringMap: Schema = { t: "stringMap" };
export const any: Schema = { t: "any" };
export const list = (of: Schema): Schema => ({ t: "list", of });
/** An object whose every field is known here: unknown fields are errors, as strict decoding makes them. */
export const strict = (fields: Record<string, Schema>): Schema => ({ t: "object", fields, strict: true });
/** An object of which only some fields matter here: other fields pass unchecked. */
export const loose = (fields: Record<string, Schema>): Schema => ({ t: "object", fields, strict: false });

const describe = (v: unknown): string =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "a list"
      : typeof v === "object"
        ? "a mapping"
        : `${typeof v} ${JSON.stringify(v)}`;

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Checks `value` against `schema`, collecting errors. Wrong types are errors (the API server refuses to
 * decode them); null stands for "omitted", as in JSON. Returns nothing: the value is used as it is once
 * no error was found.
 */
export function check(value: unknown, schema: Schema, path: string, errs: FieldError[]): void {
  if (value === null || value === undefined) return;
  const bad = (expected: string) =>
    errs.push({ path, message: `Invalid type: expected ${expected}, got ${describe(value)}` });
  switch (schema.t) {
    case "any":
      return;
    case "string":
      if (typeof value !== "string") bad("a string");
      return;
    case "bool":
      if (typeof value !== "boolean") bad("true or false");
      return;
    case "int":
      if (typeof value !== "number" || !Number.isInteger(value)) bad(`an integer (${schema.goType})`);
      else if (schema.goType === "int32" && (value > 2147483647 || value < -2147483648))
        bad("an integer that fits in 32 bits");
      return;
    case "intOrString":
      if (!(typeof value === "string" || (typeof value === "number" && Number.isInteger(value))))
        bad("an integer or a string");
      return;
    case "stringMap":
      if (typeof value !== "object" || Array.isArray(value)) return void bad("a mapping of strings");
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        if (typeof v !== "string")
          errs.push({
            path: `${path}[${k}]`,
            message: `Invalid type: expected a string, got ${describe(v)} (quote it: "${String(v)}")`,
          });
      return;
    case "list":
      if (!Array.isArray(value)) return void bad("a list");
      value.forEach((item, i) => {
        if (item === null || item === undefined)
          errs.push({
            path: `${path}[${i}]`,
            message: "Invalid value: null: a list item may not be empty (remove the lone '-')",
          });
        else check(item, schema.of, `${path}[${i}]`, errs);
      });
      return;
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return void bad("a mapping");
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const sub = schema.fields[k];
        if (sub) check(v, sub, join(path, k), errs);
        else if (schema.strict)
          errs.push({
            path: join(path, k),
            message: `Unknown field: strict decoding error: unknown field "${join(path, k)}"`,
          });
      }
    }
  }
}

/** Drops nulls (JSON's "omitted") so that defaulting sees absent fields as absent. */
export function dropNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(dropNulls) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = dropNulls(v);
    return out as T;
  }
  return value;
}
