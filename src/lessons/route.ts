// Lessons in the URL: `#lesson=6&step=3` opens lesson 6 at its third step (steps count from 1, as
// people do). Anything else in the fragment is left for others to read.
export interface LessonRoute {
  lesson: number;
  /** 0-based. */
  step: number;
}

const MAX_ID = 1000;

export function parseLessonRoute(hash: string): LessonRoute | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const lesson = wholeNumber(params.get("lesson"));
  if (lesson === null || lesson < 1 || lesson > MAX_ID) return null;
  const step = wholeNumber(params.get("step"));
  return { lesson, step: step !== null && step >= 1 && step <= MAX_ID ? step - 1 : 0 };
}

export function lessonHash(r: LessonRoute | null, hash = ""): string {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  params.delete("lesson");
  params.delete("step");
  if (r) {
    params.set("lesson", String(r.lesson));
    params.set("step", String(r.step + 1));
  }
  const s = params.toString();
  return s ? `#${s}` : "";
}

function wholeNumber(s: string | null): number | null {
  return s !== null && /^\d{1,6}$/.test(s) ? Number(s) : null;
}
