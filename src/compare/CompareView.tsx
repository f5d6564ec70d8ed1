// Two playgrounds side by side, differing in one setting, driven by the same traffic with the same seed:
// each side its own store (its own worker), its graph and a few figures; one bar drives both, and the
// figures that differ are emphasised and said in words. Full page, over whatever opened it.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useStore } from "zustand";
import type { StoreApi } from "zustand/vanilla";
import { RecoveryBoundary } from "../app/RecoveryBoundary";
import { RecoveryScreen } from "../app/RecoveryScreen";
import type { PhaseMetrics } from "../protocol/simulation";
import { useLang, useT } from "../i18n/react";
import type { EndpointState } from "../protocol/messages";
import { createPlaygroundStore, type PlaygroundStore, type Theme } from "../store/playgroundStore";
import { loadYamlTools } from "../store/yamlTools";
import { Icon } from "../ui/icons";
import { CompareBar } from "./CompareBar";
import { ComparePane } from "./ComparePane";
import { compareFigures, relevantBadges } from "./diff";
import { type PaneFigures, paneFigures, RESULTS } from "./figures";
import type { CompareSpec } from "./types";
import { variantYamls } from "./variantYaml";
import { summaryLine, variantLabel, variantName } from "./words";
import "../ui/theme.css";
import "./compare.css";

interface CompareViewProps {
  /** Keep it the same object while the view is open: a new spec starts both sides afresh. */
  spec: CompareSpec;
  onClose: () => void;
  theme?: Theme;
  projector?: boolean;
}

export type StorePair = [StoreApi<PlaygroundStore>, StoreApi<PlaygroundStore>];

export default function CompareView({ spec, onClose, theme = "light", projector = false }: CompareViewProps) {
  const t = useT();
  const { lang } = useLang();
  const dialog = useRef<HTMLDialogElement>(null);
  const [stores, setStores] = useState<StorePair | null>(null);
  const [missing, setMissing] = useState<string | null>(null);

  // Modal: the playground underneath is inert, Escape closes.
  useLayoutEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  // Each side owns a worker: made here, ended by this effect's cleanup (StrictMode's trial unmount too).
  useEffect(() => {
    let live = true;
    let made: StoreApi<PlaygroundStore>[] = [];
    void loadYamlTools().then((tools) => {
      if (!live) return;
      const r = variantYamls(spec, tools);
      if (!r.ok) return setMissing(`${r.missing.kind} ${r.missing.name}`);
      made = r.yamls.map((yaml, i) => {
        const s = createPlaygroundStore({ scenario: yaml, seed: spec.seed });
        s.getState().setTraffic({ ...spec.traffic, connection: spec.variants[i]!.connection ?? "new" });
        return s;
      });
      setStores(made as StorePair);
    });
    return () => {
      live = false;
      for (const s of made) s.getState().client.dispose();
      setStores(null);
    };
  }, [spec]);

  useEffect(() => {
    for (const s of stores ?? []) {
      s.getState().setTheme(theme);
      s.getState().setProjector(projector);
    }
  }, [stores, theme, projector]);

  return createPortal(
    <dialog
      ref={dialog}
      className="kh-app kh-cmp"
      data-theme={theme}
      data-projector={projector ? "on" : "off"}
      lang={lang}
      aria-label={t("compare.title")}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {stores ? (
        // A failure here closes nothing but the comparison: the playground underneath is untouched.
        <RecoveryBoundary
          fallback={(error) => (
            <RecoveryScreen
              error={error}
              title="recovery.compareTitle"
              body="recovery.compareBody"
              theme={theme}
              action={{ label: "recovery.closeCompare", run: onClose }}
            />
          )}
        >
          <CompareBody spec={spec} stores={stores} onClose={onClose} />
        </RecoveryBoundary>
      ) : (
        <div className="kh-cmp-waiting">
          <p role={missing ? "alert" : "status"}>
            {missing ? t("compare.problem.edit", { object: missing }) : t("compare.loading")}
          </p>
          <button type="button" className="kh-btn" onClick={onClose}>
            <Icon name="close" /> {t("compare.close")}
          </button>
        </div>
      )}
    </dialog>,
    document.body,
  );
}

const NO_PHASES: PhaseMetrics[] = [];
const NO_ENDPOINTS: EndpointState[] = [];

/** One side's figures, recomputed as its worker reports (a few times a second while running). */
function useFigures(store: StoreApi<PlaygroundStore>, spec: CompareSpec): PaneFigures {
  const phases = useStore(store, (s) => s.sim?.phases) ?? NO_PHASES;
  const endpoints = useStore(store, (s) => s.sim?.endpoints[spec.service]) ?? NO_ENDPOINTS;
  const cluster = useStore(store, (s) => s.cluster);
  return useMemo(
    () => paneFigures(phases, endpoints, cluster, spec.traffic.from),
    [phases, endpoints, cluster, spec.traffic.from],
  );
}

function CompareBody({
  spec,
  stores,
  onClose,
}: {
  spec: CompareSpec;
  stores: StorePair;
  onClose: () => void;
}) {
  const t = useT();
  const a = useFigures(stores[0], spec);
  const b = useFigures(stores[1], spec);
  const diff = useMemo(() => compareFigures(a, b), [a, b]);
  const [active, setActive] = useState<0 | 1>(1);
  const ids = useId();
  const figs: [PaneFigures, PaneFigures] = [a, b];
  // Both sides show the same result kinds, and their bars share one scale.
  const resultKinds = RESULTS.filter((k) => k === "delivered" || a.results[k] > 0 || b.results[k] > 0);
  const barMax = Math.max(1, ...a.perPod.map((p) => p.count), ...b.perPod.map((p) => p.count));
  const labels = spec.variants.map((v) => variantLabel(spec.setting, v, t));

  return (
    <div className="kh-cmp-body">
      <CompareBar spec={spec} stores={stores} onClose={onClose} />
      <p className="kh-cmp-summary" role="status" data-settled={diff.settled ? "yes" : "no"}>
        {summaryLine(spec, figs, diff, t)}
      </p>
      <div className="kh-cmp-tabs" role="tablist" aria-label={t("compare.sides")}>
        {([0, 1] as const).map((i) => (
          <button
            key={i}
            type="button"
            role="tab"
            id={`${ids}-tab-${i}`}
            aria-controls={`${ids}-pane-${i}`}
            aria-selected={active === i}
            className="kh-cmp-tab"
            onClick={() => setActive(i)}
          >
            {variantName(spec.setting, spec.variants[i], t)}
            {relevantBadges(diff.badges[i], spec.setting).length > 0 && (
              <span className="kh-cmp-tab-dot" aria-hidden="true" />
            )}
          </button>
        ))}
      </div>
      <div className="kh-cmp-panes" data-active={active}>
        {([0, 1] as const).map((i) => (
          <ComparePane
            key={i}
            setting={spec.setting}
            id={`${ids}-pane-${i}`}
            tabId={`${ids}-tab-${i}`}
            index={i}
            store={stores[i]}
            label={labels[i]!}
            figures={figs[i]}
            diff={diff}
            resultKinds={resultKinds}
            barMax={barMax}
            from={spec.traffic.from}
          />
        ))}
      </div>
    </div>
  );
}
