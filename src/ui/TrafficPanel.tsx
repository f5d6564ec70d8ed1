// Where requests come from and go to, how connections are made, and the three ways to send: one
// request, a burst, or a steady rate (a second press stops it).
import { memo, useEffect, useId, useMemo, useState } from "react";
import type { ConnectionStyle } from "../engine/sim/types";
import { usePlayground, usePlaygroundApi } from "../store/context";
import type { PlaygroundStore } from "../store/playgroundStore";
import { type Choice, defaultTarget, trafficSources, trafficTargets } from "./controls/targets";
import { Icon } from "./icons";
import "./theme.css";

const selectCluster = (s: PlaygroundStore) => s.cluster;
const selectTraffic = (s: PlaygroundStore) => s.traffic;
const selectPhaseCount = (s: PlaygroundStore) => s.sim?.phases.length ?? 0;
const selectApplied = (s: PlaygroundStore) => s.appliedYaml;

function grouped(choices: Choice[]): [string, Choice[]][] {
  const m = new Map<string, Choice[]>();
  for (const c of choices) (m.get(c.group) ?? m.set(c.group, []).get(c.group)!).push(c);
  return [...m];
}

export function TrafficPanel() {
  const api = usePlaygroundApi();
  const cluster = usePlayground(selectCluster);
  const t = usePlayground(selectTraffic);
  const sources = useMemo(() => trafficSources(cluster), [cluster]);
  const targets = useMemo(() => trafficTargets(cluster), [cluster]);
  const listId = useId();

  // A first-time visitor gets a target that works: the NodePort of a node running a pod.
  useEffect(() => {
    if (cluster && !api.getState().traffic.to) api.getState().setTraffic({ to: defaultTarget(cluster) });
  }, [cluster, api]);
  // The default source may not exist in this scenario.
  useEffect(() => {
    if (sources.length && !sources.some((s) => s.value === api.getState().traffic.from))
      api.getState().setTraffic({ from: sources[0]!.value });
  }, [sources, api]);

  const set = api.getState().setTraffic;
  return (
    <div className="kh-traffic" role="group" aria-label="Traffic">
      <label className="kh-field">
        <span className="kh-field-label">From</span>
        <select
          className="kh-select kh-traffic-from"
          aria-label="From"
          value={t.from}
          onChange={(e) => set({ from: e.target.value })}
        >
          {!sources.some((s) => s.value === t.from) && <option value={t.from}>{t.from}</option>}
          {grouped(sources).map(([group, list]) => (
            <optgroup key={group} label={group}>
              {list.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="kh-field">
        <span className="kh-field-label">To</span>
        <input
          className="kh-input kh-traffic-to"
          aria-label="To"
          title="A node's IP:NodePort, a LoadBalancer IP:port, a ClusterIP:port or a DNS name such as web.default:80"
          list={listId}
          value={t.to}
          placeholder="IP:port or name:port"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => set({ to: e.target.value.trim() })}
          onKeyDown={(e) => {
            if (e.key === "Enter") void api.getState().send("send");
          }}
        />
        <datalist id={listId}>
          {targets.map((c) => (
            <option key={c.value} value={c.value} label={c.label} />
          ))}
        </datalist>
      </label>
      <ConnectionToggle value={t.connection} onChange={(connection) => set({ connection })} />
      <div className="kh-send-group">
        <button
          type="button"
          className="kh-btn kh-btn-primary"
          title="Send one request (Enter in the target field)"
          onClick={() => void api.getState().send("send")}
        >
          <Icon name="send" /> Send<span className="kh-wide-only"> request</span>
        </button>
        <BurstControl count={t.count} />
        <RateControl perSecond={t.perSecond} />
      </div>
    </div>
  );
}

const ConnectionToggle = memo(function ConnectionToggle({
  value,
  onChange,
}: {
  value: ConnectionStyle;
  onChange: (c: ConnectionStyle) => void;
}) {
  const name = useId();
  const options: { v: ConnectionStyle; label: string; title: string }[] = [
    {
      v: "new",
      label: "curl",
      title: "New connection per request (like curl): each request is balanced afresh",
    },
    {
      v: "keepalive",
      label: "keep-alive",
      title: "One keep-alive connection (like a browser): every request goes to the same pod",
    },
  ];
  return (
    <div className="kh-segmented" role="radiogroup" aria-label="Connection">
      {options.map((o) => (
        <label key={o.v} className="kh-segment" title={o.title}>
          <input
            type="radio"
            name={name}
            value={o.v}
            checked={value === o.v}
            onChange={() => onChange(o.v)}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
});

const BurstControl = memo(function BurstControl({ count }: { count: number }) {
  const api = usePlaygroundApi();
  return (
    <span className="kh-joined">
      <button
        type="button"
        className="kh-btn"
        title={`Send ${count} requests, one after another`}
        onClick={() => void api.getState().send("burst")}
      >
        Burst
      </button>
      <input
        className="kh-input kh-num"
        type="number"
        min={1}
        max={500}
        aria-label="Burst count"
        title="Requests in a burst"
        value={count}
        onChange={(e) => {
          const n = Math.round(Number(e.target.value));
          if (n >= 1 && n <= 500) api.getState().setTraffic({ count: n });
        }}
      />
    </span>
  );
});

const RateControl = memo(function RateControl({ perSecond }: { perSecond: number }) {
  const api = usePlaygroundApi();
  const phases = usePlayground(selectPhaseCount);
  const applied = usePlayground(selectApplied);
  const [rate, setRate] = useState<{ phase: number; yaml: string } | null>(null);
  // A reload (new manifests) or a step back past its start ends the rate.
  const active = rate !== null && rate.yaml === applied && rate.phase < phases;
  const toggle = async () => {
    const s = api.getState();
    if (active) {
      setRate(null);
      await s.client.act({ type: "stopTraffic", phase: rate.phase });
      return;
    }
    const phase = await s.send("rate");
    if (phase !== null) setRate({ phase, yaml: api.getState().appliedYaml });
  };
  return (
    <span className="kh-joined">
      <button
        type="button"
        className={active ? "kh-btn kh-btn-active" : "kh-btn"}
        aria-pressed={active}
        title={
          active ? "Stop the steady rate" : `Send ${perSecond} requests every simulated second until stopped`
        }
        onClick={() => void toggle()}
      >
        {active ? (
          "Stop rate"
        ) : (
          <>
            <span className="kh-wide-only">Steady rate</span>
            <span className="kh-narrow-only">Rate</span>
          </>
        )}
      </button>
      <input
        className="kh-input kh-num"
        type="number"
        min={0.1}
        max={1000}
        step="any"
        aria-label="Requests per second"
        title="Requests per simulated second"
        value={perSecond}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (n > 0 && n <= 1000) api.getState().setTraffic({ perSecond: n });
        }}
      />
      <span className="kh-unit" aria-hidden="true">
        /s
      </span>
    </span>
  );
});
