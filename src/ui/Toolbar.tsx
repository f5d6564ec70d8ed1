// The view menu: undo, redo, reset to the scenario (confirmed), light/dark, projector (large type).
import { useEffect, useRef, useState } from "react";
import { say } from "../i18n/phrase";
import { useT } from "../i18n/react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import { selectProjector, selectRedoLabel, selectTheme, selectUndoLabel } from "../store/selectors";
import { hint } from "./controls/shortcuts";
import { Icon } from "./icons";
import "./theme.css";

export function Toolbar() {
  const t = useT();
  const api = usePlaygroundApi();
  const past = usePlayground(selectUndoLabel);
  const future = usePlayground(selectRedoLabel);
  const theme = usePlayground(selectTheme);
  const projector = usePlayground(selectProjector);
  const dark = theme === "dark";
  return (
    <div className="kh-view" role="group" aria-label={t("toolbar.view")}>
      <button
        type="button"
        className="kh-btn kh-btn-icon"
        aria-label={t("toolbar.undo")}
        title={
          past ? hint(t("toolbar.undoWhat", { what: say(t, past) }), "undo") : t("toolbar.nothingToUndo")
        }
        disabled={!past}
        onClick={() => void api.getState().undo()}
      >
        <Icon name="undo" />
      </button>
      <button
        type="button"
        className="kh-btn kh-btn-icon"
        aria-label={t("toolbar.redo")}
        title={
          future ? hint(t("toolbar.redoWhat", { what: say(t, future) }), "redo") : t("toolbar.nothingToRedo")
        }
        disabled={!future}
        onClick={() => void api.getState().redo()}
      >
        <Icon name="redo" />
      </button>
      <ResetButton />
      <span className="kh-sep" aria-hidden="true" />
      <button
        type="button"
        className="kh-btn kh-btn-icon"
        aria-label={t("toolbar.dark")}
        aria-pressed={dark}
        title={dark ? t("toolbar.toLight") : t("toolbar.toDark")}
        onClick={() => api.getState().setTheme(dark ? "light" : "dark")}
      >
        <Icon name={dark ? "sun" : "moon"} />
      </button>
      <button
        type="button"
        className="kh-btn kh-btn-icon"
        aria-label={t("toolbar.projector")}
        aria-pressed={projector}
        title={projector ? t("toolbar.projectorOff") : t("toolbar.projectorOn")}
        onClick={() => api.getState().setProjector(!projector)}
      >
        <Icon name="projector" />
      </button>
    </div>
  );
}

function ResetButton() {
  const t = useT();
  const api = usePlaygroundApi();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  if (!confirming)
    return (
      <button
        type="button"
        className="kh-btn kh-btn-icon"
        aria-label={t("toolbar.reset")}
        title={t("toolbar.resetTitle")}
        onClick={() => setConfirming(true)}
      >
        <Icon name="reset" />
      </button>
    );
  return (
    <span
      className="kh-confirm"
      role="group"
      aria-label={t("toolbar.confirmReset")}
      onKeyDown={(e) => {
        if (e.key === "Escape") setConfirming(false);
      }}
    >
      <span className="kh-small">{t("toolbar.dropEdits")}</span>
      <button
        ref={confirmRef}
        type="button"
        className="kh-btn kh-btn-danger"
        onClick={() => {
          setConfirming(false);
          void api.getState().reset();
        }}
      >
        {t("toolbar.resetNow")}
      </button>
      <button type="button" className="kh-btn" onClick={() => setConfirming(false)}>
        {t("toolbar.cancel")}
      </button>
    </span>
  );
}
