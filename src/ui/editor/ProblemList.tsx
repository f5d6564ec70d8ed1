// The problems of the current text under the editor: one row per diagnostic; a click moves the cursor there.
import { memo } from "react";
import type { Severity } from "../../model/diagnostics";
import { diagnosticWhere } from "./diagnosticRanges";
import type { Problem } from "./lintDiagnostics";

const MARK: Record<Severity, { glyph: string; label: string }> = {
  error: { glyph: "✕", label: "Error" },
  warning: { glyph: "!", label: "Warning" },
  info: { glyph: "i", label: "Info" },
};

export const ProblemList = memo(function ProblemList({
  problems,
  onJump,
}: {
  problems: readonly Problem[];
  onJump: (p: Problem) => void;
}) {
  if (!problems.length) return null;
  return (
    <ul className="kh-yaml-problems" aria-label="Problems in the YAML">
      {problems.map((p, i) => {
        const { severity, message } = p.diagnostic;
        const where = diagnosticWhere(p.diagnostic);
        return (
          <li key={i}>
            <button
              type="button"
              className="kh-yaml-problem"
              data-severity={severity}
              onClick={() => onJump(p)}
              title={p.lint.message}
            >
              <span className="kh-yaml-sev" aria-label={MARK[severity].label}>
                {MARK[severity].glyph}
              </span>
              <span className="kh-yaml-problem-text">
                <span className="kh-yaml-problem-where">
                  <span className="kh-yaml-problem-line">Line {p.line}</span>
                  {where && <> · {where}</>}
                </span>
                <span className="kh-yaml-problem-message">{message}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
});
