// One side of a comparison: its label and the badges for what only it shows, its cluster graph with the
// packets, and its figures, the ones that differ from the other side emphasised.
import { say as sayMessage } from "../i18n/phrase";
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { memo, type ReactNode, type RefObject, useEffect, useRef } from "react";
import type { StoreApi } from "zustand/vanilla";
import type { RequestResult } from "../protocol/simulation";
import { PacketLayer } from "../animation/PacketLayer";
import { ClusterGraph } from "../flow/ClusterGraph";
import type { T } from "../i18n/core";
import type { MessageKey } from "../i18n/en";
import { useT } from "../i18n/react";
import { PlaygroundProvider, usePlayground } from "../store/context";
import type { PlaygroundStore } from "../store/playgroundStore";
import { type CompareDiff, type Figure, relevantBadges } from "./diff";
import { formatLatency, formatShare, type PaneFigures, type SeenSource } from "./figures";
import { shortPlaceName } from "../ui/format";
import type { CompareSetting } from "./types";
import { badgeText } from "./words";
import { parsePlaceId, placeId } from "../protocol/placeId";

interface PaneProps {
  setting: CompareSetting;
  id: string;
  tabId: string;
  index: 0 | 1;
  store: StoreApi<PlaygroundStore>;
  label: string;
  figures: PaneFigures;
  diff: CompareDiff;
  resultKinds: RequestResult[];
  barMax: number;
  from: string;
}

export const ComparePane = memo(function ComparePane(p: PaneProps) {
  const t = useT();
  const badges = relevantBadges(p.diff.badges[p.index], p.setting);
  return (
    <section
      id={p.id}
      className="kh-cmp-pane"
      data-index={p.index}
      aria-label={t("compare.pane", { n: p.index + 1, label: p.label })}
      aria-describedby={p.tabId}
    >
      <header className="kh-cmp-pane-head">
        <h2 className="kh-cmp-label">{p.label}</h2>
        {badges.map((b) => (
          <span key={b} className={`kh-badge kh-cmp-badge kh-tone-${BADGE_TONE[b]}`} data-badge={b}>
            {badgeText(b, p.figures, p.from, t)}
          </span>
        ))}
      </header>
      <PlaygroundProvider store={p.store}>
        <PaneGraph />
      </PlaygroundProvider>
      <PaneStats {...p} />
    </section>
  );
});

const BADGE_TONE = {
  senderKept: "ok",
  noExtraHops: "ok",
  masqueraded: "warn",
  failed: "bad",
  onePod: "info",
} as const;

/** The graph re-renders on its own store's changes only, not on the figures'. */
const PaneGraph = memo(function PaneGraph() {
  const t = useT();
  const notice = usePlayground((s) => (s.notice?.kind === "error" ? sayMessage(t, s.notice) : null));
  const box = useRef<HTMLDivElement>(null);
  return (
    <div className="kh-cmp-graph" ref={box}>
      <ReactFlowProvider>
        <ClusterGraph>
          <PacketLayer />
        </ClusterGraph>
        <RefitOnResize box={box} />
      </ReactFlowProvider>
      {notice && (
        <p className="kh-cmp-notice" role="alert">
          {notice}
        </p>
      )}
    </div>
  );
});

/**
 * Fits the graph again when its pane changes size (the window, or the figures below growing once
 * traffic has run), so that a projector shows the whole cluster on both sides.
 */
function RefitOnResize({ box }: { box: RefObject<HTMLDivElement | null> }) {
  const rf = useReactFlow();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let first = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ro = new ResizeObserver(() => {
      // The first call reports the size the graph was first fitted to.
      if (first) return void (first = false);
      clearTimeout(timer);
      timer = setTimeout(() => void rf.fitView(REFIT), 150);
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      clearTimeout(timer);
    };
  }, [box, rf]);
  return null;
}

const REFIT = { padding: 0.08, maxZoom: 1.25, duration: 200 } as const;

const RESULT_LABEL: Record<RequestResult, MessageKey> = {
  delivered: "compare.result.delivered",
  dropped: "compare.result.dropped",
  timeout: "compare.result.timeout",
  rejected: "compare.result.rejected",
  refused: "compare.result.refused",
};
const RESULT_TONE: Record<RequestResult, string> = {
  delivered: "ok",
  dropped: "bad",
  timeout: "warn",
  rejected: "bad",
  refused: "bad",
};

function PaneStats({ index, figures: f, diff, resultKinds, barMax, from }: PaneProps) {
  const t = useT();
  const emph = (fig: Figure, children: ReactNode) => (
    <Emphasis fig={fig} index={index} diff={diff} t={t}>
      {children}
    </Emphasis>
  );
  return (
    <div className="kh-cmp-stats">
      <section className="kh-cmp-results">
        <h3 className="kh-cmp-h">{t("compare.stats.results")}</h3>
        <div className="kh-cmp-tiles">
          {resultKinds.map((k) => (
            <div
              key={k}
              className={`kh-cmp-tile${f.results[k] ? ` kh-tone-${RESULT_TONE[k]}` : ""}`}
              data-result={k}
            >
              {emph(k, f.results[k])}
              <span className="kh-cmp-tile-label">{t(RESULT_LABEL[k])}</span>
            </div>
          ))}
        </div>
      </section>
      <section className="kh-cmp-pods">
        <h3 className="kh-cmp-h">{t("compare.stats.perPod")}</h3>
        <ul className="kh-cmp-bars">
          {f.perPod.map((p) => (
            <li key={p.pod} className="kh-cmp-bar-row">
              <span className="kh-cmp-bar-name" title={p.pod}>
                {shortPod(p.pod)}
              </span>
              <span className="kh-cmp-bar-track" aria-hidden="true">
                <span className="kh-cmp-bar-fill" style={{ width: `${(p.count / barMax) * 100}%` }} />
              </span>
              <span className="kh-cmp-bar-n">
                {p.count}
                {f.served > 0 && <span className="kh-muted"> ({formatShare(p.count / f.served)})</span>}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <dl className="kh-cmp-figs">
        <div data-figure="extraHops">
          <dt>{t("compare.stats.extraHops")}</dt>
          <dd>
            {f.extraHopShare === null
              ? "–"
              : emph(
                  "extraHops",
                  t("compare.stats.extraHopsOf", {
                    share: formatShare(f.extraHopShare),
                    count: f.extraHops,
                    total: f.served,
                  }),
                )}
          </dd>
        </div>
        <div data-figure="podsUsed">
          <dt>{t("compare.stats.podsUsed")}</dt>
          <dd>{f.served > 0 ? emph("podsUsed", f.podsUsed) : "–"}</dd>
        </div>
        <div data-figure="p50">
          <dt>{t("compare.stats.p50")}</dt>
          <dd>{f.p50 === null ? "–" : emph("p50", formatLatency(f.p50))}</dd>
        </div>
        <div data-figure="sourceIPs">
          <dt>{t("compare.stats.sources")}</dt>
          <dd>
            {f.sources.length === 0
              ? "–"
              : emph(
                  "sourceIPs",
                  f.sources.map((s) => {
                    const owner = sourceOwner(s, from, t);
                    return (
                      <span key={s.ip} className="kh-cmp-src">
                        <span className="kh-mono">{s.ip}</span>
                        {owner && <span className="kh-muted"> ({owner})</span>}
                      </span>
                    );
                  }),
                )}
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** A figure, in bold with an arrow when it differs from the other side's. */
function Emphasis({
  fig,
  index,
  diff,
  t,
  children,
}: {
  fig: Figure;
  index: 0 | 1;
  diff: CompareDiff;
  t: T;
  children: ReactNode;
}) {
  if (!diff.differs.has(fig)) return <span className="kh-cmp-value">{children}</span>;
  const higher = diff.higher[fig];
  const dir = higher === undefined ? null : higher === index ? "up" : "down";
  const words = t(
    dir === "up" ? "compare.stats.higher" : dir === "down" ? "compare.stats.lower" : "compare.stats.differs",
  );
  return (
    <strong className="kh-cmp-value kh-cmp-diff" data-diff={dir ?? "differs"} title={words}>
      {children}
      <span className="kh-cmp-arrow" aria-hidden="true">
        {dir === "up" ? "▲" : dir === "down" ? "▼" : "◆"}
      </span>
      <span className="kh-cmp-sr">{words}</span>
    </strong>
  );
}

function sourceOwner(s: SeenSource, from: string, t: T): string | null {
  switch (s.kind) {
    case "sender":
      return parsePlaceId(from)?.kind === "client" ? t("compare.source.client") : t("compare.source.sender");
    case "node":
      return t("compare.source.node", { name: s.owner ?? "" });
    case "pod":
      return t("compare.source.pod", { name: shortPod(s.owner ?? "") });
    case "other":
      return null;
  }
}

const shortPod = (name: string): string => shortPlaceName(placeId("pod", name));
