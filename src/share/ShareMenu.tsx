// The toolbar's Share menu: a link to this very playground (scenario, layout, the simulation's moment,
// lesson step, language) and the iframe code that embeds it. When the browser refuses the clipboard,
// the text is shown selected, to copy by hand.
import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { useLang, useT } from "../i18n/react";
import { usePlaygroundApi } from "../store/context";
import "./share.css";

/** The link's encoder and words, fetched on the first copy: a page that never shares never loads them. */
const shareCode = () => Promise.all([import("./capture"), import("./words")]);

type What = "link" | "embed";
type Status =
  | { kind: "idle" }
  | { kind: "making"; what: What }
  | { kind: "copied"; what: What }
  | { kind: "byHand"; what: What; text: string }
  | { kind: "refused"; text: string };

const MARGIN = 8;

export function ShareMenu() {
  const t = useT();
  const { lang } = useLang();
  const api = usePlaygroundApi();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const box = useRef<HTMLDivElement>(null);
  const pop = useRef<HTMLDivElement>(null);
  const byHand = useRef<HTMLTextAreaElement>(null);

  // Keep the popover inside the window, wherever the toolbar put the button.
  useLayoutEffect(() => {
    const el = pop.current;
    if (!el) return;
    el.style.left = "";
    const r = el.getBoundingClientRect();
    const over = r.right - (document.documentElement.clientWidth - MARGIN);
    if (over > 0) el.style.left = `${-Math.min(over, r.left - MARGIN)}px`;
  }, [open, status, t]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("pointerdown", onDown);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("pointerdown", onDown);
    };
  }, [open]);
  useEffect(() => {
    if (status.kind === "byHand") byHand.current?.select();
  }, [status]);

  const copy = async (what: What) => {
    setStatus({ kind: "making", what });
    const [{ capturePlayground, embedCode, pageBase, shareLink }, { shareRefusalText }] = await shareCode();
    const c = await capturePlayground(api, lang, location.hash);
    if (!c.ok) return setStatus({ kind: "refused", text: shareRefusalText(t, c) });
    const base = pageBase(location);
    const text =
      what === "link" ? shareLink(base, c.payload) : embedCode(base, c.payload, t("share.embedTitle"));
    try {
      await navigator.clipboard.writeText(text);
      setStatus({ kind: "copied", what });
    } catch {
      // No clipboard (an insecure page, a refused permission, a sandboxed frame): copy by hand.
      setStatus({ kind: "byHand", what, text });
    }
  };

  return (
    <div className="kh-popover-anchor kh-share" ref={box}>
      <button
        type="button"
        className="kh-btn"
        aria-expanded={open}
        aria-controls={id}
        title={t("share.menu")}
        onClick={() => {
          setOpen(!open);
          setStatus({ kind: "idle" });
        }}
      >
        {t("share.button")}
      </button>
      {open && (
        <div className="kh-popover kh-share-pop" id={id} ref={pop} role="dialog" aria-label={t("share.menu")}>
          <div className="kh-share-actions">
            <button
              type="button"
              className="kh-btn kh-share-action"
              disabled={status.kind === "making"}
              onClick={() => void copy("link")}
            >
              <span className="kh-share-name">{t("share.copyLink")}</span>
              <span className="kh-small kh-muted">{t("share.copyLinkHint")}</span>
            </button>
            <button
              type="button"
              className="kh-btn kh-share-action"
              disabled={status.kind === "making"}
              onClick={() => void copy("embed")}
            >
              <span className="kh-share-name">{t("share.copyEmbed")}</span>
              <span className="kh-small kh-muted">{t("share.copyEmbedHint")}</span>
            </button>
          </div>
          <div className="kh-share-status" role="status">
            {status.kind === "making" && t("share.making")}
            {status.kind === "copied" && t(status.what === "link" ? "share.linkCopied" : "share.embedCopied")}
          </div>
          {status.kind === "refused" && (
            <p className="kh-share-refused" role="alert">
              {status.text}
            </p>
          )}
          {status.kind === "byHand" && (
            <label className="kh-share-byhand">
              <span>{t("share.copyByHand")}</span>
              <textarea
                ref={byHand}
                className="kh-input kh-mono"
                readOnly
                rows={4}
                value={status.text}
                aria-label={t(status.what === "link" ? "share.linkLabel" : "share.embedLabel")}
                onFocus={(e) => e.currentTarget.select()}
              />
            </label>
          )}
        </div>
      )}
    </div>
  );
}
