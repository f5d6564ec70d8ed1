// From the engine's diagnostics (1-based line and column in the text that was sent) to ranges in the
// editor's document, which may have changed since. Never throws: a stale or unknown position is clamped
// into the document.
import { ChangeSet, Text } from "@codemirror/state";
import type { Diagnostic } from "../../protocol/diagnostics";

interface Range {
  from: number;
  to: number;
}

export const normalizeNewlines = (s: string): string => s.replace(/\r\n?/g, "\n");

export const textOf = (s: string): Text => Text.of(normalizeNewlines(s).split("\n"));

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/** The end of the value that starts at `from`: the rest of the line without a trailing comment or spaces. */
function endOfValue(line: string, start: number): number {
  const rest = line.slice(start);
  const comment = /(^|\s)#/.exec(rest);
  const body = comment ? rest.slice(0, comment.index) : rest;
  return start + body.trimEnd().length;
}

/**
 * The range a diagnostic marks in `doc`: from its line and column to the end of the value there. Lines
 * and columns out of range (a stale diagnostic, an unknown position reported as 0) are clamped; a
 * position at the end of a line marks the line's text instead.
 */
export function diagnosticRange(doc: Text, d: Pick<Diagnostic, "line" | "column">): Range {
  const lineNo = clamp(Number.isFinite(d.line) ? Math.floor(d.line) : 1, 1, doc.lines);
  const line = doc.line(lineNo);
  const col = clamp(Number.isFinite(d.column) ? Math.floor(d.column) : 1, 1, line.length + 1);
  const start = col - 1;
  const end = endOfValue(line.text, start);
  if (end > start) return { from: line.from + start, to: line.from + end };
  const indent = line.text.length - line.text.trimStart().length;
  const lineEnd = endOfValue(line.text, indent);
  if (lineEnd > indent) return { from: line.from + indent, to: line.from + lineEnd };
  return { from: line.from + start, to: line.from + start };
}

/**
 * The change from `a` to `b` as one replaced span between their common prefix and suffix: enough to
 * carry positions across what someone typed since `a` was sent (edits are usually in one place).
 */
export function diffTexts(a: string, b: string): ChangeSet {
  let prefix = 0;
  const max = Math.min(a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix))
    suffix++;
  if (prefix === a.length && prefix === b.length) return ChangeSet.empty(a.length);
  return ChangeSet.of(
    { from: prefix, to: a.length - suffix, insert: b.slice(prefix, b.length - suffix) },
    a.length,
  );
}

/**
 * Ranges in `doc` for diagnostics reported against `base` (the text that was sent): placed in `base`,
 * then carried through the difference to the current document, and clamped there.
 */
export function mapDiagnostics<D extends Pick<Diagnostic, "line" | "column">>(
  diagnostics: readonly D[],
  base: string,
  doc: Text,
): (Range & { diagnostic: D })[] {
  const current = doc.toString();
  const baseText = normalizeNewlines(base);
  const same = baseText === current;
  const baseDoc = same ? doc : textOf(baseText);
  const changes = same ? null : diffTexts(baseText, current);
  return diagnostics.map((diagnostic) => {
    const r = diagnosticRange(baseDoc, diagnostic);
    if (!changes) return { ...r, diagnostic };
    const from = clamp(changes.mapPos(r.from, 1), 0, doc.length);
    const to = clamp(Math.max(from, changes.mapPos(r.to, -1)), from, doc.length);
    return { from, to, diagnostic };
  });
}

/** "Service/default/web · spec.ports[0].nodePort": where a diagnostic points, or "" when nowhere. */
export function diagnosticWhere(d: Pick<Diagnostic, "object" | "path">): string {
  return [d.object, d.path].filter(Boolean).join(" · ");
}

/** The full one-line message: "Service/default/web · spec.ports[0].nodePort: Invalid value: ...". */
export function diagnosticText(d: Pick<Diagnostic, "object" | "path" | "message">): string {
  const where = diagnosticWhere(d);
  return where ? `${where}: ${d.message}` : d.message;
}
