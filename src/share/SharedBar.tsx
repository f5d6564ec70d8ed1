// The bars over the graph when the page was opened from a shared link: a shared scenario (not saved;
// keep it as one's work, or go back to it), or a link that could not be opened (what went wrong, where,
// and that one's own work is untouched). Their words are ours; nothing from the link is shown but the
// lesson numbers, which were checked to be numbers.
import { useT } from "../i18n/react";
import type { LinkProblem } from "./link";
import { linkProblemText } from "./words";
import "./share.css";

export function SharedBar({
  lesson,
  onKeep,
  onBack,
}: {
  /** The shared lesson (from 1) and step (from 0), when the link opened one. */
  lesson?: { lesson: number; step: number };
  /** Absent in a lesson: a lesson is never one's saved work. */
  onKeep?: () => void;
  onBack: () => void;
}) {
  const t = useT();
  return (
    <div className="kh-shared-bar" data-kind="shared" role="region" aria-label={t("share.barLabel")}>
      <div className="kh-shared-text">
        <strong>{t("share.barLabel")}</strong>
        <p>
          {t("share.barText")}
          {lesson && ` ${t("share.barLesson", { lesson: lesson.lesson, step: lesson.step + 1 })}`}
        </p>
      </div>
      <div className="kh-shared-actions">
        {onKeep && (
          <button
            type="button"
            className="kh-btn kh-btn-primary"
            title={t("share.keepHint")}
            onClick={onKeep}
          >
            {t("share.keep")}
          </button>
        )}
        <button type="button" className="kh-btn" title={t("share.backHint")} onClick={onBack}>
          {t("share.back")}
        </button>
      </div>
    </div>
  );
}

export function BrokenLinkBar({
  problem,
  length,
  onDismiss,
}: {
  problem: LinkProblem;
  /** The encoded payload's length, for "too long". */
  length: number;
  onDismiss: () => void;
}) {
  const t = useT();
  return (
    <div className="kh-shared-bar" data-kind="broken" role="alert">
      <div className="kh-shared-text">
        <strong>{t("share.brokenTitle")}</strong>
        <p>{linkProblemText(t, problem, length)}</p>
        <p>{t("share.brokenFix")}</p>
      </div>
      <div className="kh-shared-actions">
        <button type="button" className="kh-btn" onClick={onDismiss}>
          {t("share.dismiss")}
        </button>
      </div>
    </div>
  );
}
