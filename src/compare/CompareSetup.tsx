// Setting up a comparison by hand from the scenario on screen: the setting, the Service it is about,
// where the traffic comes from and goes to, and how many requests. "Compare" hands the spec on.
import { useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useLang, useT } from "../i18n/react";
import type { ClusterSummary, ServiceSummary } from "../protocol/messages";
import { usePlayground } from "../store/context";
import { selectAppliedYaml, selectCluster, selectProjector, selectTheme } from "../store/selectors";
import { loadYamlTools } from "../store/yamlTools";
import { compareSpec, DEFAULT_COUNT } from "./compareSpec";
import { isExternal, sourceChoices, type SourceChoice, targetChoices } from "./traffic";
import type { CompareSetting, CompareSpec } from "./types";
import { variantYamls } from "./variantYaml";
import { problemText, SETTINGS, settingHint, settingTitle, targetText } from "./words";
import "../ui/theme.css";
import "./compare.css";

interface CompareSetupProps {
  onStart: (spec: CompareSpec) => void;
  onClose: () => void;
}

/** Services a comparison can be about: those kube-proxy proxies. */
const proxied = (c: ClusterSummary | null): ServiceSummary[] =>
  (c?.services ?? []).filter((s) => s.type !== "ExternalName" && s.clusterIP !== "None");

/** The Service a person most likely means: an exposed one with pods behind it, else one with a selector. */
function firstService(services: ServiceSummary[]): string {
  const selected = services.filter((s) => s.selector && Object.keys(s.selector).length > 0);
  return (selected.find(isExternal) ?? selected[0] ?? services[0])?.name ?? "";
}

export function CompareSetup({ onStart, onClose }: CompareSetupProps) {
  const t = useT();
  const { lang } = useLang();
  const cluster = usePlayground(selectCluster);
  const scenario = usePlayground(selectAppliedYaml);
  const theme = usePlayground(selectTheme);
  const projector = usePlayground(selectProjector);
  const services = useMemo(() => proxied(cluster), [cluster]);
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();

  const [chosenService, setService] = useState<string | null>(null);
  const service = chosenService ?? firstService(services);
  const svc = services.find((s) => s.name === service);
  const [setting, setSetting] = useState<CompareSetting>(() =>
    svc && !isExternal(svc) ? "sessionAffinity" : "externalTrafficPolicy",
  );
  // null: the traffic that shows the setting best (see defaultTraffic).
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [count, setCount] = useState(DEFAULT_COUNT);
  const [missing, setMissing] = useState<string | null>(null);

  const result = useMemo(
    () =>
      cluster
        ? compareSpec(setting, scenario, {
            cluster,
            service,
            from: from ?? undefined,
            to: to ?? undefined,
            count,
          })
        : null,
    [cluster, setting, scenario, service, from, to, count],
  );
  const sources = useMemo(() => (cluster ? sourceChoices(cluster) : []), [cluster]);
  const targets = useMemo(() => (cluster && svc ? targetChoices(cluster, svc) : []), [cluster, svc]);

  useLayoutEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const reset = () => {
    setFrom(null);
    setTo(null);
    setMissing(null);
  };
  const start = async () => {
    if (!result?.ok) return;
    const r = variantYamls(result.spec, await loadYamlTools());
    if (!r.ok) return setMissing(`${r.missing.kind} ${r.missing.name}`);
    onStart(result.spec);
  };
  const spec = result?.ok ? result.spec : null;
  const problem = !cluster
    ? t("compare.setup.loading")
    : result && !result.ok
      ? problemText(result.problem, t)
      : missing
        ? t("compare.problem.edit", { object: missing })
        : null;

  return createPortal(
    <dialog
      ref={dialog}
      className="kh-app kh-cmp-setup"
      data-theme={theme}
      data-projector={projector ? "on" : "off"}
      lang={lang}
      aria-labelledby={`${ids}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <h2 id={`${ids}-title`} className="kh-cmp-setup-title">
          {t("compare.setup.title")}
        </h2>
        <p className="kh-muted kh-cmp-setup-intro">{t("compare.setup.intro")}</p>
        <fieldset className="kh-cmp-settings">
          <legend className="kh-field-label">{t("compare.setup.setting")}</legend>
          {SETTINGS.map((s) => (
            <label key={s} className="kh-cmp-setting">
              <input
                type="radio"
                name={`${ids}-setting`}
                value={s}
                checked={setting === s}
                onChange={() => {
                  setSetting(s);
                  reset();
                }}
              />
              <span>
                <span className="kh-cmp-setting-title">{settingTitle(s, t)}</span>
                <span className="kh-cmp-setting-hint kh-muted">{settingHint(s, t)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="kh-cmp-setup-grid">
          <label className="kh-cmp-setup-field">
            <span className="kh-field-label">{t("compare.setup.service")}</span>
            <select
              className="kh-select"
              value={service}
              onChange={(e) => {
                setService(e.target.value);
                reset();
              }}
            >
              {services.map((s) => (
                <option key={s.name} value={s.name}>
                  {`${s.name.replace(/^default\//, "")} (${s.type})`}
                </option>
              ))}
            </select>
          </label>
          <label className="kh-cmp-setup-field">
            <span className="kh-field-label">{t("compare.setup.from")}</span>
            <select
              className="kh-select"
              value={spec?.traffic.from ?? from ?? ""}
              onChange={(e) => setFrom(e.target.value)}
            >
              {(["client", "pod", "node"] as const).map((kind) => (
                <SourceGroup
                  key={kind}
                  kind={kind}
                  sources={sources}
                  label={t(`compare.setup.group.${kind}`)}
                />
              ))}
            </select>
          </label>
          <label className="kh-cmp-setup-field">
            <span className="kh-field-label">{t("compare.setup.to")}</span>
            <select
              className="kh-select kh-mono"
              value={spec?.traffic.to ?? to ?? ""}
              onChange={(e) => setTo(e.target.value)}
            >
              {targets.map((c) => (
                <option key={c.value} value={c.value}>
                  {targetText(c, t)}
                </option>
              ))}
            </select>
          </label>
          <label className="kh-cmp-setup-field">
            <span className="kh-field-label">{t("compare.setup.count")}</span>
            <input
              className="kh-input kh-num"
              type="number"
              min={1}
              max={500}
              value={count}
              onChange={(e) => {
                const n = Math.round(Number(e.target.value));
                if (n >= 1 && n <= 500) setCount(n);
              }}
            />
          </label>
        </div>
        {problem && (
          <p className="kh-cmp-setup-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="kh-cmp-setup-actions">
          <button type="button" className="kh-btn" onClick={onClose}>
            {t("compare.setup.cancel")}
          </button>
          <button type="submit" className="kh-btn kh-btn-primary" disabled={!spec}>
            {t("compare.setup.start")}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}

function SourceGroup({
  kind,
  sources,
  label,
}: {
  kind: SourceChoice["kind"];
  sources: SourceChoice[];
  label: string;
}) {
  const list = sources.filter((s) => s.kind === kind);
  if (list.length === 0) return null;
  return (
    <optgroup label={label}>
      {list.map((s) => (
        <option key={s.value} value={s.value}>
          {s.name}
        </option>
      ))}
    </optgroup>
  );
}
