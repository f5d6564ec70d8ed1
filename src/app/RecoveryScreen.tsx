// What a playground shows when it cannot be drawn: what happened, in the person's language, the text
// they were working on to copy (nothing they typed is lost), and one way forward (reset, start the
// lesson again, close the comparison).
import { useId, useRef, useState } from "react";
import type { MessageKey } from "../i18n/en";
import { useLang, useT } from "../i18n/react";
import "../ui/theme.css";
import "./recovery.css";

interface RecoveryScreenProps {
  error: unknown;
  /** What stopped; the playground by default. */
  title?: MessageKey;
  /** Why the page says this, and what the action does. */
  body: MessageKey;
  /** The person's text to copy; null when there is none yet; undefined when there is nothing of theirs here. */
  text?: string | null;
  action: { label: MessageKey; run(): void };
  theme?: "light" | "dark";
}

/** A failure's own words, kept short: a stack trace is for the console, not for the page. */
function describe(error: unknown): string {
  const s = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

export function RecoveryScreen({
  error,
  title = "recovery.title",
  body,
  text,
  action,
  theme = "light",
}: RecoveryScreenProps) {
  const t = useT();
  const { lang } = useLang();
  const ids = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  const copyText = async () => {
    if (text == null) return;
    try {
      await navigator.clipboard.writeText(text);
      setCopy("copied");
    } catch {
      // No clipboard access (an insecure origin, a refused permission): select it for the person instead.
      area.current?.focus();
      area.current?.select();
      setCopy("failed");
    }
  };

  return (
    <div
      className="kh-app kh-recovery"
      lang={lang}
      data-theme={theme}
      role="alert"
      aria-labelledby={`${ids}-title`}
    >
      <div className="kh-recovery-card">
        <h1 id={`${ids}-title`} className="kh-recovery-title">
          {t(title)}
        </h1>
        <p>{t(body)}</p>
        <p className="kh-recovery-detail">{t("recovery.detail", { message: describe(error) })}</p>
        {text !== undefined &&
          (text === null ? (
            <p className="kh-recovery-detail">{t("recovery.noYaml")}</p>
          ) : (
            <>
              <label className="kh-recovery-label" htmlFor={`${ids}-yaml`}>
                {t("recovery.yaml")}
              </label>
              <textarea
                id={`${ids}-yaml`}
                ref={area}
                className="kh-recovery-yaml"
                readOnly
                spellCheck={false}
                value={text}
              />
            </>
          ))}
        <div className="kh-recovery-actions">
          {text != null && (
            <button type="button" className="kh-btn" onClick={() => void copyText()}>
              {t("recovery.copy")}
            </button>
          )}
          <button type="button" className="kh-btn kh-btn-primary" onClick={action.run}>
            {t(action.label)}
          </button>
          <span className="kh-recovery-status" role="status">
            {copy === "copied" ? t("recovery.copied") : copy === "failed" ? t("recovery.copyFailed") : ""}
          </span>
        </div>
      </div>
    </div>
  );
}
