// The toolbar's Export button. The menu and everything it exports (renderers, the GIF encoder, the
// YAML tools) load on first click, so the first screen carries only this button.
import { lazy, Suspense, useRef, useState } from "react";
import { useT } from "../i18n/react";

const ExportMenu = lazy(() => import("./ExportMenu"));

export function ExportButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <span className="kh-popover-anchor">
      <button
        ref={button}
        type="button"
        className="kh-btn kh-export-open"
        title={t("export.button.title")}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {t("export.button")}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportMenu anchor={button} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </span>
  );
}
