// The problems of the current text under the editor: one row per diagnostic; a click moves the cursor there.
import { memo } from "react";
import type { MessageKey } from "../../i18n/en";
import { useT } from "../../i18n/react";
import type { Severity } from "../../protocol/diagnostics";
import { diagnosticWhere } from "./diagnosticRanges";
import type { Problem } from "./lintDiagnostics";

const MARK: Record<Severity, { glyph: string; label: MessageKey }> = {
  error: { glyph: "✕", label: "editor.severity.error" },
  warning: { glyph: "!", label: "editor.severity.warning" },
  info: { glyph: "i", label: "editor.severity.info" },
};

export const ProblemList = memo(function ProblemList({
  problems,
  onJump,
}: {
  problems: readonly Problem[];
  onJump: (p: Problem) => void;
}) {
  const t = useT();
  if (!problems.length) return null;
  return (
    <ul className="kh-yaml-problems" aria-label={t("editor.problems")}>
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
              <span className="kh-yaml-sev" aria-label={t(MARK[severity].label)}>
                {MARK[severity].glyph}
              </span>
              <span className="kh-yaml-problem-text">
                <span className="kh-yaml-problem-where">
                  <span className="kh-yaml-problem-line">{t("editor.line", { line: p.line })}</span>
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
