// The side panel: Inspector, Event log, Stats and YAML as ARIA tabs (arrow keys, Home and End move
// between them). The YAML editor loads on first open.
import { lazy, Suspense, useEffect, useId, useRef, type KeyboardEvent } from "react";
import type { MessageKey } from "../i18n/en";
import { useT } from "../i18n/react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import { selectErrorCount, selectPanel } from "../store/selectors";
import type { Panel } from "../store/playgroundStore";
import { Inspector } from "./inspector/Inspector";
import { EventLog } from "./log/EventLog";
import { eventLogOf } from "./log/clusterEvents";
import { Stats } from "./stats/Stats";
import "./theme.css";
import "./panels.css";

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
      return <Inspector />;
    case "log":
      return <EventLog />;
    case "stats":
      return <Stats />;
    case "yaml":
      return (
        <Suspense fallback={<p className="kh-empty">{t("ui.loadingEditor")}</p>}>
          <YamlEditor />
        </Suspense>
      );
  }
}
