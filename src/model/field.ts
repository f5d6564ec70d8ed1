// Field errors worded exactly as k8s.io/apimachinery/pkg/util/validation/field/errors.go words them,
// so that a message here reads like the one `kubectl apply` prints.
import type { FieldError } from "./diagnostics";

/** Go's %q for a string (ASCII subset is what manifests hold; JSON escaping matches it there). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** How ErrorBody prints a bad value: %v for numbers and bools, %q for strings, %#v for slices. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === "string")) return `[]string{${v.map(goQuote).join(", ")}}`;
    if (v.every((x) => typeof x === "number")) return `[]int32{${v.join(", ")}}`;
  }
  return JSON.stringify(v);
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

export const duplicate = (path: string, value: unknown): FieldError => ({
  path,
  message: `Duplicate value: ${goValue(value)}`,
});

export const notSupported = (path: string, value: unknown, supported: readonly string[]): FieldError => ({
  path,
  message: withDetail(
    `Unsupported value: ${goValue(value)}`,
    supported.length ? `supported values: ${supported.map(goQuote).join(", ")}` : undefined,
  ),
});

export const tooMany = (path: string, actual: number, max: number): FieldError => ({
  path,
  message: `Too many: ${actual}: must have at most ${max} items`,
});

export const tooLong = (path: string, max: number): FieldError => ({
  path,
  message: `Too long: may not be more than ${max} bytes`,
});

export const warning = (path: string, message: string): FieldError => ({
  path,
  message,
  severity: "warning",
});
