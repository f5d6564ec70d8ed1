// The playground's way into Compare: a toolbar button that opens the setup dialog, then the comparison
// full page over the playground. The playground pauses meanwhile (two more simulations run) and goes on
// afterwards if it was running.
import { lazy, Suspense, useRef, useState } from "react";
import { useT } from "../i18n/react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import { selectProjector, selectTheme } from "../store/selectors";
import { CompareView } from "./lazy";
import type { CompareSpec } from "./types";

// The dialog and its logic load on first click: the first screen needs only the button.
const CompareSetup = lazy(() => import("./CompareSetup").then((m) => ({ default: m.CompareSetup })));

export function CompareButton() {
  const t = useT();
  const api = usePlaygroundApi();
  const theme = usePlayground(selectTheme);
  const projector = usePlayground(selectProjector);
  const [setup, setSetup] = useState(false);
  const [spec, setSpec] = useState<CompareSpec | null>(null);
  const resume = useRef(false);

  const start = (s: CompareSpec) => {
    resume.current = api.getState().sim?.running ?? false;
    if (resume.current) void api.getState().pause();
    setSetup(false);
    setSpec(s);
  };
  const close = () => {
    setSpec(null);
    if (resume.current) void api.getState().play();
  };

  return (
    <>
      <button
        type="button"
        className="kh-btn kh-cmp-open"
        title={t("compare.button.title")}
        aria-haspopup="dialog"
        onClick={() => setSetup(true)}
      >
        {t("compare.button")}
      </button>
      {setup && (
        <Suspense fallback={null}>
          <CompareSetup onStart={start} onClose={() => setSetup(false)} />
        </Suspense>
      )}
      {spec && (
        <Suspense fallback={null}>
          <CompareView spec={spec} onClose={close} theme={theme} projector={projector} />
        </Suspense>
      )}
    </>
  );
}
