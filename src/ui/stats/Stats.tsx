// The Stats tab: where requests went (bars per pod), how they ended, how many took an extra hop, which
// source addresses each pod saw, and latency per traffic phase. Plain HTML/CSS bars.
import { memo, useMemo } from "react";
import type { PhaseMetrics } from "../../engine/sim/types";
import { usePlayground } from "../../store/context";
import type { PlaygroundStore } from "../../store/playgroundStore";
import { percent, placeName, plural } from "../format";
import { formatMs, RESULT_KINDS, summarise } from "./stats";

const selectPhases = (s: PlaygroundStore) => s.sim?.phases;
const NO_PHASES: PhaseMetrics[] = [];

const RESULT_TONE: Record<string, string> = {
  delivered: "ok",
  refused: "bad",
  rejected: "bad",
  dropped: "bad",
  timeout: "warn",
};

export function Stats() {
  const phases = usePlayground(selectPhases) ?? NO_PHASES;
  const s = useMemo(() => summarise(phases), [phases]);
  if (s.requests === 0)
    return (
      <p className="kh-empty">No traffic yet. Send a request or a burst, and the numbers appear here.</p>
    );
  const max = Math.max(1, ...s.perPod.map((p) => p.count));
  const served = s.perPod.reduce((a, p) => a + p.count, 0);
  return (
    <div className="kh-stats">
      <section aria-labelledby="kh-stats-pods">
        <h3 id="kh-stats-pods" className="kh-h3">
          Requests per pod
        </h3>
        {s.perPod.length === 0 ? (
          <p className="kh-muted kh-small">No pod has answered yet.</p>
        ) : (
          <ul className="kh-bars">
            {s.perPod.map((p) => (
              <Bar key={p.pod} label={placeName(`pod:${p.pod}`)} count={p.count} max={max} total={served} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="kh-stats-results">
        <h3 id="kh-stats-results" className="kh-h3">
          Results
        </h3>
        <div className="kh-tiles">
          {RESULT_KINDS.map((k) => (
            <div key={k} className={`kh-tile${s.results[k] ? ` kh-tone-${RESULT_TONE[k]}` : ""}`}>
              <span className="kh-tile-n">{s.results[k]}</span>
              <span className="kh-tile-label">{k}</span>
            </div>
          ))}
        </div>
        <p className="kh-small kh-muted">
          {plural(s.requests, "request")} sent, {s.ended} finished.{" "}
          <strong>{percent(s.extraHops, served)}</strong> of the served ones took an extra hop to a pod on
          another node.
        </p>
      </section>
      {s.sourceIPs.length > 0 && (
        <section aria-labelledby="kh-stats-src">
          <h3 id="kh-stats-src" className="kh-h3">
            Source IPs each pod saw
          </h3>
          <dl className="kh-kv">
            {s.sourceIPs.map((p) => (
              <div key={p.pod} className="kh-kv-row">
                <dt>{placeName(`pod:${p.pod}`)}</dt>
                <dd className="kh-mono">{p.ips.join(", ")}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby="kh-stats-lat">
        <h3 id="kh-stats-lat" className="kh-h3">
          Latency by phase
        </h3>
        <table className="kh-table">
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col" className="kh-num-col">
                Requests
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
                <td className="kh-num-col">{p.requests}</td>
                <td className="kh-num-col">{formatMs(p.p50)}</td>
                <td className="kh-num-col">{formatMs(p.p95)}</td>
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
}: {
  label: string;
  count: number;
  max: number;
  total: number;
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
        {count} <span className="kh-muted">({percent(count, total)})</span>
      </span>
    </li>
  );
});
