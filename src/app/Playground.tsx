// One playground: the toolbar, the cluster graph with its packets, and the side panels. The standalone
// page and every embed render this, each with its own store. In a lesson, the lesson card takes the
// side panel's place, with the panels one click away.
import { lazy, type ReactNode, Suspense, useState } from "react";
import type { StoreApi } from "zustand/vanilla";
import { CompareButton } from "../compare/CompareButton";
import { ExportButton } from "../export/ExportButton";
import { PacketLayer } from "../animation/PacketLayer";
import { ClusterGraph } from "../flow/ClusterGraph";
import { useLang, useT } from "../i18n/react";
import { useCourse } from "../lessons/course";
import { LessonsButton } from "../lessons/LessonsButton";
import { ShareMenu } from "../share/ShareMenu";
import { PlaygroundProvider, usePlayground } from "../store/context";
import { selectProjector, selectTheme } from "../store/selectors";
import type { PlaygroundStore } from "../store/playgroundStore";
import { LanguageSwitch } from "../ui/LanguageSwitch";
import { NarrateToggle } from "../ui/narration/NarrateToggle";
import { NarrationBar } from "../ui/narration/NarrationBar";
import { Notice } from "../ui/Notice";
import { ResultLine } from "../ui/result/ResultLine";
import { SidePanel } from "../ui/SidePanel";
import { Toolbar } from "../ui/Toolbar";
import { TrafficPanel } from "../ui/TrafficPanel";
import { TransportBar } from "../ui/TransportBar";
import { useFileDrop } from "../ui/files/useFileDrop";
import "./app.css";

const LessonPicker = lazy(() => import("../lessons/LessonPicker"));

interface PlaygroundProps {
  store: StoreApi<PlaygroundStore>;
  /** A lesson card shown beside the graph instead of the panels. */
  lesson?: ReactNode;
  /** Something over the graph (the first screen's welcome). */
  overlay?: ReactNode;
  /** A strip between the toolbar and the graph (the bar of a shared link). */
  banner?: ReactNode;
}

/** Renders a playground for a store; whoever made the store disposes of its client. */
export function Playground({ store, lesson, overlay, banner }: PlaygroundProps) {
  return (
    <PlaygroundProvider store={store}>
      <Frame lesson={lesson} overlay={overlay} banner={banner} />
    </PlaygroundProvider>
  );
}

function Frame({ lesson, overlay, banner }: Omit<PlaygroundProps, "store">) {
  const theme = usePlayground(selectTheme);
  const projector = usePlayground(selectProjector);
  const t = useT();
  const { lang } = useLang();
  const course = useCourse();
  const drop = useFileDrop();
  return (
    <div
      className="kh-app"
      lang={lang}
      data-theme={theme}
      data-projector={projector ? "on" : "off"}
      data-lesson={lesson ? "on" : undefined}
      {...drop.handlers}
    >
      <header className="kh-toolbar">
        <span className="kh-brand">{t("app.brand")}</span>
        <TransportBar />
        <TrafficPanel />
        <NarrateToggle />
        <Toolbar />
        <LessonsButton />
        <CompareButton />
        <ShareMenu />
        <ExportButton />
        <LanguageSwitch />
      </header>
      {/* A banner may still be loading its code (a shared link's bar): the rest does not wait for it. */}
      <Suspense fallback={null}>{banner}</Suspense>
      <main className="kh-main">
        <section className="kh-graph" aria-label={t("app.graph")}>
          <ClusterGraph>
            <PacketLayer />
          </ClusterGraph>
          <NarrationBar />
          <ResultLine />
          {overlay}
        </section>
        <aside className="kh-side" aria-label={t("app.details")}>
          {lesson ? <LessonAside lesson={lesson} /> : <SidePanel />}
        </aside>
      </main>
      <Notice />
      {drop.over && (
        <div className="kh-drop" aria-hidden="true">
          <span>{t("editor.drop")}</span>
        </div>
      )}
      {course?.pickerOpen && (
        <Suspense fallback={null}>
          <LessonPicker onPick={course.openLesson} onClose={course.closePicker} />
        </Suspense>
      )}
    </div>
  );
}

/** The lesson card, or the usual panels, one switch away. */
function LessonAside({ lesson }: { lesson: ReactNode }) {
  const t = useT();
  const [details, setDetails] = useState(false);
  return (
    <>
      <div className="kh-aside-switch" role="group" aria-label={t("app.details")}>
        <button
          type="button"
          className="kh-btn kh-btn-quiet"
          aria-pressed={!details}
          onClick={() => setDetails(false)}
        >
          {t("app.lessonTab")}
        </button>
        <button
          type="button"
          className="kh-btn kh-btn-quiet"
          aria-pressed={details}
          onClick={() => setDetails(true)}
        >
          {t("app.panelsTab")}
        </button>
      </div>
      <NarrationBar placement="aside" />
      {/* Both stay mounted, so a step in progress survives a look at the panels. */}
      <div hidden={details}>{lesson}</div>
      <div hidden={!details}>
        <SidePanel />
      </div>
    </>
  );
}
