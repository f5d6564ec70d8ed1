// Which diagnostics belong to one object's document. A YAML error names no object (the text could not be
// read far enough to know one), so it is placed by its line, like every other diagnostic.
import type { Diagnostic } from "../../protocol/diagnostics";

/** The first and last line (1-based) of the document whose metadata names this object, or null. */
export function documentLines(text: string, name: string): { first: number; last: number } | null {
  const lines = text.split("\n");
  const docs: { first: number; last: number }[] = [];
  let first = 1;
  lines.forEach((l, i) => {
    if (/^---[ \t]*$/.test(l)) {
      docs.push({ first, last: i });
      first = i + 2;
    }
  });
  docs.push({ first, last: lines.length });
  const names = new RegExp(`^[ \\t]+name:[ \\t]*${name}[ \\t]*$`);
  return docs.find((d) => lines.slice(d.first - 1, d.last).some((l) => names.test(l))) ?? null;
}

/** The errors reported inside that object's document. */
export function errorsIn(diagnostics: readonly Diagnostic[], text: string, name: string): Diagnostic[] {
  const doc = documentLines(text, name);
  return doc
    ? diagnostics.filter((d) => d.severity === "error" && d.line >= doc.first && d.line <= doc.last)
    : [];
}

/** A diagnostic as the API server prints it: the field path, then the message. */
export const said = (d: Diagnostic): string => (d.path ? `${d.path}: ${d.message}` : d.message);
