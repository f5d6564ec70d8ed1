// Above the editor: where the text stands (typing, checking, applied, refused) and the two actions.
import { hasErrors } from "../../model/diagnostics";
import { usePlayground } from "../../store/context";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function EditorBar({
  pending,
  checking,
  onApply,
  onRevert,
}: {
  pending: boolean;
  checking: boolean;
  onApply: () => void;
  onRevert: () => void;
}) {
  const diagnostics = usePlayground((s) => s.diagnostics);
  const outOfDate = usePlayground((s) => s.yaml !== s.appliedYaml);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const refused = hasErrors(diagnostics) && outOfDate;

  let tone: "busy" | "bad" | "ok" | "warn";
  let status: string;
  if (pending) {
    tone = "busy";
    status = "Editing · applies when you pause";
  } else if (checking) {
    tone = "busy";
    status = "Checking…";
  } else if (errors) {
    tone = "bad";
    status = refused
      ? `${plural(errors, "error")} · the graph shows the last good version`
      : plural(errors, "error");
  } else if (warnings) {
    tone = "warn";
    status = `Applied · ${plural(warnings, "warning")}`;
  } else {
    tone = "ok";
    status = "Applied · the graph matches this text";
  }

  return (
    <div className="kh-yaml-bar">
      <span className="kh-yaml-status" data-tone={tone} role="status" aria-live="polite">
        {status}
      </span>
      <span className="kh-yaml-actions">
        {refused && !pending && (
          <button type="button" className="kh-yaml-button" onClick={onRevert}>
            Revert to last good
          </button>
        )}
        <button
          type="button"
          className="kh-yaml-button kh-yaml-primary"
          onClick={onApply}
          disabled={!pending}
          title="Apply the text now (it also applies by itself when you stop typing)"
        >
          Apply now
        </button>
      </span>
    </div>
  );
}
