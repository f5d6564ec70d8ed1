// The course: every lesson folder (NN-slug/) gives a small meta.ts, bundled with the page for the
// picker, and a lesson.ts with the scenario and steps, loaded only when the lesson opens.
import type { Lesson, LessonMeta } from "./types";

const metas = import.meta.glob<LessonMeta>("./*/meta.ts", { eager: true, import: "meta" });
const modules = import.meta.glob<Lesson>("./*/lesson.ts", { import: "lesson" });

/** Every lesson, in course order. */
export const LESSONS: readonly LessonMeta[] = Object.values(metas).sort((a, b) => a.id - b.id);

const loaders = new Map<number, () => Promise<Lesson>>();
for (const [path, load] of Object.entries(modules)) {
  const meta = metas[path.replace(/lesson\.ts$/, "meta.ts")];
  if (meta) loaders.set(meta.id, load);
}

export const lessonMeta = (id: number): LessonMeta | undefined => LESSONS.find((m) => m.id === id);

/** Loads a lesson's scenario and steps; null for a lesson that does not exist. */
export async function loadLesson(id: number): Promise<Lesson | null> {
  const load = loaders.get(id);
  return load ? load() : null;
}
