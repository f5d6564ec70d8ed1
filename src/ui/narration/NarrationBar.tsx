// The narrated request's caption over the graph: one plain sentence for the place the packet just
// reached, with Back / Next, and the place lit up on the graph.
import { HOP } from "../../protocol/simulation";
import { useT } from "../../i18n/react";
import { usePlayground, usePlaygroundApi } from "../../store/context";
import { selectHopLog, selectNarration } from "../../store/selectors";
import { Highlight } from "../Highlight";
import { narrationCaption } from "./narrationCaption";
import "./narration.css";

/**
 * Over the graph; in a lesson, also at the top of the lesson card, which takes over in a narrow column
 * (CSS shows one of the two), where the graph is too short to give a caption room.
 */
export function NarrationBar({ placement = "graph" }: { placement?: "graph" | "aside" }) {
  const t = useT();
  const api = usePlaygroundApi();
  const n = usePlayground(selectNarration);
  const hopLog = usePlayground(selectHopLog);
  if (!n) return null;
  const hop = n.index >= 0 ? n.hops[n.index] : undefined;
  // The packet as it leaves this place (already on the wire when the narration pauses): what a DNAT chose.
  const after =
    n.hops[n.index + 1] ??
    (hop && hopLog.find((h) => h.packet === hop.packet && h.start >= hop.end && h.from === hop.to));
  const narrator = api.getState().narrator;
  const moving = n.status === "moving";
  return (
    <div
      className={`kh-narration kh-narration--${placement}`}
      role="region"
      aria-label={t("narration.label")}
    >
      {hop && placement === "graph" && <Highlight places={[hop.to]} cluster={null} />}
      <div className="kh-narration-text" aria-live="polite">
        {hop && <span className="kh-narration-hop">{t("narration.hop", { n: n.index + 1 })}</span>}
        {hop && (hop.flags & HOP.dns) !== 0 && (
          <span className="kh-narration-hop" title={t("narration.dnsTitle")}>
            {t("narration.dns")}
          </span>
        )}
        <span>{moving ? t("narration.moving") : hop ? narrationCaption(t, hop, after) : ""}</span>
      </div>
      <div className="kh-narration-buttons">
        <button
          type="button"
          className="kh-btn"
          disabled={moving || n.index <= 0}
          onClick={() => void narrator.back()}
        >
          ← {t("narration.back")}
        </button>
        {n.status !== "done" ? (
          <button
            type="button"
            className="kh-btn kh-btn-primary"
            disabled={moving}
            onClick={() => void narrator.next()}
          >
            {t("narration.next")} →
          </button>
        ) : (
          <button type="button" className="kh-btn kh-btn-primary" onClick={() => void narrator.finish()}>
            {t("narration.done")}
          </button>
        )}
        {n.status !== "done" && (
          <button
            type="button"
            className="kh-btn kh-btn-quiet"
            title={t("narration.playOnTitle")}
            onClick={() => void narrator.finish()}
          >
            {t("narration.playOn")}
          </button>
        )}
      </div>
    </div>
  );
}
