// Where requests come from and go to, how connections are made, and the three ways to send: one
// request, a burst, or a steady rate (a second press stops it).
import { memo, useEffect, useId, useMemo, useState } from "react";
import type { ConnectionStyle } from "../protocol/simulation";
import type { MessageKey } from "../i18n/en";
import { useT } from "../i18n/react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import { selectAppliedYaml, selectCluster, selectPhaseCount, selectTraffic } from "../store/selectors";
import {
  type Choice,
  type ChoiceGroup,
  defaultTarget,
  GROUP_WORDS,
  trafficSources,
  trafficTargets,
} from "./controls/targets";
import { Icon } from "./icons";
import "./theme.css";

function grouped(choices: Choice[]): [ChoiceGroup, Choice[]][] {
  const m = new Map<ChoiceGroup, Choice[]>();
  for (const c of choices) (m.get(c.group) ?? m.set(c.group, []).get(c.group)!).push(c);
  return [...m];
}

export function TrafficPanel() {
  const t = useT();
  const api = usePlaygroundApi();
  const cluster = usePlayground(selectCluster);
  const traffic = usePlayground(selectTraffic);
  const sources = useMemo(() => trafficSources(cluster), [cluster]);
  // The suggestions (every NodePort on every node, every ClusterIP and name: hundreds in a big cluster)
  // are made when the field is first focused, not in the page's first frame.
  const [suggest, setSuggest] = useState(false);
  const targets = useMemo(() => (suggest ? trafficTargets(cluster, t) : []), [suggest, cluster, t]);
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
    <div className="kh-traffic" role="group" aria-label={t("traffic.group")}>
      <label className="kh-field">
        <span className="kh-field-label">{t("traffic.from")}</span>
        <select
          className="kh-select kh-traffic-from"
          aria-label={t("traffic.from")}
          value={traffic.from}
          onChange={(e) => set({ from: e.target.value })}
        >
          {!sources.some((s) => s.value === traffic.from) && (
            <option value={traffic.from}>{traffic.from}</option>
          )}
          {grouped(sources).map(([group, list]) => (
            <optgroup key={group} label={t(GROUP_WORDS[group])}>
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
        <span className="kh-field-label">{t("traffic.to")}</span>
        <input
          className="kh-input kh-traffic-to"
          aria-label={t("traffic.to")}
          title={t("traffic.toTitle")}
          list={listId}
          value={traffic.to}
          placeholder={t("traffic.toPlaceholder")}
          spellCheck={false}
          autoComplete="off"
          onFocus={() => setSuggest(true)}
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
      <ConnectionToggle value={traffic.connection} onChange={(connection) => set({ connection })} />
      <div className="kh-send-group">
        <button
          type="button"
          className="kh-btn kh-btn-primary"
          title={t("traffic.sendTitle")}
          onClick={() => void api.getState().send("send")}
        >
          <Icon name="send" /> <span className="kh-wide-only">{t("traffic.sendRequest")}</span>
          <span className="kh-narrow-only">{t("traffic.send")}</span>
        </button>
        <BurstControl count={traffic.count} />
        <RateControl perSecond={traffic.perSecond} />
      </div>
    </div>
  );
}

/** Connection styles by the tool that makes them (the names are the same in every language). */
const CONNECTIONS: { v: ConnectionStyle; label: string; title: MessageKey }[] = [
  { v: "new", label: "curl", title: "traffic.curlTitle" },
  { v: "keepalive", label: "keep-alive", title: "traffic.keepAliveTitle" },
];

const ConnectionToggle = memo(function ConnectionToggle({
  value,
  onChange,
}: {
  value: ConnectionStyle;
  onChange: (c: ConnectionStyle) => void;
}) {
  const t = useT();
  const name = useId();
  return (
    <div className="kh-segmented" role="radiogroup" aria-label={t("traffic.connection")}>
      {CONNECTIONS.map((o) => (
        <label key={o.v} className="kh-segment" title={t(o.title)}>
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
  const t = useT();
  const api = usePlaygroundApi();
  return (
    <span className="kh-joined">
      <button
        type="button"
        className="kh-btn"
        title={t("traffic.burstTitle", { count })}
        onClick={() => void api.getState().send("burst")}
      >
        {t("traffic.burst")}
      </button>
      <input
        className="kh-input kh-num"
        type="number"
        min={1}
        max={500}
        aria-label={t("traffic.burstCount")}
        title={t("traffic.burstCountTitle")}
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
  const t = useT();
  const api = usePlaygroundApi();
  const phases = usePlayground(selectPhaseCount);
  const applied = usePlayground(selectAppliedYaml);
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
        title={active ? t("traffic.stopRateTitle") : t("traffic.rateTitle", { count: perSecond })}
        onClick={() => void toggle()}
      >
        {active ? (
          t("traffic.stopRate")
        ) : (
          <>
            <span className="kh-wide-only">{t("traffic.rate")}</span>
            <span className="kh-narrow-only">{t("traffic.rateShort")}</span>
          </>
        )}
      </button>
      <input
        className="kh-input kh-num"
        type="number"
        min={0.1}
        max={1000}
        step="any"
        aria-label={t("traffic.perSecond")}
        title={t("traffic.perSecondTitle")}
        value={perSecond}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (n > 0 && n <= 1000) api.getState().setTraffic({ perSecond: n });
        }}
      />
      <span className="kh-unit" aria-hidden="true">
        {t("traffic.perSecondUnit")}
      </span>
    </span>
  );
});
