import { useMemo, useState } from "react";
import { resolveNameFor } from "../engine/trace/resolveName";
import { trace } from "../engine/trace/trace";
import type { Cluster } from "../model/cluster";

export function TracePanel({ cluster }: { cluster: Cluster }) {
  const sources = useMemo(
    () => [
      ...cluster.config.clients.map((c) => `client:${c.name}`),
      ...cluster.nodes.map((n) => `node:${n.metadata.name}`),
      ...cluster.pods
        .filter((p) => p.status.podIP)
        .map((p) => `pod:${p.metadata.namespace}/${p.metadata.name}`),
    ],
    [cluster],
  );
  const [from, setFrom] = useState("client:laptop");
  const [to, setTo] = useState("192.168.1.2:30080");
  const [seed, setSeed] = useState(1);
  const result = useMemo(
    () => trace(cluster, { from, to, seed }, { resolveName: resolveNameFor(cluster) }),
    [cluster, from, to, seed],
  );
  return (
    <>
      <h2>Trace a connection</h2>
      <form className="trace-form" onSubmit={(e) => e.preventDefault()}>
        <label>
          From{" "}
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            {sources.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          To{" "}
          <input
            value={to}
            onChange={(e) => setTo(e.target.value)}
            aria-label="Destination IP:PORT or NAME:PORT"
          />
        </label>
        <label>
          Seed{" "}
          <input type="number" min={0} value={seed} onChange={(e) => setSeed(Number(e.target.value) || 0)} />
        </label>
      </form>
      {"error" in result ? (
        <p className="error" role="alert">
          {result.error}
        </p>
      ) : (
        <>
          <p className={`result ${result.result}`}>
            <strong>{result.result}</strong>: {result.reason}
            {result.extraHop && " (with an extra hop between nodes)"}
          </p>
          <div className="scroll">
            <table className="hops">
              <thead>
                <tr>
                  <th>#</th>
                  <th>Where</th>
                  <th>Packet</th>
                  <th>Action</th>
                  <th>Becomes</th>
                  <th>Why</th>
                </tr>
              </thead>
              <tbody>
                {result.hops.map((h, i) => (
                  <tr key={i} className={h.direction}>
                    <td>{i + 1}</td>
                    <td>{h.at}</td>
                    <td>
                      <code>
                        {h.src} → {h.dst}
                      </code>
                    </td>
                    <td>{h.action}</td>
                    <td>{h.to ? <code>{`${h.to.src} → ${h.to.dst}`}</code> : ""}</td>
                    <td>
                      {h.note}
                      {h.rules.length > 0 && <div className="rules">{h.rules.join(" → ")}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
