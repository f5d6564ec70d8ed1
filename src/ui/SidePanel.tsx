// The side panel: Inspector, Event log, Stats and YAML as ARIA tabs (arrow keys, Home and End move
// between them). The YAML editor loads on first open.
import { lazy, Suspense, useEffect, useId, useRef, type KeyboardEvent } from "react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import type { Panel, PlaygroundStore } from "../store/playgroundStore";
import { Inspector } from "./inspector/Inspector";
import { EventLog } from "./log/EventLog";
import { eventLogOf } from "./log/clusterEvents";
import { Stats } from "./stats/Stats";
import "./theme.css";
import "./panels.css";

const YamlEditor = lazy(() => import("./editor/YamlEditor"));

const TABS: { id: Panel; label: string }[] = [
  { id: "inspector", label: "Inspector" },
  { id: "log", label: "Event log" },
  { id: "stats", label: "Stats" },
  { id: "yaml", label: "YAML" },
];

const selectPanel = (s: PlaygroundStore) => s.panel;
const selectErrors = (s: PlaygroundStore) => s.diagnostics.filter((d) => d.severity === "error").length;

export function SidePanel() {
  const api = usePlaygroundApi();
  const panel = usePlayground(selectPanel);
  const errors = usePlayground(selectErrors);
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  // The cluster event log grows from the first state update on, whichever tab is open.
  useEffect(() => void eventLogOf(api), [api]);

  const choose = (i: number) => {
    const t = TABS[(i + TABS.length) % TABS.length]!;
    api.getState().setPanel(t.id);
    tabs.current[TABS.indexOf(t)]?.focus();
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
      <div className="kh-tabs" role="tablist" aria-label="Details">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={panel === t.id}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={panel === t.id ? 0 : -1}
            className="kh-tab"
            onClick={() => api.getState().setPanel(t.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.label}
            {t.id === "yaml" && errors > 0 && (
              <span className="kh-tab-count" aria-label={`${errors} errors`}>
                {errors}
              </span>
            )}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${base}-panel-${t.id}`}
          aria-labelledby={`${base}-tab-${t.id}`}
          className={`kh-tabpanel kh-tabpanel-${t.id}`}
          hidden={panel !== t.id}
          tabIndex={0}
        >
          {panel === t.id && <PanelBody id={t.id} />}
        </div>
      ))}
    </div>
  );
}

function PanelBody({ id }: { id: Panel }) {
  switch (id) {
    case "inspector":
      return <Inspector />;
    case "log":
      return <EventLog />;
    case "stats":
      return <Stats />;
    case "yaml":
      return (
        <Suspense fallback={<p className="kh-empty">Loading the editor…</p>}>
          <YamlEditor />
        </Suspense>
      );
  }
}
