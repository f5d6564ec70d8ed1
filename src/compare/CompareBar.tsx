// The one bar that drives both sides: the same burst to both at once, play/pause and speed for both,
// start over, close.
import { useState } from "react";
import { useStore } from "zustand";
import { MAX_SPEED } from "../protocol/messages";
import { useT } from "../i18n/react";
import { Icon } from "../ui/icons";
import type { StorePair } from "./CompareView";
import { targetChoices } from "./traffic";
import type { CompareSpec } from "./types";
import { placeLabel } from "../scene/ids";
import { targetText, tn } from "./words";

const SPEEDS = [0.5, 1, 2, 5, 10, MAX_SPEED];
const MAX_COUNT = 500;

export function CompareBar({
  spec,
  stores,
  onClose,
}: {
  spec: CompareSpec;
  stores: StorePair;
  onClose: () => void;
}) {
  const t = useT();
  const [count, setCount] = useState(spec.traffic.count);
  const running0 = useStore(stores[0], (s) => s.sim?.running ?? false);
  const running1 = useStore(stores[1], (s) => s.sim?.running ?? false);
  const ready0 = useStore(stores[0], (s) => s.sim !== null && s.cluster !== null);
  const ready1 = useStore(stores[1], (s) => s.sim !== null && s.cluster !== null);
  const speed = useStore(stores[0], (s) => s.sim?.speed ?? 1);
  const cluster = useStore(stores[0], (s) => s.cluster);
  const running = running0 || running1;
  const ready = ready0 && ready1;

  const svc = cluster?.services.find((s) => s.name === spec.service);
  const target =
    svc && cluster ? targetChoices(cluster, svc).find((c) => c.value === spec.traffic.to) : undefined;
  const traffic = t("compare.traffic", {
    from: placeLabel(spec.traffic.from),
    to: target ? targetText(target, t) : spec.traffic.to,
  });
  const both = (f: (s: ReturnType<StorePair[0]["getState"]>) => Promise<unknown>) =>
    void Promise.all(stores.map((s) => f(s.getState())));

  return (
    <header className="kh-cmp-bar">
      <h1 className="kh-cmp-title">{t("compare.title")}</h1>
      <span className="kh-cmp-traffic">{traffic}</span>
      <span className="kh-joined">
        <button
          type="button"
          className="kh-btn kh-btn-primary kh-cmp-send"
          title={traffic}
          disabled={!ready}
          onClick={() =>
            both((s) => {
              s.setTraffic({ count });
              return s.send("burst");
            })
          }
        >
          <Icon name="send" /> {tn(t, "compare.send", count)}
        </button>
        <input
          className="kh-input kh-num"
          type="number"
          min={1}
          max={MAX_COUNT}
          aria-label={t("compare.count")}
          value={count}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (n >= 1 && n <= MAX_COUNT) setCount(n);
          }}
        />
      </span>
      <button
        type="button"
        className="kh-btn kh-btn-icon"
        aria-label={running ? t("compare.pauseBoth") : t("compare.playBoth")}
        title={running ? t("compare.pauseBoth") : t("compare.playBoth")}
        disabled={!ready}
        onClick={() => both((s) => (running ? s.pause() : s.play()))}
      >
        <Icon name={running ? "pause" : "play"} />
      </button>
      <label className="kh-field">
        <span className="kh-field-label">{t("compare.speed")}</span>
        <select
          className="kh-select kh-cmp-speed"
          value={SPEEDS.includes(speed) ? speed : ""}
          disabled={!ready}
          onChange={(e) => both((s) => s.setSpeed(Number(e.target.value)))}
        >
          {!SPEEDS.includes(speed) && <option value="">{`${speed}×`}</option>}
          {SPEEDS.map((v) => (
            <option key={v} value={v}>{`${v}×`}</option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="kh-btn"
        title={t("compare.restart.title")}
        disabled={!ready}
        onClick={() => both((s) => s.reset())}
      >
        <Icon name="reset" /> {t("compare.restart")}
      </button>
      <button type="button" className="kh-btn kh-cmp-close" onClick={onClose}>
        <Icon name="close" /> <span className="kh-cmp-close-text">{t("compare.close")}</span>
      </button>
    </header>
  );
}
