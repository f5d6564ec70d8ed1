// Compare in a real Chromium: externalTrafficPolicy Cluster and Local side by side on the default
// scenario, the same burst to both, and the difference emphasised and said in words. Also the narrow
// (700 x 450) layout and the Korean text. Screenshots go to $SHOTS_DIR (test-results/ by default).
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, servePreview } from "./support/browser";
import { ComparePage } from "./support/comparePage";

const SHOTS = process.env.SHOTS_DIR ?? "test-results";
let browser: Browser;
let server: { url: string; stop: () => void };
let context: BrowserContext | null = null;
/** Uncaught errors in the page during a test: there must be none. */
let pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await servePreview(4176);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});
afterEach(async () => {
  expect(pageErrors).toEqual([]);
  await context?.close();
  context = null;
});

async function open(
  viewport: { width: number; height: number },
  lang: "en" | "ko" = "en",
): Promise<ComparePage> {
  context = await browser.newContext({ viewport });
  if (lang === "ko") await context.addInitScript(() => localStorage.setItem("kube-hops:lang", "ko"));
  const page = await context.newPage();
  pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  await page.locator(".react-flow__node").first().waitFor({ timeout: 20_000 });
  return new ComparePage(page);
}

/** Opens Compare for externalTrafficPolicy on `target`, sends one burst at 20x, waits for the end. */
async function compareETP(c: ComparePage, target?: string): Promise<void> {
  await c.openSetup();
  if (target) await c.target(target);
  await c.start();
  await c.speed(20);
  await c.send();
  await c.settled();
}

describe("compare externalTrafficPolicy", () => {
  it("offers it from the toolbar, for the web Service, from the laptop to node-2's NodePort", async () => {
    const c = await open({ width: 1280, height: 720 });
    await c.page.getByRole("button", { name: "Compare", exact: true }).click();
    const setup = c.page.getByRole("dialog", { name: "Compare two settings" });
    await setup.waitFor();
    expect(await setup.getByRole("radio", { name: /^externalTrafficPolicy/ }).isChecked()).toBe(true);
    expect(await setup.locator("select.kh-mono").inputValue()).toBe("192.168.1.3:30080");
    await c.shot(`${SHOTS}/compare-setup-1280-en.png`);
    await setup.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => c.setup.count()).toBe(0);
  });

  it("at a node with a web pod: Cluster takes extra hops and hides the client, Local keeps 192.168.1.10", async () => {
    const c = await open({ width: 1280, height: 720 });
    await compareETP(c);
    expect(await c.pane(0).locator(".kh-cmp-label").innerText()).toBe("externalTrafficPolicy: Cluster");
    expect(await c.pane(1).locator(".kh-cmp-label").innerText()).toBe("externalTrafficPolicy: Local");
    // The same 20 requests, all delivered on both sides.
    expect([await c.result(0, "delivered"), await c.result(1, "delivered")]).toEqual([20, 20]);

    // Cluster: some requests crossed to node-3's pod; the pods saw node addresses.
    const clusterHops = c.figure(0, "extraHops");
    expect(await clusterHops.innerText()).toMatch(/^[1-9]\d*%/);
    expect(await clusterHops.locator(".kh-cmp-diff").count()).toBe(1);
    expect(await c.figure(0, "sourceIPs").innerText()).not.toContain("192.168.1.10");
    expect(await c.figure(0, "sourceIPs").innerText()).toContain("node node-2");

    // Local: no extra hop, the client's own address, and the badges that say only Local has them.
    expect(await c.figure(1, "extraHops").innerText()).toMatch(/^0%/);
    expect(await c.figure(1, "extraHops").locator('.kh-cmp-diff[data-diff="down"]').count()).toBe(1);
    expect(await c.figure(1, "sourceIPs").innerText()).toContain("192.168.1.10 (client)");
    expect(await c.figure(1, "sourceIPs").locator(".kh-cmp-diff").count()).toBe(1);
    expect(await c.badges(1)).toEqual(expect.arrayContaining(["senderKept", "noExtraHops"]));
    expect(await c.badges(0)).not.toContain("senderKept");

    expect(await c.summary.innerText()).toMatch(
      /^Local: no extra hops and the pods saw 192\.168\.1\.10 · Cluster: \d+% took an extra hop and the pods saw node addresses$/,
    );
    await c.shot(`${SHOTS}/compare-etp-node2-1280-en.png`);
  });

  it("at the control-plane node (no web pod): Local drops every request, Cluster delivers them", async () => {
    const c = await open({ width: 1280, height: 720 });
    await compareETP(c, "192.168.1.2:30080");
    expect(await c.result(0, "delivered")).toBe(20);
    expect(await c.result(1, "delivered")).toBe(0);
    expect(await c.result(1, "dropped")).toBe(20);
    expect(await c.pane(1).locator('.kh-cmp-tile[data-result="dropped"] .kh-cmp-diff').count()).toBe(1);
    expect(await c.badges(1)).toContain("failed");
    expect(await c.summary.innerText()).toMatch(/^Local: 20 dropped · Cluster: all 20 delivered/);
    await c.shot(`${SHOTS}/compare-etp-node1-1280-en.png`);
  });

  it("closes, ending both sides' workers, and the playground is there again", async () => {
    const c = await open({ width: 1280, height: 720 });
    await expect.poll(() => c.page.workers().length).toBe(1);
    await c.openSetup();
    await c.start();
    // One simulation worker for each side, beside the playground's own.
    await expect.poll(() => c.page.workers().length).toBe(3);
    await c.view.getByRole("button", { name: "Close comparison" }).click();
    await expect.poll(() => c.view.count()).toBe(0);
    await expect.poll(() => c.page.workers().length).toBe(1);
    await c.page.locator(".kh-cmp-open").click();
    await c.setup.waitFor();
  });
});

describe("compare in a 700 x 450 column", () => {
  it("shows one side at a time as tabs, with nothing overflowing", async () => {
    const c = await open({ width: 700, height: 450 });
    await c.openSetup();
    await c.shot(`${SHOTS}/compare-setup-700-en.png`);
    await c.start();
    await c.speed(20);
    await c.send();
    await c.settled();
    const tabs = c.view.getByRole("tab");
    expect(await tabs.allInnerTexts()).toEqual(["Cluster", "Local"]);
    expect(await c.pane(1).isVisible()).toBe(true);
    expect(await c.pane(0).evaluate((e) => getComputedStyle(e).visibility)).toBe("hidden");
    const overflow = await c.view.evaluate((d) => ({
      x: d.scrollWidth - d.clientWidth,
      y: d.scrollHeight - d.clientHeight,
      page: document.documentElement.scrollWidth - window.innerWidth,
    }));
    expect(overflow).toEqual({ x: 0, y: 0, page: 0 });
    await c.shot(`${SHOTS}/compare-etp-700-en.png`);
    await tabs.first().click();
    expect(await c.pane(0).isVisible()).toBe(true);
    await c.shot(`${SHOTS}/compare-etp-700-cluster-en.png`);
  });
});

describe("compare in Korean", () => {
  it("labels and summarises in Korean, Kubernetes terms in English", async () => {
    const c = await open({ width: 1280, height: 720 }, "ko");
    await c.openSetup();
    await c.shot(`${SHOTS}/compare-setup-1280-ko.png`);
    await c.start();
    await c.speed(20);
    await c.send();
    await c.settled();
    expect(await c.summary.innerText()).toMatch(
      /^Local: 추가 홉 없음, Pod가 본 출발지는 192\.168\.1\.10 · Cluster: /,
    );
    expect(await c.pane(1).locator(".kh-cmp-badge").allInnerTexts()).toContain("이쪽만: 클라이언트 IP 유지");
    await c.shot(`${SHOTS}/compare-etp-node2-1280-ko.png`);
    await c.page.setViewportSize({ width: 700, height: 450 });
    await c.page.waitForTimeout(300);
    await c.shot(`${SHOTS}/compare-etp-700-ko.png`);
  });
});
