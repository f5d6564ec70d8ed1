// The toolbar's way into the course.
import { useT } from "../i18n/react";
import { useCourse } from "./course";

export function LessonsButton() {
  const t = useT();
  const course = useCourse();
  if (!course) return null;
  return (
    <button type="button" className="kh-btn" title={t("lessons.openTitle")} onClick={course.openPicker}>
      {t("lessons.open")}
    </button>
  );
}
