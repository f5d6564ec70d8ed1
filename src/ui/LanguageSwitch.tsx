// English or Korean, for the whole page; the choice is remembered (i18n/language.ts).
import { LANGS } from "../i18n/core";
import { useLang, useT } from "../i18n/react";

export function LanguageSwitch() {
  const t = useT();
  const { lang, setLang } = useLang();
  return (
    <select
      className="kh-lang"
      aria-label={t("lang.label")}
      title={t("lang.label")}
      value={lang}
      onChange={(e) => setLang(e.target.value as (typeof LANGS)[number])}
    >
      {LANGS.map((l) => (
        <option key={l} value={l} lang={l}>
          {t(`lang.${l}`)}
        </option>
      ))}
    </select>
  );
}
