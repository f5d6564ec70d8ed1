// The view menu: undo, redo, reset to the scenario (confirmed), light/dark, projector (large type).
import { useEffect, useRef, useState } from "react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import type { PlaygroundStore } from "../store/playgroundStore";
import { hint } from "./controls/shortcuts";
import { Icon } from "./icons";
import "./theme.css";

const selectPast = (s: PlaygroundStore) => s.past.at(-1)?.label ?? null;
const selectFuture = (s: PlaygroundStore) => s.future.at(-1)?.label ?? null;
const selectTheme = (s: PlaygroundStore) => s.theme;
const selectProjector = (s: PlaygroundStore) => s.projector;

export function Toolbar() {
  const api = usePlaygroundApi();
  const past = usePlayground(selectPast);
  const future = usePlayground(selectFuture);
  const theme = usePlayground(selectTheme);
  const projector = usePlayground(selectProjector);
  const dark = theme === "dark";
  return (
    <div className="kh-view" role="group" aria-label="View">
      <button
        type="button"
        className="kh-btn kh-btn-icon"
        aria-label="Undo"
        title={past ? hint(`Undo ${past}`, "undo") : "Nothing to undo"}
        disabled={!past}
        onClick={() => void api.getState().undo()}
      >
        <Icon name="undo" />
      </button>
      <button
        type="button"
        className="kh-btn kh-btn-icon"
        aria-label="Redo"
        title={future ? hint(`Redo ${future}`, "redo") : "Nothing to redo"}
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
        aria-label="Dark theme"
        aria-pressed={dark}
        title={dark ? "Switch to the light theme" : "Switch to the dark theme"}
        onClick={() => api.getState().setTheme(dark ? "light" : "dark")}
      >
        <Icon name={dark ? "sun" : "moon"} />
      </button>
      <button
        type="button"
        className="kh-btn kh-btn-icon"
        aria-label="Projector"
        aria-pressed={projector}
        title={projector ? "Normal type size" : "Projector: large type for a classroom"}
        onClick={() => api.getState().setProjector(!projector)}
      >
        <Icon name="projector" />
      </button>
    </div>
  );
}

function ResetButton() {
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
        aria-label="Reset to scenario"
        title="Reset to the scenario: drops your edits and history"
        onClick={() => setConfirming(true)}
      >
        <Icon name="reset" />
      </button>
    );
  return (
    <span
      className="kh-confirm"
      role="group"
      aria-label="Confirm reset"
      onKeyDown={(e) => {
        if (e.key === "Escape") setConfirming(false);
      }}
    >
      <span className="kh-small">Drop your edits?</span>
      <button
        ref={confirmRef}
        type="button"
        className="kh-btn kh-btn-danger"
        onClick={() => {
          setConfirming(false);
          void api.getState().reset();
        }}
      >
        Reset
      </button>
      <button type="button" className="kh-btn" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}
