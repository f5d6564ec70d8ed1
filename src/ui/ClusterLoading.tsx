// The graph's place while the first cluster loads. A load that takes long (a huge manifest, or one that
// hangs the engine) offers, after a few seconds, not to wait for the watchdog: the worker is replaced
// and the default scenario shown, with the person's text left in the editor.
import { useEffect, useState } from "react";
import { useT } from "../i18n/react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import { COMMAND_TIMEOUT_MS, loadLimit } from "../worker/client";

/** A first load usually answers in well under a second; past this, the offer appears. */
const SLOW_MS = 3_000;

export function ClusterLoading() {
  const t = useT();
  const api = usePlaygroundApi();
  const chars = usePlayground((s) => s.yaml.length);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_MS);
    return () => clearTimeout(timer);
  }, []);
  const seconds = Math.round(loadLimit(COMMAND_TIMEOUT_MS, chars) / 1000);
  return (
    <div className="kh-graph-loading">
      <div className="kh-graph-loading-box">
        <p>{t("ui.loadingCluster")}</p>
        {slow && (
          <>
            <p role="status">{t("recovery.slowLoad", { seconds })}</p>
            <button type="button" className="kh-btn" onClick={() => api.getState().client.restart()}>
              {t("recovery.stopLoad")}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
