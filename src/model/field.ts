// Field errors worded exactly as k8s.io/apimachinery/pkg/util/validation/field/errors.go words them,
// so that a message here reads like the one `kubectl apply` prints.
import type { FieldError } from "./diagnostics";
import { excerpt } from "./text";

/**
 * Longest value quoted in full. Go quotes any length; here a longer one (a 1 MB name, a binary file
 * read as one string) is cut, so that a message stays one readable line.
 */
export const MAX_QUOTED = 100;

/** Go's %q for a string (ASCII subset is what manifests hold; JSON escaping matches it there). */
export function goQuote(s: string): string {
  return JSON.stringify(excerpt(s, MAX_QUOTED));
}

/** A Go map's keys are printed sorted (fmt and encoding/json both sort them); wrap a record with this. */
export function goMap(
  m: Readonly<Record<string, unknown>> | undefined | null,
): Record<string, unknown> | null {
  if (m === undefined || m === null) return null;
  // No prototype: a key such as __proto__ is printed as the key it is.
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}

/** encoding/json escapes <, > and & (HTML-safe output); JSON.stringify does not. */
function goJSON(v: unknown): string {
  return excerpt(JSON.stringify(v) ?? "null", 2 * MAX_QUOTED).replace(
    /[<>&]/g,
    (c) => `\\u00${c.charCodeAt(0).toString(16)}`,
  );
}

/**
 * How ErrorBody prints a bad value: %v for numbers and bools, %q for strings, `null` for nil, and
 * JSON for anything else. Since 1.34 complex values print as JSON (`{"app":"web"}`), no longer as
 * Go syntax (`map[string]string{"app":"web"}`); pass maps through goMap so keys come out sorted.
 */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return goJSON(v);
}

const withDetail = (s: string, detail?: string) => (detail ? `${s}: ${detail}` : s);

export const invalid = (path: string, value: unknown, detail?: string): FieldError => ({
  path,
  message: withDetail(`Invalid value: ${goValue(value)}`, detail),
});

export const required = (path: string, detail?: string): FieldError => ({
  path,
  message: withDetail("Required value", detail),
});

export const forbidden = (path: string, detail?: string): FieldError => ({
  path,
  message: withDetail("Forbidden", detail),
});

export const duplicate = (path: string, value: unknown, detail?: string): FieldError => ({
  path,
  message: withDetail(`Duplicate value: ${goValue(value)}`, detail),
});

export const notSupported = (path: string, value: unknown, supported: readonly string[]): FieldError => ({
  path,
  message: withDetail(
    `Unsupported value: ${goValue(value)}`,
    supported.length ? `supported values: ${supported.map(goQuote).join(", ")}` : undefined,
  ),
});

/** TooMany prints the actual count as the bad value; a negative count omits it, as Go does. */
export const tooMany = (path: string, actual: number, max: number): FieldError => ({
  path,
  message: `Too many${actual >= 0 ? `: ${actual}` : ""}: ${max >= 0 ? `must have at most ${max} items` : "has too many items"}`,
});

/** TooLong never prints the value (it may be huge). */
export const tooLong = (path: string, max: number): FieldError => ({
  path,
  message: `Too long: ${max >= 0 ? `may not be more than ${max} bytes` : "value is too long"}`,
});

export const internalError = (path: string, detail: string): FieldError => ({
  path,
  message: `Internal error: ${detail}`,
});

export const warning = (path: string, message: string): FieldError => ({
  path,
  message,
  severity: "warning",
});

/** Joins a child onto a field path the way field.Path.String() does. */
export const child = (path: string, name: string): string => (path ? `${path}.${name}` : name);
export const index = (path: string, i: number): string => `${path}[${i}]`;
