// The context menu of one object: right click, or the "…" button of the selected node. Arrow keys move,
// Enter runs, Escape closes and gives focus back.
import { useEffect, useRef } from "react";
import { say } from "../i18n/phrase";
import { useT } from "../i18n/react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import { selectCluster, selectSim } from "../store/selectors";
import { parsePlaceId } from "../protocol/placeId";
import { menuEntries, objectTitle, runEntry } from "./menu";

export interface MenuAt {
  id: string;
  x: number;
  y: number;
}

export function GraphMenu({ at, onClose }: { at: MenuAt; onClose: () => void }) {
  const t = useT();
  const store = usePlaygroundApi();
  const cluster = usePlayground(selectCluster);
  const sim = usePlayground(selectSim);
  const entries = menuEntries(at.id, cluster, sim);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const back = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLButtonElement>("button")?.focus();
    const onDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", onDown, true);
    return () => {
      window.removeEventListener("pointerdown", onDown, true);
      back?.focus?.();
    };
  }, [onClose]);

  const onKey = (e: React.KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "Escape") {
      e.preventDefault();
      onClose();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const n = items.length;
      items[(i + (e.key === "ArrowDown" ? 1 : n - 1)) % n]?.focus();
    } else if (e.key === "Tab") onClose();
  };

  const place = parsePlaceId(at.id);
  const title = place ? objectTitle(t, place.kind, place.name) : at.id;
  // Keep the menu inside the window.
  const left = Math.min(at.x, window.innerWidth - 250);
  const top = Math.min(at.y, window.innerHeight - (entries.length * 36 + 48));
  return (
    <div
      ref={ref}
      className="kh-menu"
      role="menu"
      aria-label={t("menu.actionsFor", { what: title })}
      style={{ left, top }}
      onKeyDown={onKey}
      onContextMenu={(e) => e.preventDefault()}
    >
      <div className="kh-menu__title" aria-hidden="true">
        {title}
      </div>
      {entries.length === 0 && <div className="kh-menu__empty">{t("menu.nothing")}</div>}
      {entries.map((entry) => (
        <button
          key={entry.key}
          type="button"
          role="menuitem"
          className="kh-menu__item"
          aria-disabled={entry.disabled ? true : undefined}
          title={entry.disabled && say(t, entry.disabled)}
          onClick={() => {
            onClose();
            void runEntry(entry, at.id, store.getState, (why) =>
              store.setState({ notice: { kind: "info", ...why } }),
            );
          }}
        >
          {say(t, entry.label)}
        </button>
      ))}
    </div>
  );
}
