// The side panel: Inspector, Event log, Stats and YAML as ARIA tabs (arrow keys, Home and End move
// between them). Each tab's body is its own chunk: the graph's first frame does not wait for them. The
// first three are fetched as soon as the page is up; the YAML editor (CodeMirror) on first open.
import { type ComponentType, lazy, Suspense, useEffect, useId, useRef, type KeyboardEvent } from "react";
import type { MessageKey } from "../i18n/en";
import { useT } from "../i18n/react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import { selectErrorCount, selectPanel } from "../store/selectors";
import type { Panel } from "../store/playgroundStore";
import { eventLogOf } from "./log/clusterEvents";
import "./theme.css";
import "./panels.css";

/**
 * A tab body in its own chunk, fetched by `preload` (or on first render); once here it renders at once,
 * without the blank moment React.lazy gives each first render.
 */
function tabBody(load: () => Promise<ComponentType>) {
  let loaded: ComponentType | null = null;
  const preload = () => load().then((c) => (loaded = c));
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  function Body() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return { preload, Body };
}

const inspector = tabBody(() => import("./inspector/Inspector").then((m) => m.Inspector));
const eventLog = tabBody(() => import("./log/EventLog").then((m) => m.EventLog));
const stats = tabBody(() => import("./stats/Stats").then((m) => m.Stats));
const YamlEditor = lazy(() => import("./editor/YamlEditor"));

const TABS: { id: Panel; label: MessageKey }[] = [
  { id: "inspector", label: "panel.inspector" },
  { id: "log", label: "panel.log" },
  { id: "stats", label: "panel.stats" },
  { id: "yaml", label: "panel.yaml" },
];

export function SidePanel() {
  const t = useT();
  const api = usePlaygroundApi();
  const panel = usePlayground(selectPanel);
  const errors = usePlayground(selectErrorCount);
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  // The cluster event log grows from the first state update on, whichever tab is open.
  useEffect(() => void eventLogOf(api), [api]);
  // After the first frame: the tabs' code, so that a click on one never waits for the network.
  useEffect(() => {
    for (const tab of [inspector, eventLog, stats]) void tab.preload();
  }, []);

  const choose = (i: number) => {
    const tab = TABS[(i + TABS.length) % TABS.length]!;
    api.getState().setPanel(tab.id);
    tabs.current[TABS.indexOf(tab)]?.focus();
  };
  const onKey = (e: KeyboardEvent, i: number) => {
    const to =
      e.key === "ArrowRight"
        ? i + 1
        : e.key === "ArrowLeft"
          ? i - 1
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? -1
              : null;
    if (to === null) return;
    e.preventDefault();
    choose(to);
  };

  return (
    <div className="kh-sidepanel">
      <div className="kh-tabs" role="tablist" aria-label={t("app.details")}>
        {TABS.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            aria-selected={panel === tab.id}
            aria-controls={`${base}-panel-${tab.id}`}
            tabIndex={panel === tab.id ? 0 : -1}
            className="kh-tab"
            onClick={() => api.getState().setPanel(tab.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t(tab.label)}
            {tab.id === "yaml" && errors > 0 && (
              <span className="kh-tab-count" aria-label={t("panel.errors", { count: errors })}>
                {errors}
              </span>
            )}
          </button>
        ))}
      </div>
      {TABS.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          className={`kh-tabpanel kh-tabpanel-${tab.id}`}
          hidden={panel !== tab.id}
          tabIndex={0}
        >
          {panel === tab.id && <PanelBody id={tab.id} />}
        </div>
      ))}
    </div>
  );
}

function PanelBody({ id }: { id: Panel }) {
  const t = useT();
  switch (id) {
    case "inspector":
      return (
        <Suspense fallback={null}>
          <inspector.Body />
        </Suspense>
      );
    case "log":
      return (
        <Suspense fallback={null}>
          <eventLog.Body />
        </Suspense>
      );
    case "stats":
      return (
        <Suspense fallback={null}>
          <stats.Body />
        </Suspense>
      );
    case "yaml":
      return (
        <Suspense fallback={<p className="kh-empty">{t("ui.loadingEditor")}</p>}>
          <YamlEditor />
        </Suspense>
      );
  }
}
