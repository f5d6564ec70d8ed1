// Translation without a library: flat message tables per language, `{name}` placeholders, and plural
// forms chosen by Intl.PluralRules (`key_one` / `key_other`). Pure: no React, no DOM, no storage.
// Why hand-written rather than i18next + react-i18next: docs/architecture.md, "Internationalisation".
import type { Messages, MessageKey } from "./en";

export type Lang = "en" | "ko";
export const LANGS: readonly Lang[] = ["en", "ko"];
export type Params = Record<string, string | number>;
/** A message table: every key of the English one (the source of the keys). */
export type Table = Readonly<Record<string, string>>;

/** Translates a key; `count` in params picks a plural form where the table has one. */
export type T = (key: MessageKey, params?: Params) => string;

const pluralRules = new Map<Lang, Intl.PluralRules>();
function pluralOf(lang: Lang, n: number): string {
  let r = pluralRules.get(lang);
  if (!r) pluralRules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n);
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; a missing parameter stays visible as `{name}` so it is noticed. */
export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Looks a key up in `table`, then in `fallback` (English), then shows the key itself. */
export function translate(lang: Lang, table: Table, fallback: Table, key: string, params?: Params): string {
  let k = key;
  const count = params?.count;
  if (typeof count === "number") {
    const plural = `${key}_${pluralOf(lang, count)}`;
    const other = `${key}_other`;
    k = plural in table ? plural : other in table ? other : plural in fallback ? plural : key;
  }
  const template = table[k] ?? fallback[k] ?? fallback[`${key}_other`] ?? key;
  return fill(template, params);
}

export function makeT(lang: Lang, table: Table, fallback: Messages): T {
  return (key, params) => translate(lang, table, fallback, key, params);
}

/** The language a tag like "ko-KR" or "en-US" asks for, if we have it. */
export function langOf(tag: string | null | undefined): Lang | null {
  const base = (tag ?? "").toLowerCase().split("-")[0];
  return (LANGS as readonly string[]).includes(base ?? "") ? (base as Lang) : null;
}
