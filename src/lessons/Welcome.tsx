// The first screen's invitation into the course, for someone who has not started a lesson yet.
import { useT } from "../i18n/react";
import { useCourse } from "./course";
import "./lessons.css";

export function Welcome({ onDismiss }: { onDismiss(): void }) {
  const t = useT();
  const course = useCourse();
  if (!course) return null;
  return (
    <div className="kh-welcome" role="region" aria-label={t("lessons.open")}>
      <p>{t("lessons.welcome")}</p>
      <button type="button" className="kh-btn kh-btn-primary" onClick={() => course.openLesson(1)}>
        {t("lessons.welcomeStart")}
      </button>
      <button type="button" className="kh-btn" onClick={course.openPicker}>
        {t("lessons.welcomePick")}
      </button>
      <button type="button" className="kh-btn kh-btn-quiet" onClick={onDismiss}>
        {t("lessons.welcomeDismiss")}
      </button>
    </div>
  );
}
