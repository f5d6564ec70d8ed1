// Where a <kube-hops> element's scenario comes from, in this order: its `scenario` attribute, a
// <script type="text/yaml"> inside it, or a `src` URL fetched with a size limit. A problem comes back
// as a phrase for the element to show in words, never as an exception or as markup.
import type { Phrase } from "../i18n/phrase";

/** The most an embed loads: far above a teaching scenario, far below what would stall a reader's page. */
export const MAX_SCENARIO_KB = 1024;
const MAX_BYTES = MAX_SCENARIO_KB * 1024;

type ScenarioResult = { ok: true; text: string | null } | { ok: false; problem: Phrase };

interface ScenarioPlaces {
  attribute: string | null;
  /** The text of the first <script type="text/yaml"> child, if any. */
  inline: string | null;
  src: string | null;
  /** The document's base URL, for a relative `src`. */
  base: string;
}

const tooLarge = (): ScenarioResult => ({
  ok: false,
  problem: { key: "embed.error.tooLarge", params: { limit: MAX_SCENARIO_KB } },
});

/** The scenario text, or null when none is given (the caller decides: a lesson's, or a message). */
export async function readScenario(
  at: ScenarioPlaces,
  fetchText: typeof fetch = fetch,
): Promise<ScenarioResult> {
  const given = at.attribute ?? (at.inline?.trim() ? dedent(at.inline) : null);
  if (given !== null) return given.length > MAX_BYTES ? tooLarge() : { ok: true, text: given };
  if (!at.src) return { ok: true, text: null };
  let url: URL;
  try {
    url = new URL(at.src, at.base);
  } catch {
    return fetchFailed(at.src, "not a URL");
  }
  try {
    const r = await fetchText(url, { credentials: "same-origin" });
    if (!r.ok)
      return {
        ok: false,
        problem: { key: "embed.error.status", params: { url: url.href, status: r.status } },
      };
    // A site's "page not found" is often a web page sent with 200: not a scenario.
    if (/^\s*text\/html/i.test(r.headers.get("content-type") ?? ""))
      return { ok: false, problem: { key: "embed.error.html", params: { url: url.href } } };
    if (Number(r.headers.get("content-length") ?? 0) > MAX_BYTES) return tooLarge();
    const text = await limitedText(r, MAX_BYTES);
    return text === null ? tooLarge() : { ok: true, text };
  } catch (e) {
    return fetchFailed(url.href, e instanceof Error ? e.message : String(e));
  }
}

const fetchFailed = (url: string, reason: string): ScenarioResult => ({
  ok: false,
  problem: { key: "embed.error.fetch", params: { url, reason } },
});

/** The body as text, or null as soon as it passes `limit` bytes (the rest is not read). */
async function limitedText(r: Response, limit: number): Promise<string | null> {
  if (!r.body) {
    const text = await r.text();
    return new TextEncoder().encode(text).length > limit ? null : text;
  }
  const reader = r.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      void reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(all);
}

/**
 * Inline YAML is indented as the host page's HTML is: the common indentation of its lines is taken off,
 * and blank lines at its ends dropped, so that YAML's own indentation is what remains.
 */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length && !lines[0]!.trim()) lines.shift();
  while (lines.length && !lines.at(-1)!.trim()) lines.pop();
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n") + "\n";
}
