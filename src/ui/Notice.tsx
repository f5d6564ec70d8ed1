// The last refused action or load problem, as a toast over the graph: errors as an alert that stays
// until dismissed, information as a status that fades after a while.
import { useEffect } from "react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import type { PlaygroundStore } from "../store/playgroundStore";
import { Icon } from "./icons";
import "./theme.css";

const selectNotice = (s: PlaygroundStore) => s.notice;
const INFO_MS = 6000;

export function Notice() {
  const api = usePlaygroundApi();
  const notice = usePlayground(selectNotice);
  useEffect(() => {
    if (notice?.kind !== "info") return;
    const t = setTimeout(() => {
      if (api.getState().notice === notice) api.getState().dismissNotice();
    }, INFO_MS);
    return () => clearTimeout(t);
  }, [notice, api]);
  return (
    <div className="kh-toasts">
      {notice && (
        <div
          className={`kh-toast kh-toast-${notice.kind}`}
          role={notice.kind === "error" ? "alert" : "status"}
        >
          <span className="kh-toast-text">{notice.text}</span>
          <button
            type="button"
            className="kh-btn kh-btn-icon kh-btn-quiet"
            aria-label="Dismiss"
            title="Dismiss"
            onClick={() => api.getState().dismissNotice()}
          >
            <Icon name="close" />
          </button>
        </div>
      )}
    </div>
  );
}
