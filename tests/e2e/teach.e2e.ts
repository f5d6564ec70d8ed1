// The playground as a teacher: the outcome of a request in words where the eye is, a first request
// narrated hop by hop, the lesson picker on the first screen, lessons by URL with progress kept, and the
// whole page in Korean. Screenshots land in test-results/teach/.
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, servePreview } from "./support/browser";
import { PlaygroundPage, skipFirstVisit } from "./support/playgroundPage";

let browser: Browser;
let server: { url: string; stop: () => void };

beforeAll(async () => {
  mkdirSync("test-results/teach", { recursive: true });
  server = await servePreview(4176);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

/** A fresh browser profile (first visit), in a language. */
async function visit(lang: "en" | "ko", viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport, locale: lang === "ko" ? "ko-KR" : "en-US" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, errors, close: () => context.close() };
}

const resultLine = (page: Page) => page.getByRole("status", { name: /^(Result|결과)$/ });

describe("teaching", () => {
  it("puts the outcome of Send request in words on the page within 10 s at 1×, with no tab opened", async () => {
    const { page, errors, close } = await visit("en");
    await skipFirstVisit(page);
    const app = new PlaygroundPage(page);
    await app.goto(server.url);
    const tabBefore = await page.getByRole("tab", { selected: true }).innerText();
    await app.target("192.168.1.2:30080");
    const sent = Date.now();
    await app.sendRequest();
    await resultLine(page)
      .filter({ hasText: /^Delivered to web-\w+ on node-\d/ })
      .waitFor({ timeout: 10_000 });
    const text = await resultLine(page).innerText();
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(text).toMatch(/extra hop node-1 → node-[23] · the pod saw 192\.168\.1\.2 \(SNAT\) · [\d.]+ ms/);
    expect(await page.getByRole("tab", { selected: true }).innerText()).toBe(tabBefore);
    await resultLine(page).screenshot({ path: "test-results/teach/result-line.png" });
    expect(errors).toEqual([]);
    await close();
  });

  it(
    "narrates a first-time visitor's first request hop by hop, then gives the result",
    { timeout: 120_000 },
    async () => {
      const { page, errors, close } = await visit("en");
      await page.goto(server.url);
      const welcome = page.getByRole("region", { name: "Lessons" });
      await welcome.waitFor();
      await welcome.getByRole("button", { name: "Just play" }).click();
      const app = new PlaygroundPage(page);
      await app.target("192.168.1.2:30080");
      await app.sendRequest();
      const bar = page.getByRole("region", { name: "Narration" });
      await bar
        .getByText(/node-1's kube-proxy matched NodePort 30080 of Service default\/web/)
        .waitFor({ timeout: 20_000 });
      // The place the caption talks about is lit on the graph.
      const lit = await page.evaluate(() =>
        [...document.querySelectorAll("style")].some((s) =>
          /data-id="node\\?:node-1"/.test(s.textContent ?? ""),
        ),
      );
      expect(lit).toBe(true);
      await page.screenshot({ path: "test-results/teach/narration-1280-en.png" });
      const captions = new Set<string>();
      const done = bar.getByRole("button", { name: "Done", exact: true });
      const next = bar.getByRole("button", { name: /^Next/ });
      for (let i = 0; i < 20; i++) {
        // Wait until the packet has arrived somewhere: Next comes back, or Done ends the story.
        await expect
          .poll(async () => (await done.count()) > 0 || (await next.isEnabled().catch(() => false)), {
            timeout: 20_000,
          })
          .toBe(true);
        captions.add(await bar.locator(".kh-narration-text").innerText());
        if (await done.count()) {
          await done.click();
          break;
        }
        await next.click();
      }
      expect(captions.size).toBeGreaterThanOrEqual(4);
      expect([...captions].join("\n")).toMatch(/conntrack/);
      await resultLine(page)
        .filter({ hasText: /^Delivered to/ })
        .waitFor({ timeout: 20_000 });
      expect(errors).toEqual([]);
      await close();
    },
  );

  it("opens any lesson from the first screen, keeps the step in the URL and remembers progress", async () => {
    const { page, errors, close } = await visit("en");
    await page.goto(server.url);
    await page.getByRole("button", { name: "Choose a lesson" }).click();
    const picker = page.getByRole("dialog", { name: "Lessons" });
    await picker.waitFor();
    await picker.getByRole("button", { name: /NodePort: a door on every node/ }).click();
    await page.locator(".kh-lesson").waitFor();
    expect(new URL(page.url()).hash).toBe("#lesson=6&step=1");
    await page.locator(".kh-lesson-nav .kh-btn-primary").click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#lesson=6&step=2");
    await page.getByRole("button", { name: "Free play" }).click();
    await page.getByRole("button", { name: "Lessons", exact: true }).click();
    await expect(picker.getByRole("button", { name: /NodePort: a door/ }).innerText()).resolves.toMatch(
      /Continue/,
    );
    await picker.getByRole("button", { name: /NodePort: a door/ }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#lesson=6&step=2");
    expect(errors).toEqual([]);
    await close();
  });

  it("opens a lesson step straight from its URL", async () => {
    const { page, close } = await visit("en");
    await skipFirstVisit(page);
    await page.goto(`${server.url}#lesson=6&step=3`);
    const bar = page.locator(".kh-lesson").getByRole("progressbar");
    await expect.poll(() => bar.getAttribute("aria-valuenow"), { timeout: 20_000 }).toBe("3");
    await close();
  });

  it("speaks Korean to a Korean browser, Kubernetes terms in English, and remembers a switch", async () => {
    const { page, errors, close } = await visit("ko");
    await skipFirstVisit(page);
    await page.goto(server.url);
    await page.getByRole("button", { name: "요청 보내기" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ko");
    await page.getByRole("combobox", { name: "언어" }).selectOption("en");
    await page.getByRole("button", { name: "Send request" }).waitFor();
    await page.reload();
    await page.getByRole("button", { name: "Send request" }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  for (const lang of ["en", "ko"] as const)
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 700, height: 450 },
    ])
      it(`fits a lesson step with its verdict at ${viewport.width}×${viewport.height} in ${lang}`, async () => {
        const { page, close } = await visit(lang, viewport);
        await skipFirstVisit(page);
        await page.goto(`${server.url}#lesson=6&step=2`);
        const card = page.locator(".kh-lesson");
        await card.locator(".kh-lesson-predict input[type=radio]").first().check();
        await card.locator(".kh-lesson-run .kh-btn-primary").click();
        const bar = page.getByRole("region", { name: lang === "en" ? "Narration" : "해설" });
        for (let i = 0; i < 20 && !(await card.locator(".kh-lesson-verdict").count()); i++) {
          const done = bar.locator(".kh-btn-primary");
          if ((await done.count()) && (await done.isEnabled())) await done.click();
          await page.waitForTimeout(400);
        }
        await card.locator(".kh-lesson-verdict").waitFor({ timeout: 30_000 });
        // Nothing in the lesson card is wider than the card (no clipped or overflowing text).
        const overflow = await card.evaluate(
          (el) =>
            [...el.querySelectorAll("*")].filter(
              (x) => x.scrollWidth > x.clientWidth + 1 && getComputedStyle(x).overflowX === "visible",
            ).length,
        );
        expect(overflow).toBe(0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
        await page.screenshot({ path: `test-results/teach/lesson6-step2-${viewport.width}-${lang}.png` });
        await close();
      });
});
