// A small schema language for decoding YAML values into the API types, reporting wrong types and unknown
// fields the way the API server's strict decoding does (`kubectl apply` uses --validate=strict by default).
import type { FieldError } from "../diagnostics";
import { goQuote } from "../field";

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
        : typeof v === "string"
          ? `string ${goQuote(v)}`
          : `${typeof v} ${String(v)}`;

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** A Go struct's JSON field name in the API: lowerCamelCase letters and digits (`clusterIP`, `podCIDRs`). */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
/** Names an object would inherit in JavaScript; no API type has a field by any of them. */
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);

/**
 * Whether a key could be a field of some API type at all. A loose object lets unmodelled fields
 * through, but the API server's strict decoding knows every field of every type, so a key that no
 * type has (`__proto__`, `constructor`, `toString`, `my-field`) is refused as it would refuse it.
 */
const couldBeField = (k: string): boolean => FIELD_NAME.test(k) && !INHERITED.has(k);

const unknownField = (path: string): FieldError => ({
  path,
  message: `Unknown field: strict decoding error: unknown field ${goQuote(path)}`,
});

/** A map key in a field path: `labels[app.kubernetes.io/name]`, or `.name` for a field-like key. */
const keyPath = (path: string, k: string) => (couldBeField(k) ? join(path, k) : `${path}[${k}]`);

/**
 * Numbers JSON cannot carry (.inf, -.inf, .nan), anywhere in a value. kubectl converts YAML to JSON
 * before sending it, and that conversion fails on them (sigs.k8s.io/yaml, then encoding/json).
 */
export function checkFinite(value: unknown, path: string, errs: FieldError[]): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      const go = Number.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
      errs.push({ path, message: `error converting YAML to JSON: json: unsupported value: ${go}` });
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => checkFinite(v, `${path}[${i}]`, errs));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) checkFinite(v, keyPath(path, k), errs);
}

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
            message: `Invalid type: expected a string, got ${describe(v)}${
              typeof v === "number" || typeof v === "boolean" ? ` (quote it: "${String(v)}")` : ""
            }`,
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
        const sub = Object.hasOwn(schema.fields, k) ? schema.fields[k] : undefined;
        if (sub) check(v, sub, join(path, k), errs);
        else if (schema.strict || !couldBeField(k)) errs.push(unknownField(join(path, k)));
      }
    }
  }
}

/** Drops nulls (JSON's "omitted") so that defaulting sees absent fields as absent. */
export function dropNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(dropNulls) as T;
  if (value && typeof value === "object") {
    // No prototype: a key is only ever a key (`out.__proto__ = v` would otherwise set the prototype).
    const out = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = dropNulls(v);
    return out as T;
  }
  return value;
}
