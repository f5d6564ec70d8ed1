// A lesson being taken: its own playground (its scenario, its seed, no autosave, so the learner's own
// cluster is untouched) with the lesson card beside the graph. Loaded on demand with the lesson.
import { type ReactNode, Suspense, useEffect, useState } from "react";
import type { StoreApi } from "zustand/vanilla";
import { Playground } from "../app/Playground";
import { RecoveryBoundary } from "../app/RecoveryBoundary";
import { RecoveryScreen } from "../app/RecoveryScreen";
import { type CompareSpec, compareSpec, CompareView } from "../compare";
import type { SharedState } from "../share/link";
import { sharedStoreOptions } from "../share/storeOptions";
import { useLang, useT } from "../i18n/react";
import { createPlaygroundStore, type PlaygroundStore } from "../store/playgroundStore";
import { LessonPanel } from "./LessonPanel";
import { saveProgress } from "./progress";
import { lessonMeta, loadLesson } from "./registry";
import type { Lesson, Step } from "./types";
import { say } from "./words";

interface LessonSessionProps {
  id: number;
  step: number;
  onStep(step: number): void;
  onOpen(id: number): void;
  onClose(): void;
  /** A shared link's state of this lesson: its playground starts from it rather than from the lesson's scenario. */
  shared?: SharedState;
  /** A strip above the graph (the shared-scenario bar). */
  banner?: ReactNode;
}

export default function LessonSession({
  id,
  step,
  onStep,
  onOpen,
  onClose,
  shared,
  banner,
}: LessonSessionProps) {
  const t = useT();
  const { lang } = useLang();
  const [lesson, setLesson] = useState<Lesson | null | "missing" | { error: string }>(null);
  const [store, setStore] = useState<StoreApi<PlaygroundStore> | null>(null);
  const [comparing, setComparing] = useState<CompareSpec | null>(null);
  // Bumped by "start the lesson again" after a failure: a fresh store, a fresh boundary.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    loadLesson(id).then(
      (l) => live && setLesson(l ?? "missing"),
      (e: unknown) => live && setLesson({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    if (!lesson || typeof lesson !== "object" || "error" in lesson) return;
    const s = createPlaygroundStore(
      shared ? sharedStoreOptions(shared) : { scenario: lesson.scenario, seed: lesson.seed ?? 1 },
    );
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the store owns a worker, made here once per lesson
    setStore(s);
    return () => s.getState().client.dispose();
  }, [lesson, generation, shared]);

  const real = lesson && typeof lesson === "object" && !("error" in lesson) ? lesson : null;
  const at = real ? Math.min(step, real.steps.length - 1) : step;
  useEffect(() => {
    if (real) saveProgress(real.id, { step: at, done: at === real.steps.length - 1 });
  }, [real, at]);

  if (lesson === "missing")
    return (
      <p className="kh-lesson-error" role="alert">
        {t("lessons.notFound", { n: id })}
      </p>
    );
  if (lesson && "error" in lesson)
    return (
      <p className="kh-lesson-error" role="alert">
        {t("lessons.loadFailed", { reason: lesson.error })}
      </p>
    );
  if (!real || !store)
    return (
      <p className="kh-lesson-loading" role="status">
        {t("lessons.loading")}
      </p>
    );
  const nextMeta = lessonMeta(real.id + 1);
  // A step's comparison starts from the cluster as the learner has it now.
  const compare = (step: Step) => {
    const c = step.compare;
    const st = store.getState();
    if (!c || !st.cluster) return;
    const r = compareSpec(c.setting, st.appliedYaml, { cluster: st.cluster, ...c, seed: real.seed ?? 1 });
    if (r.ok) setComparing(r.spec);
  };
  const restart = () => {
    setComparing(null);
    setStore(null);
    setGeneration((g) => g + 1);
    onStep(0);
  };
  return (
    <RecoveryBoundary
      key={generation}
      fallback={(error) => (
        <RecoveryScreen
          error={error}
          body="recovery.lessonBody"
          text={store.getState().yaml}
          theme={store.getState().theme}
          action={{ label: "recovery.resetLesson", run: restart }}
        />
      )}
    >
      <Playground
        store={store}
        banner={banner}
        lesson={
          <LessonPanel
            lesson={real}
            step={at}
            onStep={onStep}
            onClose={onClose}
            next={nextMeta ? { id: nextMeta.id, title: say(nextMeta.title, lang) } : null}
            onNextLesson={() => nextMeta && onOpen(nextMeta.id)}
            onCompare={compare}
          />
        }
      />
      {comparing && (
        <Suspense fallback={null}>
          <CompareView
            spec={comparing}
            onClose={() => setComparing(null)}
            theme={store.getState().theme}
            projector={store.getState().projector}
          />
        </Suspense>
      )}
    </RecoveryBoundary>
  );
}
