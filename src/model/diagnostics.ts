// A diagnostic is how every problem reaches a person: what is wrong, in which object, at which field
// (the API server's field path) and where in the file.

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  severity: Severity;
  /** The text after the field path, as the API server writes it (`Invalid value: 29999: ...`). */
  message: string;
  /** The field path as the API server writes it (`spec.ports[0].nodePort`); "" for the whole object. */
  path: string;
  /** `Kind/namespace/name` (`Kind/name` for cluster-scoped kinds); "" when no object could be read. */
  object: string;
  file: string;
  line: number;
  column: number;
}

/** A field-level problem before it is placed in a file (the Go field.Error). */
export interface FieldError {
  path: string;
  message: string;
  severity?: Severity;
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === "error");
