// The standalone page: one playground on the default scenario, saved in this browser, and the course of
// lessons around it (#lesson=N&step=M opens one; a lesson runs in a playground of its own). A shared link
// (#s=...) opens in a playground of its own too, never saved over the visitor's work unless they keep it.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import type { StoreApi } from "zustand/vanilla";
import defaultScenario from "../../scenarios/default.yaml?raw";
import firstPicture from "virtual:kube-hops-first-picture";
import { I18nProvider } from "../i18n/react";
import type { Lang } from "../i18n/core";
import { detectLanguage, savedLanguage } from "../i18n/language";
import { type Course, CourseContext } from "../lessons/course";
import { readProgress } from "../lessons/progress";
import { lessonHash, type LessonRoute, parseLessonRoute } from "../lessons/route";
import { Welcome } from "../lessons/Welcome";
import { sharedPayload, withSharedPayload } from "../share/fragment";
import type { LinkProblem, SharedState } from "../share/link";
import { sharedStoreOptions } from "../share/storeOptions";
import { putAside, savedText } from "../store/persistence";
import { createPlaygroundStore, type PlaygroundStore, startAutosave } from "../store/playgroundStore";
import { Playground } from "./Playground";
import { RecoveryBoundary } from "./RecoveryBoundary";
import { RecoveryScreen } from "./RecoveryScreen";

const LessonSession = lazy(() => import("../lessons/LessonSession"));
// Only a page opened from a shared link needs these: the decoder and the bars above the playground.
const SharedBar = lazy(() => import("../share/SharedBar").then((m) => ({ default: m.SharedBar })));
const BrokenLinkBar = lazy(() => import("../share/SharedBar").then((m) => ({ default: m.BrokenLinkBar })));

export const STORAGE_KEY = "kube-hops:main";
const NARRATED_KEY = "kube-hops:narrated";
const WELCOMED_KEY = "kube-hops:welcomed";

/** The shared link in the address, as far as it has been read. */
type Link =
  | { phase: "none" }
  | { phase: "reading"; payload: string }
  | { phase: "open"; payload: string; state: SharedState }
  | { phase: "broken"; payload: string; problem: LinkProblem };

const linkIn = (hash: string): Link => {
  const payload = sharedPayload(hash);
  return payload === null ? { phase: "none" } : { phase: "reading", payload };
};

export function App() {
  const [store, setStore] = useState<StoreApi<PlaygroundStore> | null>(null);
  const [link, setLink] = useState<Link>(() => linkIn(location.hash));
  /** The shared playground, while a link is open outside a lesson. */
  const [shared, setShared] = useState<{ state: SharedState; store: StoreApi<PlaygroundStore> } | null>(null);
  /** "Keep as my work" was chosen: the shared playground is the visitor's own from now on. */
  const [kept, setKept] = useState(false);
  /**
   * The page's language, settled once the first link is read: the visitor's own choice if they ever made
   * one, else the language the link was shared in (a teacher's class reads the teacher's language), else
   * the browser's.
   */
  const [lang, setLang] = useState<Lang | null>(() => (link.phase === "reading" ? null : detectLanguage()));
  const [route, setRoute] = useState<LessonRoute | null>(() => parseLessonRoute(location.hash));
  const [picker, setPicker] = useState(false);
  // Bumped by "reset to the default scenario" after a failure: a fresh store, a fresh boundary.
  const [generation, setGeneration] = useState(0);
  // A first visit (no lesson begun, no saved work) is invited into the course.
  const [welcome, setWelcomeState] = useState(
    () =>
      !route &&
      link.phase === "none" &&
      !flag(WELCOMED_KEY) &&
      Object.keys(readProgress()).length === 0 &&
      !hasSavedWork(),
  );
  const setWelcome = useCallback((on: boolean) => {
    setWelcomeState(on);
    if (!on) setFlag(WELCOMED_KEY);
  }, []);

  // The store owns a worker: made in an effect so that its cleanup (StrictMode's trial unmount, or the
  // real one) ends exactly the worker it started.
  useEffect(() => {
    // The kept shared playground is the visitor's own now: no second one.
    if (kept) return;
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
  }, [generation, kept]);

  // A link is read (decompressed, checked) once; a lesson link goes to its lesson, which makes its own
  // playground from the shared state.
  useEffect(() => {
    if (link.phase !== "reading") return;
    let live = true;
    void import("../share/link").then(async ({ decodeShared }) => {
      const r = await decodeShared(link.payload);
      if (!live) return;
      setLink(
        r.ok
          ? { phase: "open", payload: link.payload, state: r.state }
          : { phase: "broken", payload: link.payload, problem: r },
      );
      setLang((l) => l ?? savedLanguage() ?? (r.ok ? r.state.lang : null) ?? detectLanguage());
      if (r.ok && r.state.lesson !== undefined) {
        const shared = { lesson: r.state.lesson, step: r.state.step ?? 0 };
        setRoute(shared);
        history.replaceState(null, "", lessonHash(shared, location.hash));
      }
    });
    return () => {
      live = false;
    };
  }, [link]);

  // The shared playground: the link's scenario, layout and seed, its run replayed, and no autosave.
  const sharedState = link.phase === "open" && link.state.lesson === undefined ? link.state : null;
  useEffect(() => {
    if (!sharedState) return;
    const s = createPlaygroundStore(sharedStoreOptions(sharedState));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the store owns a worker, made here once per link
    setShared({ state: sharedState, store: s });
    return () => s.getState().client.dispose();
  }, [sharedState]);

  // The playground made for the link on show (for a moment after a new link, the last one's is stale).
  const sharedStore = shared && shared.state === sharedState ? shared.store : null;

  // Kept: saved under the main key from now on (the visitor's previous entry was put aside first).
  useEffect(() => {
    if (kept && sharedStore) return startAutosave(sharedStore, STORAGE_KEY, true);
  }, [kept, sharedStore]);

  // The fragment is the lesson's address: kept in step, and followed when the learner edits it.
  useEffect(() => {
    const onHash = () => {
      setRoute(parseLessonRoute(location.hash));
      // A new link pasted into the address bar of the open page is read like the first.
      const next = linkIn(location.hash);
      setLink((l) =>
        next.phase === "none" || (l.phase !== "none" && l.payload === next.payload) ? l : next,
      );
      if (next.phase === "reading") setKept(false);
    };
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

  /** Leaves the shared link: its parameter leaves the address (a lesson it opened closes too). */
  const leaveLink = useCallback(() => {
    if (link.phase === "open" && link.state.lesson !== undefined) setRoute(null);
    setLink({ phase: "none" });
    const hash = withSharedPayload(
      link.phase === "open" && link.state.lesson !== undefined
        ? lessonHash(null, location.hash)
        : location.hash,
      null,
    );
    history.replaceState(null, "", hash || location.pathname + location.search);
  }, [link]);

  const keep = useCallback(() => {
    // The visitor's entry goes aside (still in storage), never silently replaced.
    putAside(STORAGE_KEY);
    setKept(true);
    history.replaceState(
      null,
      "",
      withSharedPayload(location.hash, null) || location.pathname + location.search,
    );
  }, []);

  const reset = useCallback(() => {
    if (kept || link.phase !== "none") {
      setKept(false);
      setLink({ phase: "none" });
    }
    go(null);
    // Nothing of the failed store is drawn again: the next effect makes the fresh one.
    setStore(null);
    setGeneration((g) => g + 1);
  }, [go, kept, link]);

  // Until the first link is read, the language is not known: nothing is drawn for those milliseconds.
  if (lang === null) return null;
  const own = kept ? sharedStore : store;
  const sharedLesson = link.phase === "open" && link.state.lesson !== undefined ? link.state : null;
  return (
    <I18nProvider initial={lang}>
      <CourseContext.Provider value={course}>
        <RecoveryBoundary
          key={generation}
          fallback={(error) => (
            <RecoveryScreen
              error={error}
              body="recovery.body"
              text={own ? own.getState().yaml : savedText(STORAGE_KEY)}
              theme={own?.getState().theme}
              action={{ label: "recovery.reset", run: reset }}
            />
          )}
        >
          {route ? (
            <Suspense fallback={null}>
              <LessonSession
                key={route.lesson}
                id={route.lesson}
                shared={sharedLesson?.lesson === route.lesson ? sharedLesson : undefined}
                banner={
                  sharedLesson?.lesson === route.lesson ? (
                    <SharedBar lesson={{ lesson: route.lesson, step: route.step }} onBack={leaveLink} />
                  ) : undefined
                }
                step={route.step}
                onStep={(step) => go({ lesson: route.lesson, step })}
                onOpen={(lesson) => go({ lesson, step: 0 })}
                onClose={() => go(null)}
              />
            </Suspense>
          ) : sharedState && !kept ? (
            // Until its playground is made, nothing: never a glimpse of the visitor's own work under the bar.
            sharedStore && (
              <Playground store={sharedStore} banner={<SharedBar onKeep={keep} onBack={leaveLink} />} />
            )
          ) : (
            own && (
              <Playground
                store={own}
                banner={
                  link.phase === "broken" && (
                    <BrokenLinkBar
                      problem={link.problem}
                      length={link.payload.length}
                      onDismiss={leaveLink}
                    />
                  )
                }
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
