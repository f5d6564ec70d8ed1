// How far the learner got in each lesson, kept in this browser. A damaged entry reads as no progress.
interface LessonProgress {
  /** The furthest step reached, 0-based. */
  step: number;
  done: boolean;
}

const KEY = "kube-hops:lessons";
const MAX_STEP = 1000;

type Store = Pick<Storage, "getItem" | "setItem">;

export function readProgress(storage: Store = localStorage): Record<number, LessonProgress> {
  const out: Record<number, LessonProgress> = {};
  let raw: unknown;
  try {
    // Blocked storage (a sandboxed iframe) throws here too.
    raw = JSON.parse(storage.getItem(KEY) ?? "{}");
  } catch {
    return out;
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const id = Number(k);
    if (!Number.isInteger(id) || id < 1 || !v || typeof v !== "object") continue;
    const { step, done } = v as Record<string, unknown>;
    if (typeof step !== "number" || !Number.isInteger(step) || step < 0 || step > MAX_STEP) continue;
    out[id] = { step, done: done === true };
  }
  return out;
}

export function saveProgress(id: number, p: LessonProgress, storage: Store = localStorage): void {
  const all = readProgress(storage);
  const was = all[id];
  all[id] = { step: Math.max(p.step, was?.step ?? 0), done: p.done || !!was?.done };
  try {
    storage.setItem(KEY, JSON.stringify(all));
  } catch {
    // storage blocked or full: progress lasts for this visit only
  }
}
