// The language reaches components through context: `useT()` gives the translate function, `useLang()`
// the language and a way to change it. One provider per page (or per embed, which may fix its own).
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { type Lang, makeT, type T, type Table } from "./core";
import { en } from "./en";
import { loadedTable, loadTable, saveLanguage } from "./language";

interface I18n {
  lang: Lang;
  t: T;
  setLang(lang: Lang): void;
}

const englishT = makeT("en", en, en);
const I18nContext = createContext<I18n>({ lang: "en", t: englishT, setLang: () => {} });

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
  const [state, setState] = useState<{ lang: Lang; table: Table | undefined }>(() => ({
    lang: initial,
    table: loadedTable(initial),
  }));
  useEffect(() => {
    if (state.table) return;
    let live = true;
    void loadTable(state.lang).then(
      (table) => live && setState((s) => (s.lang === state.lang ? { ...s, table } : s)),
      // A chunk that cannot load (offline, say): stay in English rather than show nothing.
      () => live && setState({ lang: "en", table: en }),
    );
    return () => {
      live = false;
    };
  }, [state]);
  const setLang = useCallback(
    (lang: Lang) => {
      if (persist) saveLanguage(lang);
      setState({ lang, table: loadedTable(lang) });
    },
    [persist],
  );
  const value = useMemo<I18n | null>(
    () => (state.table ? { lang: state.lang, t: makeT(state.lang, state.table, en), setLang } : null),
    [state, setLang],
  );
  useEffect(() => {
    if (value && persist) document.documentElement.lang = value.lang;
  }, [value, persist]);
  // Until the table is here (a few milliseconds on a first Korean visit), render nothing rather than
  // flash English.
  return value ? <I18nContext.Provider value={value}>{children}</I18nContext.Provider> : null;
}

export const useT = (): T => useContext(I18nContext).t;
export function useLang(): { lang: Lang; setLang(lang: Lang): void } {
  const { lang, setLang } = useContext(I18nContext);
  return { lang, setLang };
}
