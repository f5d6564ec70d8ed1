// The language reaches components through context: `useT()` gives the translate function, `useLang()`
// the language and a way to change it. One provider per page (or per embed, which may fix its own).
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { type Lang, makeT, type T, type Table } from "./core";
import type { Messages } from "./en";
import { loadedTable, loadTable, saveLanguage } from "./language";

interface I18n {
  lang: Lang;
  t: T;
  setLang(lang: Lang): void;
}

/** Outside any provider (never in the app): keys stand for themselves. */
const I18nContext = createContext<I18n>({ lang: "en", t: (key) => key, setLang: () => {} });

export function I18nProvider({
  initial,
  persist = true,
  children,
}: {
  initial: Lang;
  /** Remember the choice for the next visit (the standalone page); an embed does not. */
  persist?: boolean;
  children: ReactNode;
}) {
  const [wanted, setWanted] = useState<Lang>(initial);
  // What is on screen: the wanted language once its table (and English, the fallback) have loaded. A
  // switch keeps the old words up until the new ones are here.
  const [shown, setShown] = useState<Shown | null>(() => ready(initial));
  useEffect(() => {
    if (shown?.lang === wanted) return;
    let live = true;
    Promise.all([loadTable(wanted), loadTable("en")]).then(
      ([table, fallback]) => live && setShown({ lang: wanted, table, fallback: fallback as Messages }),
      // A table that cannot load (offline, say): English if it can, else keep what is shown.
      () => live && wanted !== "en" && setWanted("en"),
    );
    return () => {
      live = false;
    };
  }, [wanted, shown]);
  const setLang = useCallback(
    (lang: Lang) => {
      if (persist) saveLanguage(lang);
      setWanted(lang);
    },
    [persist],
  );
  const value = useMemo<I18n | null>(
    () => (shown ? { lang: shown.lang, t: makeT(shown.lang, shown.table, shown.fallback), setLang } : null),
    [shown, setLang],
  );
  useEffect(() => {
    if (value && persist) document.documentElement.lang = value.lang;
  }, [value, persist]);
  // Until the first tables are here (they load alongside the page's own script), render nothing rather
  // than flash keys.
  return value ? <I18nContext.Provider value={value}>{children}</I18nContext.Provider> : null;
}

interface Shown {
  lang: Lang;
  table: Table;
  fallback: Messages;
}

/** The tables if they are loaded already. */
function ready(lang: Lang): Shown | null {
  const table = loadedTable(lang);
  const fallback = loadedTable("en");
  return table && fallback ? { lang, table, fallback: fallback as Messages } : null;
}

export const useT = (): T => useContext(I18nContext).t;
export function useLang(): { lang: Lang; setLang(lang: Lang): void } {
  const { lang, setLang } = useContext(I18nContext);
  return { lang, setLang };
}
