// The Export menu: the graph as PNG or SVG, the last request or burst as an animated GIF, the event log
// as CSV or JSON, the scenario as YAML for kubectl. Arrow keys move, Enter runs, Escape closes. While a
// GIF is being made the menu stays open with its progress and a Stop button.
import { type RefObject, useEffect, useRef, useState } from "react";
import type { MessageKey } from "../i18n/en";
import { phrase } from "../i18n/phrase";
import { useLang, useT } from "../i18n/react";
import { usePlaygroundApi } from "../store/context";
import { eventLogOf } from "../ui/log/clusterEvents";
import { buildLogRows } from "../ui/log/logRows";
import { canvasMeasure, PNG_FILE, sceneToPng } from "./canvas";
import { saveFile } from "./download";
import { graphScene } from "./graphScene";
import { LOG_CSV_FILE, LOG_JSON_FILE, logCsv, logJson } from "./logFile";
import { sceneToSvg, SVG_FILE } from "./svg";
import "./export.css";

type Item = "png" | "svg" | "gif" | "csv" | "json" | "yaml";
const ITEMS: { id: Item; label: MessageKey; hint: MessageKey }[] = [
  { id: "png", label: "export.png", hint: "export.png.hint" },
  { id: "svg", label: "export.svg", hint: "export.svg.hint" },
  { id: "gif", label: "export.gif", hint: "export.gif.hint" },
  { id: "csv", label: "export.csv", hint: "export.csv.hint" },
  { id: "json", label: "export.json", hint: "export.json.hint" },
  { id: "yaml", label: "export.yaml", hint: "export.yaml.hint" },
];

export default function ExportMenu({
  anchor,
  onClose,
}: {
  anchor: RefObject<HTMLButtonElement | null>;
  onClose: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const api = usePlaygroundApi();
  const ref = useRef<HTMLDivElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const busy = progress !== null;
  const cancel = useRef<AbortController | null>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>("button")?.focus();
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (ref.current?.contains(target) || anchor.current?.contains(target)) return;
      if (!cancel.current) onClose();
    };
    window.addEventListener("pointerdown", onDown, true);
    return () => window.removeEventListener("pointerdown", onDown, true);
  }, [onClose, anchor]);
  // A GIF still being made when the menu goes away is abandoned.
  useEffect(() => () => cancel.current?.abort(), []);

  const notice = (key: MessageKey, params: Record<string, string>, kind: "info" | "error" = "info") =>
    api.setState({ notice: { kind, ...phrase(key, params) } });

  const run = async (item: Item) => {
    const s = api.getState();
    try {
      let file: string;
      if (item === "png" || item === "svg") {
        const scene = graphScene(s, t, canvasMeasure());
        if (!scene) return notice("export.empty", {});
        file = item === "png" ? PNG_FILE : SVG_FILE;
        if (item === "png") saveFile(await sceneToPng(scene), file, "image/png");
        else saveFile(sceneToSvg(scene, t("app.brand")), file, "image/svg+xml");
      } else if (item === "csv" || item === "json") {
        const rows = buildLogRows(s.hopLog, eventLogOf(api).get(), s.logFilter, t, Infinity);
        file = item === "csv" ? LOG_CSV_FILE : LOG_JSON_FILE;
        if (item === "csv") saveFile(logCsv(rows), file, "text/csv;charset=utf-8");
        else
          saveFile(
            logJson(rows, { now: s.sim?.now ?? 0, lang, filter: s.logFilter }),
            file,
            "application/json",
          );
      } else if (item === "yaml") {
        // The YAML package loads with it: the pictures and the log need none.
        const { KUBECTL_FILE, toKubectlYaml } = await import("./kubectlYaml");
        file = KUBECTL_FILE;
        saveFile(toKubectlYaml(s.appliedYaml, t).text, file, "application/yaml");
      } else {
        const gif = await import("./gifExport");
        const job = new AbortController();
        cancel.current = job;
        setProgress({ done: 0, total: 1 });
        try {
          const made = await gif.exportGif(api, t, job.signal, (done, total) => setProgress({ done, total }));
          if (!made) return notice("export.gif.none", {});
          file = gif.GIF_FILE;
          saveFile(made, file, "image/gif");
        } finally {
          cancel.current = null;
          setProgress(null);
        }
        if (job.signal.aborted) return;
      }
      notice("export.saved", { file });
      onClose();
      anchor.current?.focus();
    } catch (e) {
      if (e instanceof DOMException && e.name === "AbortError") return;
      notice("export.failed", { error: e instanceof Error ? e.message : String(e) }, "error");
    }
  };

  const onKey = (e: React.KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "Escape") {
      e.preventDefault();
      if (busy) cancel.current?.abort();
      else {
        onClose();
        anchor.current?.focus();
      }
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const n = items.length;
      items[(i + (e.key === "ArrowDown" ? 1 : n - 1)) % n]?.focus();
    } else if (e.key === "Tab" && !busy) onClose();
  };

  return (
    <div
      ref={ref}
      className="kh-menu kh-export-menu"
      role="menu"
      aria-label={t("export.menu")}
      onKeyDown={onKey}
    >
      {ITEMS.map((it) => (
        <button
          key={it.id}
          type="button"
          role="menuitem"
          className="kh-menu__item kh-export-item"
          data-export={it.id}
          aria-disabled={busy ? true : undefined}
          onClick={() => !busy && void run(it.id)}
        >
          <span className="kh-export-item__label">{t(it.label)}</span>
          <span className="kh-export-item__hint">{t(it.hint)}</span>
        </button>
      ))}
      {progress && (
        <div className="kh-export-progress" role="status">
          <span>{t("export.gif.progress", { done: progress.done, total: progress.total })}</span>
          <progress max={progress.total} value={progress.done} />
          <button type="button" className="kh-btn" onClick={() => cancel.current?.abort()}>
            {t("export.gif.cancel")}
          </button>
        </div>
      )}
    </div>
  );
}
