// The page an iframe embeds: the app's own address with `?embed` (options in the query: lang, lesson,
// autoplay). A shared link's fragment (`#s=...`, from "Copy embed code") gives the scenario, layout,
// seed and the run to replay; a link that does not open says why, over the default scenario.
import { makeT } from "../i18n/core";
import type { Messages } from "../i18n/en";
import { detectLanguage, loadTable } from "../i18n/language";
import { sharedPayload } from "../share/fragment";
import { decodeShared, type LinkProblem } from "../share/link";
import { sharedStoreOptions } from "../share/storeOptions";
import { linkProblemText } from "../share/words";
import type { PlaygroundStore } from "../store/playgroundStore";
import type { StoreApi } from "zustand/vanilla";
import { embedOptionsFromSearch } from "./options";
import { mountEmbed, type MountOptions, MissingLesson } from "./mountEmbed";

export async function startEmbedPage(root: HTMLElement): Promise<void> {
  const opts: MountOptions = embedOptionsFromSearch(location.search);
  // The full page: this address without ?embed and its options, with the same fragment.
  const full = new URL(location.href);
  full.search = "";
  opts.openHref = full.href;

  const payload = sharedPayload(location.hash);
  let problem: LinkProblem | null = null;
  if (payload !== null) {
    const link = await decodeShared(payload);
    if (link.ok) {
      Object.assign(opts, sharedStoreOptions(link.state), {
        // The address's own ?lang wins: the blog author chose it for the post.
        lang: opts.lang ?? link.state.lang,
      });
    } else problem = link;
  }

  let handle;
  try {
    handle = await mountEmbed(root, opts);
  } catch (e) {
    if (!(e instanceof MissingLesson)) throw e;
    // A lesson that does not exist: the default scenario, rather than an empty frame.
    handle = await mountEmbed(root, { ...opts, lesson: undefined });
  }
  if (problem && payload !== null) void sayLinkProblem(handle.store, problem, payload.length, opts.lang);
}

/** Once the stand-in scenario has loaded (a load clears the notice it finds), says why the link failed. */
async function sayLinkProblem(
  store: StoreApi<PlaygroundStore>,
  problem: LinkProblem,
  length: number,
  lang: MountOptions["lang"],
): Promise<void> {
  const language = lang ?? detectLanguage();
  const [table, fallback] = await Promise.all([loadTable(language), loadTable("en")]);
  const text = linkProblemText(makeT(language, table, fallback as Messages), problem, length);
  const say = () => store.setState({ notice: { kind: "error", text } });
  if (store.getState().cluster) say();
  else {
    const off = store.subscribe((s) => {
      if (!s.cluster) return;
      off();
      queueMicrotask(say);
    });
  }
}
