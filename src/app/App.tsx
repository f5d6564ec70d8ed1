// The standalone page: one playground on the default scenario, saved in this browser, and the course of
// lessons around it (#lesson=N&step=M opens one; a lesson runs in a playground of its own).
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import type { StoreApi } from "zustand/vanilla";
import defaultScenario from "../../scenarios/default.yaml?raw";
import firstPicture from "virtual:kube-hops-first-picture";
import { I18nProvider } from "../i18n/react";
import { detectLanguage } from "../i18n/language";
import { type Course, CourseContext } from "../lessons/course";
import { readProgress } from "../lessons/progress";
import { lessonHash, type LessonRoute, parseLessonRoute } from "../lessons/route";
import { Welcome } from "../lessons/Welcome";
import { putAside, savedText } from "../store/persistence";
import { createPlaygroundStore, type PlaygroundStore } from "../store/playgroundStore";
import { Playground } from "./Playground";
import { RecoveryBoundary } from "./RecoveryBoundary";
import { RecoveryScreen } from "./RecoveryScreen";

const LessonSession = lazy(() => import("../lessons/LessonSession"));

export const STORAGE_KEY = "kube-hops:main";
const NARRATED_KEY = "kube-hops:narrated";
const WELCOMED_KEY = "kube-hops:welcomed";

export function App() {
  const [store, setStore] = useState<StoreApi<PlaygroundStore> | null>(null);
  const [route, setRoute] = useState<LessonRoute | null>(() => parseLessonRoute(location.hash));
  const [picker, setPicker] = useState(false);
  // Bumped by "reset to the default scenario" after a failure: a fresh store, a fresh boundary.
  const [generation, setGeneration] = useState(0);
  // A first visit (no lesson begun, no saved work) is invited into the course.
  const [welcome, setWelcomeState] = useState(
    () => !route && !flag(WELCOMED_KEY) && Object.keys(readProgress()).length === 0 && !hasSavedWork(),
  );
  const setWelcome = useCallback((on: boolean) => {
    setWelcomeState(on);
    if (!on) setFlag(WELCOMED_KEY);
  }, []);

  // The store owns a worker: made in an effect so that its cleanup (StrictMode's trial unmount, or the
  // real one) ends exactly the worker it started.
  useEffect(() => {
    // A reset starts from the scenario: the saved entry goes aside (its text stays in storage).
    if (generation > 0) putAside(STORAGE_KEY);
    const s = createPlaygroundStore({
      scenario: defaultScenario,
      storageKey: STORAGE_KEY,
      narrateFirst: !flag(NARRATED_KEY),
      firstPicture,
    });
    // The first request ever sent here is narrated; remember that it was.
    const off = s.subscribe((st) => {
      if (st.narration) {
        setFlag(NARRATED_KEY);
        off();
      }
    });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the store is an external system (a worker) made here once
    setStore(s);
    return () => {
      off();
      s.getState().client.dispose();
    };
  }, [generation]);

  // The fragment is the lesson's address: kept in step, and followed when the learner edits it.
  useEffect(() => {
    const onHash = () => setRoute(parseLessonRoute(location.hash));
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);
  const go = useCallback((r: LessonRoute | null) => {
    setRoute(r);
    const hash = lessonHash(r, location.hash);
    if (hash !== location.hash) history.replaceState(null, "", hash || location.pathname + location.search);
  }, []);

  const course = useMemo<Course>(
    () => ({
      openLesson: (lesson, step = 0) => {
        setPicker(false);
        setWelcome(false);
        go({ lesson, step });
      },
      openPicker: () => setPicker(true),
      closePicker: () => setPicker(false),
      pickerOpen: picker,
    }),
    [go, picker, setWelcome],
  );

  const reset = useCallback(() => {
    go(null);
    // Nothing of the failed store is drawn again: the next effect makes the fresh one.
    setStore(null);
    setGeneration((g) => g + 1);
  }, [go]);

  return (
    <I18nProvider initial={detectLanguage()}>
      <CourseContext.Provider value={course}>
        <RecoveryBoundary
          key={generation}
          fallback={(error) => (
            <RecoveryScreen
              error={error}
              body="recovery.body"
              text={store ? store.getState().yaml : savedText(STORAGE_KEY)}
              theme={store?.getState().theme}
              action={{ label: "recovery.reset", run: reset }}
            />
          )}
        >
          {route ? (
            <Suspense fallback={null}>
              <LessonSession
                key={route.lesson}
                id={route.lesson}
                step={route.step}
                onStep={(step) => go({ lesson: route.lesson, step })}
                onOpen={(lesson) => go({ lesson, step: 0 })}
                onClose={() => go(null)}
              />
            </Suspense>
          ) : (
            store && (
              <Playground
                store={store}
                overlay={welcome ? <Welcome onDismiss={() => setWelcome(false)} /> : undefined}
              />
            )
          )}
        </RecoveryBoundary>
      </CourseContext.Provider>
    </I18nProvider>
  );
}

const hasSavedWork = (): boolean => flag(STORAGE_KEY);

/** Whether this browser has the key (false where storage is blocked). */
function flag(key: string): boolean {
  try {
    return localStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}

function setFlag(key: string): void {
  try {
    localStorage.setItem(key, "1");
  } catch {
    // storage blocked: the next visit narrates again
  }
}
