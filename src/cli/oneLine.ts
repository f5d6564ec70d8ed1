// Every failure the CLI reports is one line on stderr, whatever a file name or an option value holds.

const MAX_CHARS = 2000;
const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r" };

/** `text` on one line: line breaks and other control characters written as escapes, cut past MAX_CHARS. */
export function oneLine(text: string): string {
  const flat = text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/g,
    (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return flat.length > MAX_CHARS ? `${flat.slice(0, MAX_CHARS)}…` : flat;
}
