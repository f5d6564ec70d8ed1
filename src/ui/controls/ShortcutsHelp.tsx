// The "?" popover listing the keyboard shortcuts. Escape or a click outside closes it.
import { useEffect, useId, useRef } from "react";
import { Icon } from "../icons";
import { SHORTCUTS } from "./shortcuts";

export function ShortcutsHelp({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
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
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => onOpenChange(!open)}
      >
        <Icon name="keyboard" />
      </button>
      {open && (
        <div className="kh-popover" id={id} role="dialog" aria-label="Keyboard shortcuts">
          <h2 className="kh-popover-title">Keyboard shortcuts</h2>
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
                  <td>{s.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="kh-muted kh-small">Cmd works for Ctrl on a Mac. Keys do nothing while you type.</p>
        </div>
      )}
    </div>
  );
}
