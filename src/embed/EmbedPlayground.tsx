// One embedded playground, made for a blog column (700x450 and smaller): play/pause, step and send in
// one slim bar, the graph in nearly all the rest, fitted so that names stay readable, the last result
// in a line beneath it, and the panels over the graph on demand. A link opens the full page.
import type { FitViewOptions } from "@xyflow/react";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { StoreApi } from "zustand/vanilla";
import { PacketLayer } from "../animation/PacketLayer";
import { ClusterGraph } from "../flow/ClusterGraph";
import { useLang, useT } from "../i18n/react";
import { PlaygroundProvider, usePlayground, usePlaygroundApi } from "../store/context";
import {
  selectCluster,
  selectErrorCount,
  selectHasResult,
  selectRunning,
  selectSimAndClusterReady,
  selectTheme,
  selectTrafficTarget,
} from "../store/selectors";
import type { PlaygroundStore } from "../store/playgroundStore";
import { defaultTarget, trafficSources } from "../ui/controls/targets";
import { Icon } from "../ui/icons";
import { Notice } from "../ui/Notice";
import { ResultLine } from "../ui/result/ResultLine";
import { sleepWhenHidden } from "./sleep";
import "../app/app.css";
import "../ui/theme.css";
import "./embed.css";

// The panels load when first opened: most readers of a post never open them.
const SidePanel = lazy(() => import("../ui/SidePanel").then((m) => ({ default: m.SidePanel })));

/**
 * Pod names are the graph's smallest names (13 px at zoom 1, src/flow/flow.css): below this zoom they
 * would be under 11 px on screen. A graph that does not fit at this zoom overflows and is panned instead.
 */
const READABLE_ZOOM = 11 / 13;
const EMBED_FIT: FitViewOptions = {
  padding: { top: "6px", right: "6px", bottom: "6px", left: "6px" },
  minZoom: READABLE_ZOOM,
  maxZoom: 1.25,
};

interface EmbedPlaygroundProps {
  store: StoreApi<PlaygroundStore>;
  /** The full page for "Open in Kube Hops". */
  openHref: string;
  /** Start a gentle stream of requests once the cluster is up. */
  autoplay?: boolean;
}

export function EmbedPlayground({ store, openHref, autoplay = false }: EmbedPlaygroundProps) {
  return (
    <PlaygroundProvider store={store}>
      <EmbedFrame openHref={openHref} autoplay={autoplay} />
    </PlaygroundProvider>
  );
}

function EmbedFrame({ openHref, autoplay }: { openHref: string; autoplay: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const api = usePlaygroundApi();
  const theme = usePlayground(selectTheme);
  const cluster = usePlayground(selectCluster);
  const running = usePlayground(selectRunning);
  const ready = usePlayground(selectSimAndClusterReady);
  const hasResult = usePlayground(selectHasResult);
  const target = usePlayground(selectTrafficTarget);
  const errors = usePlayground(selectErrorCount);
  const [details, setDetails] = useState(false);
  const detailsButton = useRef<HTMLButtonElement>(null);
  const closeDetails = () => {
    setDetails(false);
    detailsButton.current?.focus();
  };
  /** The scenario's problems, in the YAML tab: what a page author needs to see first. */
  const showProblems = () => {
    api.getState().setPanel("yaml");
    setDetails(true);
  };
  const root = useRef<HTMLDivElement>(null);

  // Asleep until first seen, where that can be watched (see sleep.ts): autoplay waits for a reader.
  const [asleep, setAsleep] = useState(() => typeof IntersectionObserver === "function");
  useEffect(() => (root.current ? sleepWhenHidden(root.current, api, setAsleep) : undefined), [api]);

  // Requests go where the full page would send a newcomer's: a NodePort of a node running a pod, from
  // the scenario's first source.
  useEffect(() => {
    if (!cluster) return;
    const s = api.getState();
    const sources = trafficSources(cluster);
    if (sources.length && !sources.some((c) => c.value === s.traffic.from))
      s.setTraffic({ from: sources[0]!.value });
    if (!s.traffic.to) s.setTraffic({ to: defaultTarget(cluster) });
  }, [cluster, api]);

  // Autoplay: one request a second, for the minute a rate runs, from when the embed is first seen.
  const autoplayed = useRef(false);
  useEffect(() => {
    if (!autoplay || autoplayed.current || !ready || !target || asleep) return;
    autoplayed.current = true;
    api.getState().setTraffic({ perSecond: 1 });
    void api.getState().send("rate");
  }, [autoplay, ready, target, asleep, api]);

  const play = running ? t("transport.pause") : t("transport.play");
  return (
    <div ref={root} className="kh-app kh-embed" lang={lang} data-theme={theme} data-projector="off">
      <header className="kh-embed-bar" role="group" aria-label={t("embed.controls")}>
        <button
          type="button"
          className="kh-btn kh-btn-primary kh-btn-icon"
          aria-label={play}
          title={play}
          disabled={!ready}
          onClick={() => void api.getState().togglePlay()}
        >
          <Icon name={running ? "pause" : "play"} />
        </button>
        <button
          type="button"
          className="kh-btn kh-btn-icon"
          aria-label={t("transport.step")}
          title={t("transport.step")}
          disabled={!ready}
          onClick={() => void api.getState().step()}
        >
          <Icon name="step" />
        </button>
        <button
          type="button"
          className="kh-btn"
          title={target ? t("embed.sendTitle", { to: target }) : undefined}
          disabled={!ready || !target}
          onClick={() => void api.getState().send("send")}
        >
          <Icon name="send" /> {t("traffic.send")}
        </button>
        <span className="kh-embed-spacer" />
        <button
          ref={detailsButton}
          type="button"
          className="kh-btn kh-btn-quiet"
          aria-expanded={details}
          title={t("embed.detailsTitle")}
          onClick={() => setDetails((d) => !d)}
        >
          {t("embed.details")}
        </button>
        <a
          className="kh-embed-open"
          href={openHref}
          target="_blank"
          rel="noopener"
          aria-label={t("embed.open")}
          title={t("embed.openTitle")}
        >
          <span className="kh-embed-open-words">{t("embed.open")}</span> <span aria-hidden="true">↗</span>
        </a>
      </header>
      <section className="kh-graph kh-embed-graph" aria-label={t("app.graph")}>
        <ClusterGraph fit={EMBED_FIT} compact>
          <PacketLayer />
        </ClusterGraph>
        {details && <DetailsOverlay onClose={closeDetails} />}
      </section>
      <div className="kh-embed-result">
        {hasResult ? (
          <ResultLine />
        ) : errors > 0 ? (
          <button type="button" className="kh-embed-problems" onClick={showProblems}>
            {t("embed.problems", { count: errors })}
          </button>
        ) : (
          <p className="kh-embed-hint">{t("embed.hint")}</p>
        )}
      </div>
      <Notice />
    </div>
  );
}

/** The panels (inspector, event log, stats, YAML) over the graph's right side; Escape closes them. */
function DetailsOverlay({ onClose }: { onClose: () => void }) {
  const t = useT();
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>("[role=tab][aria-selected=true], button")?.focus();
  }, []);
  return (
    <aside
      ref={box}
      className="kh-embed-details"
      aria-label={t("app.details")}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <button
        type="button"
        className="kh-btn kh-btn-icon kh-btn-quiet kh-embed-close"
        aria-label={t("embed.closeDetails")}
        title={t("embed.closeDetails")}
        onClick={onClose}
      >
        <Icon name="close" />
      </button>
      <div className="kh-embed-details-body">
        <Suspense fallback={<p className="kh-empty">{t("embed.loading")}</p>}>
          <SidePanel />
        </Suspense>
      </div>
    </aside>
  );
}
