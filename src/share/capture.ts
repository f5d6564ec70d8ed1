// The playground as it is now, made into a link and an embed code: the last scenario that loaded (the
// one the simulation runs), the layout, the run so far as the worker recorded it, the open lesson step
// (from the address) and the language on screen.
import type { StoreApi } from "zustand/vanilla";
import type { Lang } from "../i18n/core";
import { parseLessonRoute } from "../lessons/route";
import type { PlaygroundStore } from "../store/playgroundStore";
import { withSharedPayload } from "./fragment";
import { encodeShared, type ShareRefusal } from "./link";

type Captured =
  { ok: true; payload: string } | ({ ok: false } & (ShareRefusal | { code: "noRun"; reason: string }));

export async function capturePlayground(
  store: StoreApi<PlaygroundStore>,
  lang: Lang,
  hash: string,
): Promise<Captured> {
  const s = store.getState();
  const j = await s.client.journal();
  if (!j.ok) return { ok: false, code: "noRun", reason: j.error };
  const route = parseLessonRoute(hash);
  const r = await encodeShared({
    yaml: s.appliedYaml,
    positions: s.positions,
    seed: j.seed,
    journal: j.entries,
    at: j.at,
    ...(route ? { lesson: route.lesson, step: route.step } : {}),
    lang,
    view: s.graphView,
  });
  return r;
}

/** The page's address without query or fragment ("https://example.org/kube-hops/"). */
export const pageBase = (loc: { origin: string; pathname: string }): string => loc.origin + loc.pathname;

/** The link that opens this state on the standalone page. */
export const shareLink = (base: string, payload: string): string => base + withSharedPayload("", payload);

/** An iframe that opens this state in the embed mode, sized for a blog column. */
export function embedCode(base: string, payload: string, title: string): string {
  const src = `${base}?embed${withSharedPayload("", payload)}`;
  return (
    `<iframe src="${attr(src)}" width="700" height="450" title="${attr(title)}" loading="lazy" ` +
    `sandbox="allow-scripts allow-same-origin allow-popups" style="border:0"></iframe>`
  );
}

/** Text made safe inside a double-quoted HTML attribute. */
function attr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
