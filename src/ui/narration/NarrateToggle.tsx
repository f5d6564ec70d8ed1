// Turns narration on or off for the next single request.
import { useT } from "../../i18n/react";
import { usePlayground, usePlaygroundApi } from "../../store/context";
import { selectNarrate } from "../../store/selectors";

export function NarrateToggle() {
  const t = useT();
  const api = usePlaygroundApi();
  const on = usePlayground(selectNarrate);
  return (
    <button
      type="button"
      className="kh-btn"
      aria-pressed={on}
      title={t("narration.toggleTitle")}
      onClick={() => api.getState().setNarrate(!on)}
    >
      {t("narration.toggle")}
    </button>
  );
}
