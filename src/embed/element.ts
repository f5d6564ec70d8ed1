// <kube-hops>: a playground in any page, each element with its own store and simulation worker. It
// renders in a shadow root (the host page's styles and ours stay apart) with the built stylesheet
// linked, not inlined, so that a Content-Security-Policy of style-src 'self' lets it through. The host
// page hears each request's end as `kube-hops:delivered` / `kube-hops:dropped` events on the element.
import { type Lang, makeT } from "../i18n/core";
import type { Messages } from "../i18n/en";
import { detectLanguage, loadTable } from "../i18n/language";
import { type Message, say } from "../i18n/phrase";
import type { HopBatchView } from "../protocol/hopBatch";
import type { EmbedHandle } from "./mountEmbed";
import { readOptions } from "./options";
import { type HopRow, OutcomeTracker, type RequestOutcome } from "./outcomes";
import { readScenario } from "./scenarioSource";

/** The stylesheet beside this script (a name kept out of Vite's asset handling: the build writes it). */
const STYLESHEET = "kube-hops.css";

type KubeHopsEventDetail = Omit<RequestOutcome, "kind">;

export class KubeHopsElement extends HTMLElement {
  private handle: EmbedHandle | null = null;
  private offHops: (() => void) | null = null;
  /** Bumped on every connect and disconnect: a start that finishes after its element left is undone. */
  private generation = 0;

  /** Where this element's simulation runs, once started ("in-process" when workers are not allowed). */
  get engine(): "worker" | "in-process" | null {
    return this.handle?.store.getState().client.mode ?? null;
  }

  connectedCallback(): void {
    const generation = ++this.generation;
    // Defined before the parser reached this element's children (a classic script above it): its inline
    // YAML is read once the document is parsed.
    const ready =
      document.readyState === "loading"
        ? new Promise<void>((r) => document.addEventListener("DOMContentLoaded", () => r(), { once: true }))
        : Promise.resolve();
    void ready.then(() => this.start(generation));
  }

  disconnectedCallback(): void {
    this.generation++;
    this.stop();
  }

  private stop(): void {
    this.offHops?.();
    this.offHops = null;
    this.handle?.dispose();
    this.handle = null;
  }

  private async start(generation: number): Promise<void> {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = new URL(STYLESHEET, import.meta.url).href;
    const box = document.createElement("div");
    box.className = "kh-embed-root";
    shadow.replaceChildren(sheet, box);
    const styled = new Promise<void>((resolve) => {
      sheet.onload = sheet.onerror = () => resolve();
    });

    const opts = readOptions((name) => this.getAttribute(name));
    const lang = opts.lang ?? detectLanguage();
    if (opts.height) this.style.height = opts.height;
    const source = await readScenario({
      attribute: this.getAttribute("scenario"),
      inline: this.querySelector('script[type="text/yaml"]')?.textContent ?? null,
      src: this.getAttribute("src"),
      base: document.baseURI,
    });
    await styled;
    if (generation !== this.generation) return;
    if (!source.ok) return this.fail(box, lang, source.problem);
    if (source.text === null && opts.lesson === undefined)
      return this.fail(box, lang, { key: "embed.error.none" });

    // The playground itself (React, React Flow, the store) loads only now: the script a page includes
    // is the element's definition alone.
    let handle: EmbedHandle;
    try {
      const { mountEmbed } = await import("./mountEmbed");
      handle = await mountEmbed(box, {
        ...opts,
        height: undefined,
        scenario: source.text ?? undefined,
        // The full page is the site this script comes from.
        openHref: new URL(/* @vite-ignore */ "./", import.meta.url).href,
      });
    } catch (e) {
      if (generation !== this.generation) return;
      if (e instanceof Error && e.name === "MissingLesson" && "lesson" in e)
        return this.fail(box, lang, { key: "embed.error.lesson", params: { n: Number(e.lesson) } });
      // The playground's own files could not be loaded (offline, a blocked origin): said as it came.
      return this.fail(box, lang, { text: e instanceof Error ? e.message : String(e) });
    }
    if (generation !== this.generation) {
      handle.dispose();
      return;
    }
    this.handle = handle;
    const tracker = new OutcomeTracker();
    this.offHops = handle.store.getState().client.onHops((batch) => {
      if (batch.reset) tracker.clear();
      for (const o of tracker.ingest(rowsOf(batch))) {
        const { kind, ...detail } = o;
        this.dispatchEvent(
          new CustomEvent<KubeHopsEventDetail>(`kube-hops:${kind}`, {
            detail,
            bubbles: true,
            composed: true,
          }),
        );
      }
    });
  }

  /** Says in words, inside the element, why it cannot start. */
  private async fail(box: HTMLElement, lang: Lang, problem: Message): Promise<void> {
    const [table, fallback] = await Promise.all([loadTable(lang), loadTable("en")]);
    const t = makeT(lang, table, fallback as Messages);
    const note = document.createElement("div");
    note.className = "kh-embed-error";
    note.setAttribute("role", "alert");
    note.lang = lang;
    const title = document.createElement("strong");
    title.textContent = t("embed.error.title");
    const text = document.createElement("p");
    text.textContent = say(t, problem);
    note.replaceChildren(title, text);
    box.replaceChildren(note);
  }
}

function* rowsOf(batch: HopBatchView): Generator<HopRow> {
  for (let i = 0; i < batch.count; i++)
    yield {
      packet: batch.packet(i),
      from: batch.from(i),
      to: batch.to(i),
      dst: batch.dst(i),
      flags: batch.flags(i),
      code: batch.whyCode(i),
    };
}
