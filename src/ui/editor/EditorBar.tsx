// Above the editor: where the text stands (typing, checking, applied, refused) and the two actions.
import { useRef } from "react";
import { useT } from "../../i18n/react";
import { hasErrors } from "../../protocol/diagnostics";
import { usePlayground } from "../../store/context";
import { selectDiagnostics } from "../../store/selectors";
import { useOpenFile } from "../files/useOpenFile";

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
  const t = useT();
  const diagnostics = usePlayground(selectDiagnostics);
  const outOfDate = usePlayground((s) => s.yaml !== s.appliedYaml);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const refused = hasErrors(diagnostics) && outOfDate;

  let tone: "busy" | "bad" | "ok" | "warn";
  let status: string;
  if (pending) {
    tone = "busy";
    status = t("editor.editing");
  } else if (checking) {
    tone = "busy";
    status = t("editor.checking");
  } else if (errors) {
    tone = "bad";
    status = refused ? t("editor.refused", { count: errors }) : t("editor.errors", { count: errors });
  } else if (outOfDate) {
    // No errors, yet not what the graph shows: the text could not load at all (the worker failed on
    // it, or took too long), and the last cluster that loaded stands in.
    tone = "bad";
    status = t("recovery.notApplied");
  } else if (warnings) {
    tone = "warn";
    status = t("editor.appliedWarnings", { count: warnings });
  } else {
    tone = "ok";
    status = t("editor.applied");
  }

  return (
    <div className="kh-yaml-bar">
      <span className="kh-yaml-status" data-tone={tone} role="status" aria-live="polite">
        {status}
      </span>
      <span className="kh-yaml-actions">
        <OpenFileButton />
        {outOfDate && !pending && (refused || !checking) && (
          <button type="button" className="kh-yaml-button" onClick={onRevert}>
            {t("editor.revert")}
          </button>
        )}
        <button
          type="button"
          className="kh-yaml-button kh-yaml-primary"
          onClick={onApply}
          disabled={!pending}
          title={t("editor.applyTitle")}
        >
          {t("editor.apply")}
        </button>
      </span>
    </div>
  );
}

/** "Open file…": a file input behind a button, so the button looks and focuses like the others. */
function OpenFileButton() {
  const t = useT();
  const open = useOpenFile();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="kh-yaml-button"
        title={t("editor.openTitle")}
        onClick={() => input.current?.click()}
      >
        {t("editor.open")}
      </button>
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,.json,.txt,application/yaml,application/json,text/plain"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ""; // the same file can be opened again
          if (file) void open(file);
        }}
      />
    </>
  );
}
