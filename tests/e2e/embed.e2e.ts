// Kube Hops inside someone else's page: an iframe with ?embed and <kube-hops> elements in a blog post
// under a strict Content-Security-Policy (no inline script or style, no eval), each its own playground.
import { readFileSync } from "node:fs";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, servePreview } from "./support/browser";
import { hostPage, inlineScenario, NO_WORKERS_CSP, postPage, STRICT_CSP } from "./support/embedHost";
import { type PageWatch, watchPage } from "./support/pageWatch";

let browser: Browser;
let server: { url: string; stop: () => void };

beforeAll(async () => {
  server = await servePreview(4188);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

const DEFAULT = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");
/** The default cluster with a Service whose selector matches no pod: every request is rejected. */
const NO_ENDPOINTS = DEFAULT.replace(
  "  selector:\n    app: web\n  ports:",
  "  selector:\n    app: web-old\n  ports:",
);
/** A scenario with a mistake in it: a Pod whose containers are a number. */
const BROKEN = `${DEFAULT}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: typo\nspec:\n  containers: 3\n`;
const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

interface HostEvent {
  id: string;
  type: string;
  detail: { from: string; to: string; pod: string | null; node: string | null; reason: string };
}

/** Records every kube-hops event of the page's elements. */
async function recordEvents(page: Page): Promise<() => Promise<HostEvent[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __khEvents: unknown[] };
    w.__khEvents = [];
    for (const el of document.querySelectorAll("kube-hops"))
      for (const type of ["kube-hops:delivered", "kube-hops:dropped"])
        el.addEventListener(type, (e) =>
          w.__khEvents.push({ id: el.id, type, detail: (e as CustomEvent).detail }),
        );
  });
  return () => page.evaluate(() => (window as unknown as { __khEvents: HostEvent[] }).__khEvents);
}

async function frameOf(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  if (!frame) throw new Error("the iframe has no document");
  return frame;
}

/** Every node, pod, Service and client name in a frame, with its font size as drawn on screen. */
function nameSizes(frame: Frame) {
  return frame.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        ".kh-node__name, .kh-pod__name, .kh-svc__name, .kh-outside__name",
      ),
    ].map((el) => {
      const box = el.closest<HTMLElement>(".react-flow__node")!;
      const scale = box.getBoundingClientRect().width / box.offsetWidth;
      return { name: el.textContent, px: parseFloat(getComputedStyle(el).fontSize) * scale };
    }),
  );
}

describe("a post with an iframe embed and <kube-hops> elements, under a strict policy", () => {
  let page: Page;
  let watch: PageWatch;
  let frame: Frame;
  let events: () => Promise<HostEvent[]>;

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    watch = await watchPage(page);
    await page.route(`${server.url}missing.yaml`, (r) => r.fulfill({ status: 404, body: "not here" }));
    await hostPage(
      page,
      server.url,
      "post.html",
      postPage(`
    <iframe src="/?embed&amp;lang=en" width="700" height="450" sandbox="allow-scripts allow-same-origin"
      title="Kube Hops"></iframe>
    <kube-hops id="inline" lang="en" height="450">
      <script type="text/yaml">
${inlineScenario(DEFAULT)}
      </script>
    </kube-hops>
    <kube-hops id="attr" lang="en" height="380" scenario="${attr(NO_ENDPOINTS)}"></kube-hops>
    <kube-hops id="missing" lang="en" height="120" src="/missing.yaml"></kube-hops>
    <kube-hops id="broken" lang="en" height="400" scenario="${attr(BROKEN)}"></kube-hops>`),
      STRICT_CSP,
    );
    await page.goto(`${server.url}post.html`);
    frame = await frameOf(page);
    await frame.locator(".react-flow__node").first().waitFor({ timeout: 30_000 });
    await page.locator("#inline .react-flow__node").first().waitFor({ timeout: 30_000 });
    await page.locator("#attr .react-flow__node").first().waitFor({ timeout: 30_000 });
    events = await recordEvents(page);
  });
  afterAll(async () => {
    await page?.close();
  });

  it("starts every embed with no policy violation and no error in the console", async () => {
    const inFrame = await frame.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    expect(await watch.violations()).toEqual([]);
    expect(inFrame).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    // The missing scenario's 404 is the only thing the console reports.
    expect(watch.consoleErrors.filter((e) => !/404/.test(e))).toEqual([]);
    // Each element runs its simulation in a worker of its own.
    const engines = await page.evaluate(() =>
      ["inline", "attr"].map((id) => (document.getElementById(id) as unknown as { engine: string }).engine),
    );
    expect(engines).toEqual(["worker", "worker"]);
  });

  it("draws every name at 11 px or more in the 700x450 iframe", async () => {
    const sizes = await nameSizes(frame);
    expect(sizes.map((s) => s.name)).toEqual(
      expect.arrayContaining(["node-1", "node-2", "node-3", "laptop"]),
    );
    expect(sizes.filter((s) => s.px < 11)).toEqual([]);
    // The graph has most of the frame's height.
    const graph = await frame.locator(".kh-embed-graph").boundingBox();
    expect(graph!.height).toBeGreaterThan(450 * 0.8);
  });

  it("keeps the embeds apart: a request sent in one leaves the others as they were", async () => {
    await page.locator("#inline").getByRole("button", { name: "Send", exact: true }).click();
    await expect
      .poll(() => page.locator("#inline .kh-result").textContent(), { timeout: 20_000 })
      .toMatch(/^Delivered to web-/);
    await expect.poll(() => frame.locator(".kh-embed-hint").isVisible()).toBe(true);
    expect(await page.locator("#attr .kh-embed-hint").isVisible()).toBe(true);

    await frame.getByRole("button", { name: "Send", exact: true }).click();
    await expect
      .poll(() => frame.locator(".kh-result").textContent(), { timeout: 20_000 })
      .toMatch(/^Delivered to web-/);
    expect(await page.locator("#attr .kh-embed-hint").isVisible()).toBe(true);
    // The iframe's request is not the element's: the element heard of its own one only.
    expect((await events()).filter((e) => e.id === "inline")).toHaveLength(1);
  });

  it("tells the host page of each request delivered or dropped, with where from, where to and why", async () => {
    const delivered = (await events()).find((e) => e.id === "inline");
    expect(delivered).toMatchObject({
      type: "kube-hops:delivered",
      detail: {
        from: "client:laptop",
        to: expect.stringMatching(/^192\.168\.1\.\d:30080$/),
        pod: expect.stringMatching(/^default\/web-/),
        node: expect.stringMatching(/^node-\d$/),
        reason: "deliver-pod",
      },
    });
    await page.locator("#attr").getByRole("button", { name: "Send", exact: true }).click();
    await expect
      .poll(async () => (await events()).filter((e) => e.id === "attr"), { timeout: 20_000 })
      .toEqual([
        {
          id: "attr",
          type: "kube-hops:dropped",
          detail: {
            from: "client:laptop",
            to: expect.stringMatching(/:30080$/),
            pod: null,
            node: expect.stringMatching(/^node-\d$/),
            reason: "reject-no-endpoints",
          },
        },
      ]);
  });

  it("links to the full page, and leaves the mouse wheel to the post's scrolling", async () => {
    expect(await frame.getByRole("link", { name: "Open in Kube Hops" }).getAttribute("href")).toBe(
      server.url,
    );
    expect(
      await page.locator("#inline").getByRole("link", { name: "Open in Kube Hops" }).getAttribute("href"),
    ).toBe(server.url);
    const viewport = page.locator("#inline .react-flow__viewport");
    const zoom = await viewport.getAttribute("style");
    const graph = (await page.locator("#inline .kh-embed-graph").boundingBox())!;
    await page.mouse.move(graph.x + graph.width / 2, graph.y + graph.height / 2);
    const before = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before);
    expect(await viewport.getAttribute("style")).toBe(zoom);
    await page.evaluate(() => scrollTo(0, 0));
  });

  it("says in words, inside the element, that a scenario URL could not be loaded", async () => {
    const alert = page.locator("#missing").getByRole("alert");
    await expect.poll(() => alert.textContent()).toMatch(/could not be loaded: the server answered 404/);
  });

  it("points a page author at a scenario's problems, shown in the YAML editor without breaking the policy", async () => {
    const broken = page.locator("#broken");
    const problems = broken.getByRole("button", { name: /^This scenario has 1 problem/ });
    await problems.waitFor({ timeout: 30_000 });
    await problems.click();
    await broken.locator(".cm-editor").waitFor({ timeout: 20_000 });
    expect(await broken.getByRole("tab", { name: /^YAML/ }).getAttribute("aria-selected")).toBe("true");
    // CodeMirror's styles reach the shadow root as constructed stylesheets, which the policy allows.
    expect(await watch.violations()).toEqual([]);
    await broken.getByRole("button", { name: "Close details" }).click();
    expect(await broken.locator(".cm-editor").count()).toBe(0);
  });

  it("sleeps when scrolled out of view, and wakes playing when back", async () => {
    const play = page.locator("#inline").getByRole("button", { name: /^(Play|Pause)$/ });
    await page.locator("#inline").scrollIntoViewIfNeeded();
    await expect.poll(() => play.getAttribute("aria-label")).toBe("Pause");
    await page.locator("#end").scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator("#inline .kh-embed").getAttribute("data-asleep")).toBe("true");
    await expect.poll(() => frame.locator(".kh-embed").getAttribute("data-asleep")).toBe("true");
    // Asleep, the simulation is paused, not only hidden.
    await expect.poll(() => play.getAttribute("aria-label")).toBe("Play");

    await page.locator("#inline").scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator("#inline .kh-embed").getAttribute("data-asleep")).toBeNull();
    await expect.poll(() => play.getAttribute("aria-label")).toBe("Pause");
  });

  it("ends an element's worker when the element leaves the page", async () => {
    const before = page.workers().length;
    await page.evaluate(() => document.getElementById("attr")!.remove());
    await expect.poll(() => page.workers().length).toBe(before - 1);
  });
});

describe("a post whose policy refuses workers", () => {
  it("runs the element's simulation on the page instead, with the same controls and events", async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    const watch = await watchPage(page);
    await hostPage(
      page,
      server.url,
      "no-workers.html",
      postPage(`<kube-hops id="solo" lang="en" scenario="${attr(DEFAULT)}"></kube-hops>`),
      NO_WORKERS_CSP,
    );
    await page.goto(`${server.url}no-workers.html`);
    await page.locator("#solo .react-flow__node").first().waitFor({ timeout: 30_000 });
    const events = await recordEvents(page);
    await page.locator("#solo").getByRole("button", { name: "Send", exact: true }).click();
    await expect
      .poll(async () => (await events()).map((e) => e.type), { timeout: 20_000 })
      .toEqual(["kube-hops:delivered"]);
    expect(
      await page.evaluate(() => (document.getElementById("solo") as unknown as { engine: string }).engine),
    ).toBe("in-process");
    // The refused worker is the only thing the policy stopped.
    const violations = await watch.violations();
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.filter((v) => !v.startsWith("worker-src"))).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    await page.close();
  });
});

describe("an autoplaying element further down the post", () => {
  it("starts its requests only once the reader scrolls to it", async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await hostPage(
      page,
      server.url,
      "autoplay.html",
      postPage(`<canvas width="10" height="2000"></canvas>
    <kube-hops id="auto" lang="en" autoplay scenario="${attr(DEFAULT)}"></kube-hops>`),
      STRICT_CSP,
    );
    await page.goto(`${server.url}autoplay.html`);
    const auto = page.locator("#auto");
    await auto.locator(".react-flow__node").first().waitFor({ state: "attached", timeout: 30_000 });
    const events = await recordEvents(page);
    await page.waitForTimeout(1500);
    expect(await auto.locator(".kh-embed").getAttribute("data-asleep")).toBe("true");
    expect(await auto.getByRole("button", { name: /^(Play|Pause)$/ }).getAttribute("aria-label")).toBe(
      "Play",
    );
    expect(await events()).toEqual([]);

    await auto.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await events()).length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await auto.getByRole("button", { name: /^(Play|Pause)$/ }).getAttribute("aria-label")).toBe(
      "Pause",
    );
    await page.close();
  });
});
