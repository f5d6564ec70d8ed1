// The production build opens in Chromium and shows the default scenario's cluster.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, servePreview } from "./support/browser";

let browser: Browser;
let server: { url: string; stop: () => void };

beforeAll(async () => {
  server = await servePreview(4173);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

describe("the page", () => {
  it("loads the playground without a console error", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(server.url);
    await expect(page.locator(".kh-brand").textContent()).resolves.toBe("Kube Hops");
    expect(errors).toEqual([]);
    await page.close();
  });
});
