// The YAML editor panel, loaded on first open (React.lazy): CodeMirror with the manifests, the state of
// the text and its actions above, its problems below. Everything CodeMirror stays in this chunk.
import { useId, useRef } from "react";
import { useT } from "../../i18n/react";
import { EditorBar } from "./EditorBar";
import { ProblemList } from "./ProblemList";
import { useYamlView } from "./useYamlView";
import "./yamlEditor.css";

interface YamlEditorProps {
  className?: string;
}

export default function YamlEditor({ className }: YamlEditorProps) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const { pending, checking, problems, applyNow, revert, jumpTo } = useYamlView(host, hintId);
  return (
    <div className={className ? `kh-yaml ${className}` : "kh-yaml"}>
      <EditorBar pending={pending} checking={checking} onApply={applyNow} onRevert={revert} />
      <div className="kh-yaml-host" ref={host} />
      <ProblemList problems={problems} onJump={jumpTo} />
      <p id={hintId} className="kh-yaml-hint">
        {t("editor.hint")}
      </p>
    </div>
  );
}
