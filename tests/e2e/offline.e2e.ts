// The built site as a classroom meets it: served under a sub-path (as GitHub Pages serves a project),
// then used again with the network gone, from the copy the service worker kept on the first visit.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, servePreview } from "./support/browser";
import { PlaygroundPage, skipFirstVisit } from "./support/playgroundPage";

let browser: Browser;
let server: { url: string; stop: () => void };

beforeAll(async () => {
  server = await servePreview(4181, "/kube-hops/");
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

describe("the built site", () => {
  it("loads under a sub-path, then again offline after one visit, and still simulates", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await skipFirstVisit(page);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const p = new PlaygroundPage(page);
    await p.goto(server.url);
    // The offline copy is complete once the service worker has installed (it caches every file first).
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(server.url);

    await context.setOffline(true);
    await page.reload();
    await page.locator(".react-flow__node").first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The simulation's worker and a lesson's chunk come from the cache too.
    await p.target("192.168.1.3:30080");
    await p.sendRequest();
    await p.logRow(/deliver/i);
    await page.goto(`${server.url}#lesson=6&step=0`);
    await page.locator("[data-lesson=on]").waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
