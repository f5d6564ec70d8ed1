// The "?" popover listing the keyboard shortcuts. Escape or a click outside closes it.
import { useEffect, useId, useLayoutEffect, useRef } from "react";
import { useT } from "../../i18n/react";
import { Icon } from "../icons";
import { hint, SHORTCUTS } from "./shortcuts";

const MARGIN = 8;

export function ShortcutsHelp({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useT();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const pop = useRef<HTMLDivElement>(null);
  // In a narrow window the button sits mid-toolbar: slide the popover left so it stays inside.
  useLayoutEffect(() => {
    const el = pop.current;
    if (!el) return;
    el.style.left = "";
    const r = el.getBoundingClientRect();
    const over = r.right - (document.documentElement.clientWidth - MARGIN);
    if (over > 0) el.style.left = `${-Math.min(over, r.left - MARGIN)}px`;
  }, [open, t]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onOpenChange(false);
    };
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) onOpenChange(false);
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("pointerdown", onDown);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("pointerdown", onDown);
    };
  }, [open, onOpenChange]);
  return (
    <div className="kh-popover-anchor" ref={box}>
      <button
        type="button"
        className="kh-btn kh-btn-icon"
        aria-label={t("shortcuts.title")}
        title={hint(t("shortcuts.title"), "help")}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => onOpenChange(!open)}
      >
        <Icon name="keyboard" />
      </button>
      {open && (
        <div className="kh-popover" id={id} ref={pop} role="dialog" aria-label={t("shortcuts.title")}>
          <h2 className="kh-popover-title">{t("shortcuts.title")}</h2>
          <table className="kh-shortcuts">
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.command}>
                  <td>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && "+"}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </td>
                  <td>{t(s.what)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="kh-muted kh-small">{t("shortcuts.note")}</p>
        </div>
      )}
    </div>
  );
}
