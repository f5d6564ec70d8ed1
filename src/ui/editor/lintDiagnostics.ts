// The engine's diagnostics as CodeMirror lint diagnostics: placed in the current document, with the
// object and field path above the message in the tooltip.
import type { Diagnostic as LintDiagnostic } from "@codemirror/lint";
import type { Text } from "@codemirror/state";
import type { Diagnostic } from "../../protocol/diagnostics";
import { diagnosticText, diagnosticWhere, mapDiagnostics } from "./diagnosticRanges";

export interface Problem {
  diagnostic: Diagnostic;
  /** The line it sits on in the editor's document now (1-based). */
  line: number;
  lint: LintDiagnostic;
}

function renderMessage(d: Diagnostic): () => Node {
  return () => {
    const box = document.createElement("div");
    const where = diagnosticWhere(d);
    if (where) {
      const w = document.createElement("span");
      w.className = "kh-yaml-diag-where";
      w.textContent = where;
      box.append(w);
    }
    box.append(document.createTextNode(d.message));
    return box;
  };
}

/** Diagnostics reported for `base` (the text that was sent), placed in `doc` (the editor's text now). */
export function toProblems(diagnostics: readonly Diagnostic[], base: string, doc: Text): Problem[] {
  return mapDiagnostics(diagnostics, base, doc).map(({ from, to, diagnostic }) => ({
    diagnostic,
    line: doc.lineAt(from).number,
    lint: {
      from,
      to,
      severity: diagnostic.severity,
      message: diagnosticText(diagnostic),
      renderMessage: renderMessage(diagnostic),
    },
  }));
}
