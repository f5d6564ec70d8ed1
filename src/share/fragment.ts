// Where a shared link's payload sits in the address: `s=` among the fragment's parameters, beside a
// lesson's `lesson=N&step=M`. Kept apart from link.ts so that a page without a link never loads the
// decoder.
const PARAM = "s";

/** The payload in a fragment ("#lesson=2&s=..."), or null when it has none. */
export function sharedPayload(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, "")).get(PARAM);
}

/** The fragment with the payload set (or, with null, taken out); other parameters stay. */
export function withSharedPayload(hash: string, payload: string | null): string {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  params.delete(PARAM);
  if (payload !== null) params.set(PARAM, payload);
  const s = params.toString();
  return s ? `#${s}` : "";
}
