// Every lesson, with the learner's progress: a modal list; Escape or the backdrop closes it.
import { useEffect, useRef } from "react";
import { useLang, useT } from "../i18n/react";
import { readProgress } from "./progress";
import { InlineText } from "./RichText";
import { LESSONS } from "./registry";
import { say } from "./words";
import "./lessons.css";

export default function LessonPicker({
  onPick,
  onClose,
}: {
  onPick(id: number, step: number): void;
  onClose(): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const progress = readProgress();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="kh-lpick-backdrop"
      onClick={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={(e) => e.key === "Escape" && onClose()}
    >
      <div className="kh-lpick" role="dialog" aria-modal="true" aria-labelledby="kh-lpick-title">
        <div className="kh-lpick-head">
          <h2 id="kh-lpick-title">{t("lessons.picker")}</h2>
          <button type="button" className="kh-btn kh-btn-quiet" onClick={onClose}>
            {t("lessons.close")}
          </button>
        </div>
        <p className="kh-muted">{t("lessons.pickerIntro")}</p>
        <ol>
          {LESSONS.map((m, i) => {
            const p = progress[m.id];
            return (
              <li key={m.id}>
                <button
                  ref={i === 0 ? first : undefined}
                  type="button"
                  onClick={() => onPick(m.id, p && !p.done ? p.step : 0)}
                >
                  <span className="kh-lpick-num">{m.id}</span>
                  <span className="kh-lpick-title">
                    <InlineText text={say(m.title, lang)} />
                  </span>
                  <span className="kh-lpick-state">
                    {p?.done ? `✓ ${t("lessons.done")}` : p ? t("lessons.continue") : ""}
                  </span>
                  <span className="kh-lpick-summary">
                    <InlineText text={say(m.summary, lang)} />
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
