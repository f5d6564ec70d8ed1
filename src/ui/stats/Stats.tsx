// The Stats tab: where requests went (bars per pod), how they ended, how many took an extra hop, which
// source addresses each pod saw, and latency per traffic phase. Plain HTML/CSS bars.
import { memo, useMemo } from "react";
import type { PhaseMetrics } from "../../protocol/simulation";
import type { Lang } from "../../i18n/core";
import { useLang, useT } from "../../i18n/react";
import { usePlayground } from "../../store/context";
import { selectPhases } from "../../store/selectors";
import { formatNumber, percent, shortPlaceName } from "../format";
import { rich } from "../rich";
import { formatMs, RESULT_KINDS, RESULT_WORDS, summarise } from "./stats";
import { placeId } from "../../protocol/placeId";

const NO_PHASES: PhaseMetrics[] = [];

const RESULT_TONE: Record<string, string> = {
  delivered: "ok",
  refused: "bad",
  rejected: "bad",
  dropped: "bad",
  timeout: "warn",
};

export function Stats() {
  const t = useT();
  const { lang } = useLang();
  const phases = usePlayground(selectPhases) ?? NO_PHASES;
  const s = useMemo(() => summarise(phases, t), [phases, t]);
  const n = (x: number) => formatNumber(lang, x);
  if (s.requests === 0) return <p className="kh-empty">{t("stats.empty")}</p>;
  const max = Math.max(1, ...s.perPod.map((p) => p.count));
  const served = s.perPod.reduce((a, p) => a + p.count, 0);
  return (
    <div className="kh-stats">
      <section aria-labelledby="kh-stats-pods">
        <h3 id="kh-stats-pods" className="kh-h3">
          {t("stats.perPod")}
        </h3>
        {s.perPod.length === 0 ? (
          <p className="kh-muted kh-small">{t("stats.noPod")}</p>
        ) : (
          <ul className="kh-bars">
            {s.perPod.map((p) => (
              <Bar
                key={p.pod}
                label={shortPlaceName(placeId("pod", p.pod))}
                count={p.count}
                max={max}
                total={served}
                lang={lang}
              />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="kh-stats-results">
        <h3 id="kh-stats-results" className="kh-h3">
          {t("stats.results")}
        </h3>
        <div className="kh-tiles">
          {RESULT_KINDS.map((k) => (
            <div key={k} className={`kh-tile${s.results[k] ? ` kh-tone-${RESULT_TONE[k]}` : ""}`}>
              <span className="kh-tile-n">{n(s.results[k])}</span>
              <span className="kh-tile-label">{t(RESULT_WORDS[k])}</span>
            </div>
          ))}
        </div>
        <p className="kh-small kh-muted">
          {t("stats.sent", { count: s.requests, ended: n(s.ended) })}{" "}
          {rich(t("stats.extraHops"), { share: <strong>{percent(s.extraHops, served, lang)}</strong> })}
        </p>
      </section>
      {s.sourceIPs.length > 0 && (
        <section aria-labelledby="kh-stats-src">
          <h3 id="kh-stats-src" className="kh-h3">
            {t("stats.sourceIPs")}
          </h3>
          <dl className="kh-kv">
            {s.sourceIPs.map((p) => (
              <div key={p.pod} className="kh-kv-row">
                <dt>{shortPlaceName(placeId("pod", p.pod))}</dt>
                <dd className="kh-mono">{p.ips.join(", ")}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby="kh-stats-lat">
        <h3 id="kh-stats-lat" className="kh-h3">
          {t("stats.latency")}
        </h3>
        <table className="kh-table">
          <thead>
            <tr>
              <th scope="col">{t("stats.phaseCol")}</th>
              <th scope="col" className="kh-num-col">
                {t("stats.requestsCol")}
              </th>
              <th scope="col" className="kh-num-col">
                p50
              </th>
              <th scope="col" className="kh-num-col">
                p95
              </th>
            </tr>
          </thead>
          <tbody>
            {s.phases.map((p) => (
              <tr key={p.index}>
                <td>{p.label}</td>
                <td className="kh-num-col">{n(p.requests)}</td>
                <td className="kh-num-col">{formatMs(p.p50, t, lang)}</td>
                <td className="kh-num-col">{formatMs(p.p95, t, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

const Bar = memo(function Bar({
  label,
  count,
  max,
  total,
  lang,
}: {
  label: string;
  count: number;
  max: number;
  total: number;
  lang: Lang;
}) {
  return (
    <li className="kh-bar">
      <span className="kh-bar-label" title={label}>
        {label}
      </span>
      <span className="kh-bar-track" aria-hidden="true">
        <span className="kh-bar-fill" style={{ width: `${(count / max) * 100}%` }} />
      </span>
      <span className="kh-bar-n">
        {formatNumber(lang, count)} <span className="kh-muted">({percent(count, total, lang)})</span>
      </span>
    </li>
  );
});
