// The page's language: the saved choice, else the browser's first language we have, else English.
// Every message table loads on demand, English too (it is every other table's fallback), so that words
// never weigh on the first screen's JS; the page starts loading its tables before it renders.
import { type Lang, langOf, type Table } from "./core";

const STORAGE_KEY = "kube-hops:lang";

export function savedLanguage(): Lang | null {
  try {
    return langOf(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null; // storage blocked (a sandboxed iframe)
  }
}

export function saveLanguage(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

/** The language for a first visit: the saved choice, else the browser's preference. */
export function detectLanguage(): Lang {
  const saved = savedLanguage();
  if (saved) return saved;
  const prefs = typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of prefs) {
    const l = langOf(tag);
    if (l) return l;
  }
  return "en";
}

const loaded = new Map<Lang, Table>();
const loading = new Map<Lang, Promise<Table>>();

const importTable = (lang: Lang): Promise<Table> =>
  lang === "ko" ? import("./ko/index").then((m) => m.ko) : import("./en/index").then((m) => m.en);

/** The table of a language, loading it the first time (one load, however many ask). */
export function loadTable(lang: Lang): Promise<Table> {
  let p = loading.get(lang);
  if (!p) {
    p = importTable(lang).then((table) => {
      loaded.set(lang, table);
      return table;
    });
    // A failed load (offline, say) may be tried again later.
    p.catch(() => loading.delete(lang));
    loading.set(lang, p);
  }
  return p;
}

/** The table if it is already loaded (for a first render without a flash of English). */
export const loadedTable = (lang: Lang): Table | undefined => loaded.get(lang);
