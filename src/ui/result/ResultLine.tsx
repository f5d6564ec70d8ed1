// The outcome of the last send, burst or rate in words, under the graph where the eye already is: no
// tab to open. Announced politely to screen readers.
import { useT } from "../../i18n/react";
import { usePlayground } from "../../store/context";
import { selectHopLog, selectLastPhase } from "../../store/selectors";
import { endedCount, summarizePhase } from "./summary";
import { resultWords } from "./words";
import "./result.css";

export function ResultLine() {
  const t = useT();
  const phase = usePlayground(selectLastPhase);
  const hopLog = usePlayground(selectHopLog);
  if (!phase) return null;
  const ended = endedCount(phase);
  let text: string;
  let tone = "muted";
  if (ended < phase.requests || phase.requests === 0) {
    text =
      phase.requests > 1 ? t("result.progress", { ended, requests: phase.requests }) : t("result.sending");
  } else {
    const r = summarizePhase(phase, hopLog);
    text = resultWords(t, r);
    tone =
      r.kind === "many"
        ? phase.results.delivered === phase.requests
          ? "ok"
          : "warn"
        : r.result === "delivered"
          ? "ok"
          : "bad";
  }
  return (
    <div
      className={`kh-result kh-result-${tone}`}
      role="status"
      aria-live="polite"
      aria-label={t("result.label")}
    >
      {text}
    </div>
  );
}
