// The last refused action or load problem, as a toast over the graph: errors as an alert that stays
// until dismissed, information as a status that fades after a while. Our own notices are phrases put
// into words here; the engine's come as text and are shown as they are.
import { useEffect } from "react";
import { say } from "../i18n/phrase";
import { useT } from "../i18n/react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import { selectNotice } from "../store/selectors";
import { Icon } from "./icons";
import "./theme.css";

const INFO_MS = 6000;

export function Notice() {
  const api = usePlaygroundApi();
  const notice = usePlayground(selectNotice);
  const t = useT();
  useEffect(() => {
    if (notice?.kind !== "info") return;
    const timer = setTimeout(() => {
      if (api.getState().notice === notice) api.getState().dismissNotice();
    }, INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, api]);
  return (
    <div className="kh-toasts">
      {notice && (
        <div
          className={`kh-toast kh-toast-${notice.kind}`}
          role={notice.kind === "error" ? "alert" : "status"}
        >
          <span className="kh-toast-text">{say(t, notice)}</span>
          <button
            type="button"
            className="kh-btn kh-btn-icon kh-btn-quiet"
            aria-label={t("ui.dismiss")}
            title={t("ui.dismiss")}
            onClick={() => api.getState().dismissNotice()}
          >
            <Icon name="close" />
          </button>
        </div>
      )}
    </div>
  );
}
