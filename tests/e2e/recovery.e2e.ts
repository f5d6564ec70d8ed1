// The page never blanks: a damaged saved state, a hostile autosaved manifest and a failing render each
// end in the graph or an offer to reset, within seconds, with no uncaught error and the person's text
// still there to copy; and the app and its worker run under the Content-Security-Policy.
import { mkdirSync, readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, servePreview } from "./support/browser";
import { ComparePage } from "./support/comparePage";
import { skipFirstVisit } from "./support/playgroundPage";
import { type PageWatch, seedStorage, watchPage } from "./support/pageWatch";

const SCENARIO = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");
const KEY = "kube-hops:main";
/** The graph, the recovery screen, or a slow load's offer not to wait: one of them must show. */
const SHOWN = ".react-flow__node, .kh-recovery, .kh-graph-loading button";
/** "Within seconds": what a visitor would wait before giving up on a page. */
const SECONDS = 10_000;

let browser: Browser;
let server: { url: string; stop: () => void };
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync("test-results/recovery", { recursive: true });
  server = await servePreview(4197);
  browser = await launchChromium();
});
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

async function open(
  storage: Record<string, string>,
  o: { viewport?: { width: number; height: number }; before?: (p: Page) => Promise<void> } = {},
): Promise<{ page: Page; watch: PageWatch; ms: number }> {
  const context = await browser.newContext({
    viewport: o.viewport ?? { width: 1280, height: 720 },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  contexts.push(context);
  const page = await context.newPage();
  const watch = await watchPage(page);
  await skipFirstVisit(page);
  await seedStorage(page, storage);
  await o.before?.(page);
  const t0 = Date.now();
  await page.goto(server.url);
  await page.locator(SHOWN).first().waitFor({ timeout: 30_000 });
  return { page, watch, ms: Date.now() - t0 };
}

/** A saved entry as autosave writes it, with `patch` over it. */
const entry = (patch: Record<string, unknown>) =>
  JSON.stringify({ version: 1, yaml: SCENARIO, positions: {}, theme: "light", projector: false, ...patch });

const notice = (page: Page) => page.locator(".kh-toast-text").first();

/** The text in the YAML editor (CodeMirror keeps only the lines in view in the DOM: read its state). */
async function editorText(page: Page): Promise<string> {
  await page.getByRole("tab", { name: /^YAML/ }).click();
  const editor = page.locator(".cm-content");
  await editor.waitFor({ timeout: 15_000 });
  // CodeMirror's view hangs off its content element (what EditorView.findFromDOM reads).
  return editor.evaluate((el) => {
    type Tile = { root?: { view?: { state: { doc: { toString(): string } } } } };
    return (el as unknown as { cmTile?: Tile }).cmTile?.root?.view?.state.doc.toString() ?? "";
  });
}

describe("under the Content-Security-Policy", () => {
  it("runs the app and its simulation in a Web Worker with no violation and no error", async () => {
    const { page, watch } = await open({});
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toMatch(/unsafe-eval/);
    // The simulation answered from a real worker, not the in-process fallback.
    await page.locator(".react-flow__node", { hasText: "node-3" }).waitFor();
    const workers = page.workers().map((w) => w.url());
    expect(workers.some((u) => /simWorker/.test(u))).toBe(true);
    // A request goes through the worker and back; the lazily loaded editor brings its styles.
    await page
      .getByRole("combobox", { name: "To" })
      .or(page.getByRole("textbox", { name: "To" }))
      .fill("192.168.1.3:30080");
    await page.getByRole("button", { name: /^(→ )?Send( request)?$/ }).click();
    await page.getByRole("tab", { name: /^Event log/ }).click();
    await page
      .locator(".kh-log-row")
      .filter({ hasText: /delivered/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: /^YAML/ }).click();
    await page.locator(".cm-editor").waitFor();
    expect(await watch.violations()).toEqual([]);
    expect([watch.pageErrors, watch.consoleErrors]).toEqual([[], []]);
    // The policy is enforced in the page (an inline script is refused) and, through the header, in the
    // worker's own scope (a request to another origin is refused there).
    const inline = await page.evaluate(() => {
      const el = document.createElement("script");
      el.textContent = "document.documentElement.dataset.inlineRan = 'yes'";
      document.head.append(el);
      return document.documentElement.dataset.inlineRan ?? "refused";
    });
    expect(inline).toBe("refused");
    const worker = page.workers().find((w) => /simWorker/.test(w.url()))!;
    const refused = await worker.evaluate(
      () =>
        new Promise<string>((resolve) => {
          self.addEventListener("securitypolicyviolation", (e) => resolve(e.effectiveDirective));
          fetch("http://127.0.0.1:9/").catch(() => {});
          setTimeout(() => resolve("not refused"), 3_000);
        }),
    );
    expect(refused).toBe("connect-src");
  });
});

describe("a damaged saved state", () => {
  const cases: [string, string][] = [
    [
      "a null among the saved positions",
      entry({ positions: { "node:node-1": null, "node:node-2": { x: 1, y: 2 } } }),
    ],
    [
      "a null among the cached cluster's nodes",
      entry({ cluster: { nodes: [null], pods: [], services: [], clients: [] }, clusterYaml: SCENARIO }),
    ],
    ["an entry that is not JSON", '{"version":1,"yaml":"apiVersion: v1'],
    ["text of the wrong type", entry({ yaml: { kind: "Service" } })],
    ["an entry that is null", "null"],
  ];
  for (const [name, raw] of cases)
    it(`with ${name} shows the graph within seconds, says so, and keeps the entry aside`, async () => {
      const { page, watch, ms } = await open({ [KEY]: raw });
      await page.locator(".react-flow__node", { hasText: "node-3" }).waitFor({ timeout: SECONDS });
      expect(ms).toBeLessThan(SECONDS);
      await expect.poll(() => notice(page).innerText()).toMatch(/saved work could not be read/);
      expect(await page.evaluate((k) => localStorage.getItem(`${k}:damaged`), KEY)).toBe(raw);
      expect([watch.pageErrors, watch.consoleErrors]).toEqual([[], []]);
      // A reload finds a clean entry: no notice again.
      await page.reload();
      await page.locator(".react-flow__node", { hasText: "node-3" }).waitFor({ timeout: SECONDS });
      await page.waitForTimeout(500);
      expect(await page.locator(".kh-toast-text").count()).toBe(0);
    });

  it("in the app's other keys (language, lessons, first-visit flags) changes nothing", async () => {
    const { page, watch } = await open({
      [KEY]: entry({}),
      "kube-hops:lang": "{{not a language",
      "kube-hops:lessons": '[null, {"1": null}',
      "kube-hops:narrated": "\u0000",
      "kube-hops:welcomed": "x".repeat(100_000),
    });
    await page.locator(".react-flow__node", { hasText: "node-3" }).waitFor({ timeout: SECONDS });
    expect([watch.pageErrors, watch.consoleErrors]).toEqual([[], []]);
  });
});

describe("a hostile autosaved manifest", () => {
  const PROTO = SCENARIO.replace(
    "      nodePort: 30080",
    "      nodePort: 30080\n      __proto__:\n        polluted: true",
  ).replace("  replicas: 3", "  replicas: 3\n  __proto__:\n    x: 1");
  const HUGE = SCENARIO.replace("replicas: 3", "replicas: 2147483647");
  const graph = (page: Page) => page.locator(".react-flow__node", { hasText: "node-3" });
  const offer = (page: Page) => page.getByRole("button", { name: "Show the default scenario now" });

  it("with __proto__ keys holding maps shows the graph within seconds, the text still in the editor", async () => {
    const { page, watch, ms } = await open({ [KEY]: entry({ yaml: PROTO }) });
    await graph(page).or(page.locator(".kh-recovery")).first().waitFor({ timeout: SECONDS });
    console.log(`__proto__: something shown after ${ms} ms`);
    expect(await graph(page).count()).toBe(1);
    expect(await editorText(page)).toBe(PROTO);
    expect(watch.pageErrors).toEqual([]);
  });

  it("with replicas: 2147483647 offers the scenario within seconds, and the watchdog shows it", async () => {
    const { page, watch, ms } = await open({ [KEY]: entry({ yaml: HUGE }) });
    const t0 = Date.now();
    await graph(page).or(offer(page)).first().waitFor({ timeout: SECONDS });
    console.log(`replicas: graph or offer after ${ms} ms`);
    await page.screenshot({ path: "test-results/recovery/hostile-replicas-offer.png" });
    // Nobody clicks: the watchdog ends the worker and the scenario is drawn from a fresh one.
    await graph(page).waitFor({ timeout: 30_000 });
    console.log(`replicas: graph after ${Date.now() - t0} ms`);
    expect(await editorText(page)).toBe(HUGE);
    // Unless the engine came to answer in time (a cap on replicas), the watchdog said what it did.
    if (await page.getByText(/took longer than/).count()) {
      expect(await notice(page).innerText()).toMatch(
        /took longer than \d+\ss to load, so the simulation was restarted with the default scenario/,
      );
      expect(await page.locator(".kh-yaml-status").innerText()).toBe(
        "Not loaded · the graph shows the last good version",
      );
    }
    expect(watch.pageErrors).toEqual([]);
    await page.screenshot({ path: "test-results/recovery/hostile-replicas-restored.png" });
  });

  it("with replicas: 2147483647 shows the scenario at once when the person will not wait", async () => {
    const { page, watch } = await open({ [KEY]: entry({ yaml: HUGE }) });
    await graph(page).or(offer(page)).first().waitFor({ timeout: SECONDS });
    if (await offer(page).count()) {
      await offer(page).click();
      await graph(page).waitFor({ timeout: SECONDS });
      expect(await notice(page).innerText()).toMatch(
        /Loading was stopped, and the default scenario is shown/,
      );
    }
    expect(await editorText(page)).toBe(HUGE);
    expect(watch.pageErrors).toEqual([]);
  });
});

/**
 * Makes React Flow's first effect throw (its ResizeObserver), until the test says the browser is fixed;
 * with `inCompare`, only inside the comparison's dialog.
 */
async function breakResizeObserver(page: Page, inCompare = false): Promise<void> {
  await page.addInitScript((compareOnly) => {
    const Real = window.ResizeObserver;
    window.ResizeObserver = class extends Real {
      constructor(cb: ResizeObserverCallback) {
        const broken = compareOnly
          ? !!document.querySelector("dialog.kh-cmp")
          : !sessionStorage.getItem("test:fixed");
        if (broken) throw new Error("ResizeObserver is broken (test)");
        super(cb);
      }
    };
  }, inCompare);
}

describe("a playground that fails to render", () => {
  const MINE = SCENARIO.replace("replicas: 3", "replicas: 2");

  it("shows what happened, offers the text to copy and a reset that works", async () => {
    const { page, watch } = await open({ [KEY]: entry({ yaml: MINE }) }, { before: breakResizeObserver });
    const screen = page.locator(".kh-recovery");
    await screen.waitFor();
    expect(await screen.getByRole("heading").innerText()).toBe("The playground stopped working");
    expect(await screen.innerText()).toMatch(/ResizeObserver is broken \(test\)/);
    expect(await screen.getByRole("textbox", { name: "Your YAML" }).inputValue()).toBe(MINE);
    await screen.getByRole("button", { name: "Copy my YAML" }).click();
    await expect.poll(() => screen.getByRole("status").innerText()).toBe("Copied to the clipboard.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MINE);
    expect(watch.pageErrors).toEqual([]);
    await page.screenshot({ path: "test-results/recovery/recovery-en-1280.png" });
    await page.setViewportSize({ width: 700, height: 450 });
    await page.screenshot({ path: "test-results/recovery/recovery-en-700.png" });
    // The action stays within reach in a small embed.
    const reset = screen.getByRole("button", { name: "Reset to the default scenario" });
    const box = (await reset.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(450);

    await page.evaluate(() => sessionStorage.setItem("test:fixed", "1"));
    await reset.click();
    await page.locator(".react-flow__node", { hasText: "node-3" }).waitFor({ timeout: SECONDS });
    expect(await editorText(page)).toBe(SCENARIO);
    // The text that was on screen is kept in storage, not lost.
    const aside = await page.evaluate((k) => localStorage.getItem(`${k}:damaged`), KEY);
    expect(JSON.parse(aside!).yaml).toBe(MINE);
  });

  it("says it in Korean to a Korean reader", async () => {
    const { page } = await open(
      { [KEY]: entry({ yaml: MINE }), "kube-hops:lang": "ko" },
      { before: breakResizeObserver },
    );
    const screen = page.locator(".kh-recovery");
    await screen.waitFor();
    expect(await screen.getByRole("heading").innerText()).toBe("플레이그라운드가 멈췄습니다");
    expect(await screen.getByRole("button", { name: "기본 시나리오로 초기화" }).count()).toBe(1);
    await page.screenshot({ path: "test-results/recovery/recovery-ko-1280.png" });
    await page.setViewportSize({ width: 700, height: 450 });
    await page.screenshot({ path: "test-results/recovery/recovery-ko-700.png" });
  });

  it("in a lesson, offers to start the lesson again", async () => {
    const { page } = await open({}, { before: breakResizeObserver });
    await page.goto(`${server.url}#lesson=1&step=1`);
    await page.reload();
    const screen = page.locator(".kh-recovery");
    await screen.waitFor({ timeout: SECONDS });
    await page.evaluate(() => sessionStorage.setItem("test:fixed", "1"));
    await screen.getByRole("button", { name: "Start the lesson again" }).click();
    await page
      .locator(".kh-lesson, .kh-lesson-card, [class*=kh-lesson]")
      .first()
      .waitFor({ timeout: SECONDS });
    await page.locator(".react-flow__node").first().waitFor({ timeout: SECONDS });
  });

  it("in Compare, offers to close the comparison, and the playground underneath is untouched", async () => {
    const { page, watch } = await open({}, { before: (p) => breakResizeObserver(p, true) });
    const cmp = new ComparePage(page);
    await cmp.openSetup();
    await cmp.setup.locator('button[type="submit"]').click();
    const screen = cmp.view.locator(".kh-recovery");
    await screen.waitFor({ timeout: SECONDS });
    await page.screenshot({ path: "test-results/recovery/recovery-compare-1280.png" });
    await screen.getByRole("button", { name: "Close the comparison" }).click();
    await cmp.view.waitFor({ state: "detached" });
    await page.locator(".react-flow__node", { hasText: "node-3" }).waitFor();
    expect(watch.pageErrors).toEqual([]);
  });
});
