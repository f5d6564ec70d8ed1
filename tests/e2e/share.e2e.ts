// Sharing in a real Chromium: a playground changed, run and paused, copied as a link and opened in a
// fresh browser shows the same YAML, layout, simulated time and counts, without touching the visitor's
// autosaved work; damaged links (cut short, garbage, too long) say so and leave the visitor's work as it
// was. Screenshots of the Share menu and the shared-scenario bar, in English and Korean, land in
// test-results/share/.
import { mkdirSync, readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LINK_PAYLOAD_LIMIT } from "../../src/share/codec";
import { launchChromium, servePreview } from "./support/browser";
import { type PageWatch, seedStorage, watchPage } from "./support/pageWatch";
import { skipFirstVisit } from "./support/playgroundPage";

const SCENARIO = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");
const KEY = "kube-hops:main";
/** The sharer's scenario: four web replicas instead of three. */
const SHARED_YAML = SCENARIO.replace(/replicas: 3/, "replicas: 4");
/** The visitor's own autosaved work, to be left as it is. */
const OWN_YAML = `# my own work\n${SCENARIO}`;
const OWN_ENTRY = JSON.stringify({
  version: 1,
  yaml: OWN_YAML,
  positions: {},
  theme: "light",
  projector: false,
});

let browser: Browser;
let server: { url: string; stop: () => void };
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync("test-results/share", { recursive: true });
  server = await servePreview(4211);
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
  url: string,
  storage: Record<string, string>,
  o: { before?: (p: Page) => Promise<unknown> } = {},
): Promise<{ page: Page; watch: PageWatch }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  contexts.push(context);
  const page = await context.newPage();
  const watch = await watchPage(page);
  await skipFirstVisit(page);
  await seedStorage(page, storage);
  await o.before?.(page);
  await page.goto(url);
  await page.locator(".react-flow__node").first().waitFor({ timeout: 30_000 });
  return { page, watch };
}

/** The text in the YAML editor (CodeMirror keeps only the lines in view in the DOM: read its state). */
async function editorText(page: Page): Promise<string> {
  await page.getByRole("tab", { name: /^YAML/ }).click();
  const editor = page.locator(".cm-content");
  await editor.waitFor({ timeout: 15_000 });
  return editor.evaluate((el) => {
    type Tile = { root?: { view?: { state: { doc: { toString(): string } } } } };
    return (el as unknown as { cmTile?: Tile }).cmTile?.root?.view?.state.doc.toString() ?? "";
  });
}

/** Where each node of the graph is on the canvas (flow coordinates), by its id. */
const layout = (page: Page) =>
  page
    .locator(".react-flow__node")
    .evaluateAll((els) =>
      els.map((e) => `${e.getAttribute("data-id")} ${(e as HTMLElement).style.transform}`),
    );

const clock = (page: Page) => page.locator(".kh-clock").innerText();

async function statsText(page: Page): Promise<string> {
  await page.getByRole("tab", { name: /^Stats/ }).click();
  return page.locator(".kh-tabpanel-stats").innerText();
}

const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

/** The text of the visitor's autosaved entry (autosave adds the layout it drew and a cluster cache). */
const storedYaml = async (page: Page): Promise<unknown> =>
  (JSON.parse((await stored(page, KEY)) ?? "{}") as { yaml?: unknown }).yaml;

async function openShareMenu(page: Page, name: RegExp): Promise<void> {
  await page.getByRole("button", { name }).click();
  await page.getByRole("dialog").waitFor();
}

/** Changes the scenario and the layout, sends traffic, fails a node, pauses: a playground worth sharing. */
async function preparedSharer(): Promise<Page> {
  const { page } = await open(server.url, {
    [KEY]: JSON.stringify({ version: 1, yaml: SHARED_YAML, positions: {}, theme: "light", projector: false }),
  });
  const node = page.locator(".react-flow__node").filter({ hasText: "node-1" }).first();
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 80, box.y + 60, { steps: 8 });
  await page.mouse.up();
  const to = page.getByRole("combobox", { name: "To" }).or(page.getByRole("textbox", { name: "To" }));
  await to.fill("192.168.1.3:30080");
  await page.getByRole("button", { name: /^Burst/ }).click();
  await page
    .locator(".kh-result")
    .filter({ hasText: /delivered/i })
    .first()
    .waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await page.getByRole("button", { name: "Play", exact: true }).waitFor();
  return page;
}

async function copyLink(page: Page): Promise<string> {
  await openShareMenu(page, /^Share$/);
  await page.getByRole("button", { name: /^Copy link/ }).click();
  await page.getByText(/^Link copied/).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

describe("a shared link", () => {
  it("opens in a fresh browser at the same YAML, layout, time and counts, leaving the visitor's work alone", async () => {
    const sharer = await preparedSharer();
    const link = await copyLink(sharer);
    await sharer.screenshot({ path: "test-results/share/menu-en.png" });
    await sharer.keyboard.press("Escape");
    expect(link).toMatch(/^http:\/\/localhost:4211\/#s=[A-Za-z0-9_-]+$/);
    const want = {
      clock: await clock(sharer),
      layout: await layout(sharer),
      stats: await statsText(sharer),
      yaml: await editorText(sharer),
    };
    expect(want.yaml).toBe(SHARED_YAML);
    expect(want.stats).toMatch(/delivered/);

    const { page, watch } = await open(link, { [KEY]: OWN_ENTRY });
    await page.getByRole("region", { name: "Shared scenario" }).waitFor();
    await expect.poll(() => clock(page), { timeout: 20_000 }).toBe(want.clock);
    await page.screenshot({ path: "test-results/share/bar-en.png" });
    expect(await layout(page)).toEqual(want.layout);
    expect(await statsText(page)).toBe(want.stats);
    expect(await editorText(page)).toBe(want.yaml);
    expect(await page.getByRole("button", { name: "Play", exact: true }).isVisible()).toBe(true);
    expect(await storedYaml(page)).toBe(OWN_YAML);
    expect([watch.pageErrors, watch.consoleErrors]).toEqual([[], []]);
  });

  it("keeps the shared scenario as the visitor's work on request, the old work put aside", async () => {
    const link = await copyLink(await preparedSharer());
    const { page } = await open(link, { [KEY]: OWN_ENTRY });
    await page.getByRole("button", { name: "Keep as my work" }).click();
    await page.getByRole("region", { name: "Shared scenario" }).waitFor({ state: "detached" });
    await expect.poll(() => storedYaml(page)).toBe(SHARED_YAML);
    expect(JSON.parse((await stored(page, `${KEY}:damaged`)) ?? "{}").yaml).toBe(OWN_YAML);
    expect(new URL(page.url()).hash).toBe("");
  });

  it("goes back to the visitor's own work, untouched, and out of the address", async () => {
    const link = await copyLink(await preparedSharer());
    const { page } = await open(link, { [KEY]: OWN_ENTRY });
    await page.getByRole("button", { name: "Back to my work" }).click();
    await page.getByRole("region", { name: "Shared scenario" }).waitFor({ state: "detached" });
    expect(await editorText(page)).toBe(OWN_YAML);
    expect(await storedYaml(page)).toBe(OWN_YAML);
    expect(new URL(page.url()).hash).toBe("");
  });

  it("gives the text to copy by hand when the browser refuses the clipboard", async () => {
    const { page } = await open(
      server.url,
      {},
      {
        before: (p) =>
          p.addInitScript(() => {
            navigator.clipboard.writeText = () =>
              Promise.reject(new DOMException("denied", "NotAllowedError"));
          }),
      },
    );
    await openShareMenu(page, /^Share$/);
    await page.getByRole("button", { name: /^Copy embed code/ }).click();
    const box = page.getByRole("textbox", { name: "Embed code" });
    await box.waitFor();
    expect(await box.inputValue()).toMatch(
      /^<iframe src="http:\/\/localhost:4211\/\?embed#s=[A-Za-z0-9_-]+" width="700" height="450" title="Kube Hops: [^"]+" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups" style="border:0"><\/iframe>$/,
    );
    await page.screenshot({ path: "test-results/share/by-hand-en.png" });
  });
});

describe("a link copied in a lesson", () => {
  it("opens the same lesson at the same step, from the shared playground, and goes back to the visitor's work", async () => {
    const { page: sharer } = await open(`${server.url}#lesson=6&step=3`, {});
    const position = () =>
      sharer.locator(".kh-lesson").getByRole("progressbar").getAttribute("aria-valuenow");
    expect(await position()).toBe("3");
    const link = await copyLink(sharer);
    const want = await clock(sharer);

    const { page } = await open(link, { [KEY]: OWN_ENTRY });
    const bar = page.getByRole("region", { name: "Shared scenario" });
    await bar.waitFor();
    expect(await bar.innerText()).toMatch(/Shared from lesson 6, step 3\./);
    expect(await page.locator(".kh-lesson").getByRole("progressbar").getAttribute("aria-valuenow")).toBe("3");
    expect(await clock(page)).toBe(want);
    await page.screenshot({ path: "test-results/share/bar-lesson-en.png" });
    // A lesson is never one's saved work: only the way back is offered.
    expect(await page.getByRole("button", { name: "Keep as my work" }).count()).toBe(0);
    await page.getByRole("button", { name: "Back to my work" }).click();
    await page.locator(".kh-lesson").waitFor({ state: "detached" });
    expect(await editorText(page)).toBe(OWN_YAML);
    expect(new URL(page.url()).hash).toBe("");
  });
});

describe("in Korean", () => {
  it("shows the Share menu and the shared-scenario bar in Korean", async () => {
    const { page: sharer } = await open(server.url, { "kube-hops:lang": "ko" });
    await openShareMenu(sharer, /^공유$/);
    await sharer.screenshot({ path: "test-results/share/menu-ko.png" });
    await sharer.getByRole("button", { name: /^링크 복사/ }).click();
    await sharer.getByText(/^링크를 복사했습니다/).waitFor();
    const link = await sharer.evaluate(() => navigator.clipboard.readText());
    // The visitor never chose a language: the link's own (Korean) is used.
    const { page } = await open(link, { [KEY]: OWN_ENTRY });
    await page.getByRole("region", { name: "공유된 시나리오" }).waitFor();
    await page.screenshot({ path: "test-results/share/bar-ko.png" });
    expect(await stored(page, "kube-hops:lang")).toBeNull();
  });
});

describe("a damaged link", () => {
  /** The payload of a real link, to damage. */
  async function realPayload(): Promise<string> {
    const { page } = await open(server.url, {});
    return new URL(await copyLink(page)).hash.slice("#s=".length);
  }

  it.each([
    ["cut short", (p: string) => p.slice(0, Math.floor(p.length / 2)), /incomplete or altered/],
    ["garbage", () => "<img src=x onerror=alert(1)>", /characters a Kube Hops link never contains/],
    [
      "too long",
      () => "A".repeat(LINK_PAYLOAD_LIMIT + 10),
      /200,010 characters long; a link carries at most 200,000/,
    ],
  ])("%s: says what is wrong and shows the visitor's own work, untouched", async (name, damage, why) => {
    const payload = damage(await realPayload());
    const { page, watch } = await open(`${server.url}#s=${encodeURIComponent(payload)}`, {
      [KEY]: OWN_ENTRY,
    });
    const bar = page.getByRole("alert").filter({ hasText: "This shared link could not be opened." });
    await bar.waitFor();
    expect(await bar.innerText()).toMatch(why);
    expect(await bar.innerText()).toMatch(/Your own work is shown below, untouched/);
    expect(await editorText(page)).toBe(OWN_YAML);
    expect(await storedYaml(page)).toBe(OWN_YAML);
    // Nothing from the link ran or became markup.
    expect(await page.locator(".kh-shared-bar img").count()).toBe(0);
    expect(watch.pageErrors).toEqual([]);
    await page.screenshot({ path: `test-results/share/broken-${name.replace(/ /g, "-")}.png` });
  });
});
