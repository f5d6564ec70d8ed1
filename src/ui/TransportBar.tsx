// Play/pause, step back, step, speed and the simulated clock, with the playground's keyboard shortcuts.
import { useCallback, useRef, useState } from "react";
import { useT } from "../i18n/react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import { selectNow, selectRunning, selectSimReady, selectSpeed } from "../store/selectors";
import { ShortcutsHelp } from "./controls/ShortcutsHelp";
import { hint, nextSpeed, SPEEDS, type ShortcutCommand } from "./controls/shortcuts";
import { useShortcuts } from "./controls/useShortcuts";
import { formatClock, formatSpeed } from "./format";
import { Icon } from "./icons";
import "./theme.css";

export function TransportBar() {
  const t = useT();
  const api = usePlaygroundApi();
  const running = usePlayground(selectRunning);
  const ready = usePlayground(selectSimReady);
  const anchor = useRef<HTMLDivElement>(null);
  const [help, setHelp] = useState(false);

  const run = useCallback(
    (c: ShortcutCommand) => {
      const s = api.getState();
      const speed = s.sim?.speed ?? 1;
      switch (c) {
        case "togglePlay":
          return void s.togglePlay();
        case "back":
          return void s.back();
        case "step":
          return void s.step();
        case "slower":
          return void s.setSpeed(nextSpeed(speed, -1));
        case "faster":
          return void s.setSpeed(nextSpeed(speed, 1));
        case "undo":
          return void s.undo();
        case "redo":
          return void s.redo();
        case "help":
          return setHelp((h) => !h);
      }
    },
    [api],
  );
  useShortcuts(anchor, run);

  const label = running ? t("transport.pause") : t("transport.play");
  return (
    <div className="kh-transport" ref={anchor} role="group" aria-label={t("transport.group")}>
      <button
        type="button"
        className="kh-btn kh-btn-icon"
        aria-label={t("transport.stepBack")}
        title={hint(t("shortcuts.back"), "back")}
        disabled={!ready}
        onClick={() => run("back")}
      >
        <Icon name="stepBack" />
      </button>
      <button
        type="button"
        className="kh-btn kh-btn-primary kh-btn-play"
        aria-label={label}
        title={hint(label, "togglePlay")}
        disabled={!ready}
        onClick={() => run("togglePlay")}
      >
        <Icon name={running ? "pause" : "play"} />
      </button>
      <button
        type="button"
        className="kh-btn kh-btn-icon"
        aria-label={t("transport.step")}
        title={hint(t("shortcuts.step"), "step")}
        disabled={!ready}
        onClick={() => run("step")}
      >
        <Icon name="step" />
      </button>
      <SpeedSelect />
      <Clock />
      <ShortcutsHelp open={help} onOpenChange={setHelp} />
    </div>
  );
}

function SpeedSelect() {
  const t = useT();
  const api = usePlaygroundApi();
  const speed = usePlayground(selectSpeed);
  const known = SPEEDS.some((s) => Math.abs(s - speed) < 1e-9);
  return (
    <select
      className="kh-select kh-speed"
      aria-label={t("transport.speed")}
      title={t("transport.speedTitle")}
      value={String(speed)}
      onChange={(e) => void api.getState().setSpeed(Number(e.target.value))}
    >
      {!known && <option value={String(speed)}>{formatSpeed(speed)}</option>}
      {SPEEDS.map((s) => (
        <option key={s} value={String(s)}>
          {formatSpeed(s)}
        </option>
      ))}
    </select>
  );
}

function Clock() {
  const t = useT();
  const now = usePlayground(selectNow);
  return (
    <output className="kh-clock" aria-label={t("transport.clock")} title={t("transport.clockTitle")}>
      {formatClock(now)}
    </output>
  );
}
