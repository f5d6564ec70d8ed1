// The page's language: the saved choice, else the browser's first language we have, else English.
// Message tables other than English load on demand.
import { type Lang, langOf, type Table } from "./core";
import { en } from "./en";

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

const loaded = new Map<Lang, Table>([["en", en]]);

/** The table of a language, loading it the first time. */
export async function loadTable(lang: Lang): Promise<Table> {
  const have = loaded.get(lang);
  if (have) return have;
  // Only Korean is loaded lazily today; a new language adds its case here.
  const table: Table = (await import("./ko/index")).ko;
  loaded.set(lang, table);
  return table;
}

/** The table if it is already loaded (for a first render without a flash of English). */
export const loadedTable = (lang: Lang): Table | undefined => loaded.get(lang);
