// The Export menu in a real Chromium, under the page's Content-Security-Policy: every file is caught as
// a download and checked as what it claims to be. The PNG, SVG and GIF decode as images in the page
// (through data: URLs, which img-src allows); the GIF's frames are counted from its blocks; the CSV and
// the JSON parse to the same rows; the YAML for kubectl loads back into the playground with no problem.
// Copies of the files land in test-results/export/ for a look.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { launchChromium, servePreview } from "./support/browser";
import { watchPage } from "./support/pageWatch";
import { PlaygroundPage, skipFirstVisit } from "./support/playgroundPage";

let browser: Browser;
let server: { url: string; stop: () => void };
let app: PlaygroundPage;
let watch: Awaited<ReturnType<typeof watchPage>>;
const OUT = "test-results/export";

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await servePreview(Number(process.env.E2E_PORT ?? 4188));
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  watch = await watchPage(page);
  await skipFirstVisit(page);
  app = new PlaygroundPage(page);
  await app.goto(server.url);
  // A burst of requests, so that the log and the GIF have something to show; then the replies' end.
  await app.target("192.168.1.3:30080");
  await page.getByRole("button", { name: /^Burst/ }).click();
  await app.logRow(/delivered/);
  const delivered = page.locator(".kh-log-row").filter({ hasText: /delivered/ });
  for (let i = 0; i < 600 && (await delivered.count()) < 40; i++) await page.waitForTimeout(100);
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

/** Runs one item of the Export menu and returns the downloaded file's name and bytes. */
async function exportFile(
  page: Page,
  item: string,
  timeout = 30_000,
): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const download = page.waitForEvent("download", { timeout });
  await page.getByRole("menuitem", { name: new RegExp(`^${item}`) }).click();
  const d = await download;
  const path = await d.path();
  const bytes = readFileSync(path);
  writeFileSync(`${OUT}/${d.suggestedFilename()}`, bytes);
  return { name: d.suggestedFilename(), bytes };
}

/**
 * The image decoded by the page, from a data: URL (the policy's img-src allows it): its natural size,
 * and how many distinct colours a 64x64 sample of it has (a blank picture has one or two).
 */
async function decodedSize(
  page: Page,
  type: string,
  bytes: Buffer,
): Promise<{ w: number; h: number; colours: number }> {
  const url = `data:${type};base64,${bytes.toString("base64")}`;
  return page.evaluate(
    (src) =>
      new Promise<{ w: number; h: number; colours: number }>((resolve, reject) => {
        const img = new Image();
        img.onload = () => {
          const c = document.createElement("canvas");
          c.width = 64;
          c.height = 64;
          const ctx = c.getContext("2d")!;
          ctx.drawImage(img, 0, 0, 64, 64);
          const px = ctx.getImageData(0, 0, 64, 64).data;
          const seen = new Set<number>();
          for (let i = 0; i < px.length; i += 4) seen.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
          resolve({ w: img.naturalWidth, h: img.naturalHeight, colours: seen.size });
        };
        img.onerror = () => reject(new Error("the image did not decode"));
        img.src = src;
      }),
    url,
  );
}

/** Image descriptors in a GIF, walking its blocks (each frame has one). */
function gifFrames(b: Buffer): number {
  let p = 13;
  if (b[10]! & 0x80) p += 3 * (1 << ((b[10]! & 7) + 1));
  let frames = 0;
  const skipSubBlocks = () => {
    while (b[p]! !== 0) p += b[p]! + 1;
    p++;
  };
  while (p < b.length) {
    const block = b[p]!;
    if (block === 0x3b) break; // trailer
    if (block === 0x21) {
      p += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames++;
      const packed = b[p + 9]!;
      p += 10;
      if (packed & 0x80) p += 3 * (1 << ((packed & 7) + 1));
      p++; // LZW minimum code size
      skipSubBlocks();
    } else throw new Error(`unexpected GIF block 0x${block.toString(16)} at ${p}`);
  }
  return frames;
}

describe("export", () => {
  it("says to send a request first when asked for a GIF before any", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await skipFirstVisit(page);
    const fresh = new PlaygroundPage(page);
    await fresh.goto(server.url);
    await page.getByRole("button", { name: "Export", exact: true }).click();
    await page.getByRole("menuitem", { name: /^Last request as GIF/ }).click();
    await page.locator(".kh-toast-text", { hasText: "Send a request or a burst first" }).waitFor();
    await page.close();
  });

  it("saves the graph as a PNG that decodes, at twice the picture's size", async () => {
    const { name, bytes } = await exportFile(app.page, "Graph as PNG");
    expect(name).toBe("kube-hops-graph.png");
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    const size = await decodedSize(app.page, "image/png", bytes);
    expect(size.w).toBeGreaterThan(800);
    expect(size.h).toBeGreaterThan(400);
    expect(size.colours).toBeGreaterThan(20);
  });

  it("saves the graph as an SVG that decodes and keeps names, addresses and ports as text", async () => {
    const { name, bytes } = await exportFile(app.page, "Graph as SVG");
    expect(name).toBe("kube-hops-graph.svg");
    const svg = bytes.toString("utf8");
    for (const text of ["node-1", "192.168.1.2", "laptop", "192.168.1.10", "web", "30080", "NODE NETWORK"])
      expect(svg).toContain(text);
    expect(svg).not.toMatch(/foreignObject|<script/i);
    const size = await decodedSize(app.page, "image/svg+xml", bytes);
    expect(size.w).toBeGreaterThan(400);
    expect(size.colours).toBeGreaterThan(20);
  });

  it("saves the last burst as an animated GIF that decodes, with many frames", async () => {
    const started = Date.now();
    const { name, bytes } = await exportFile(app.page, "Last request as GIF", 120_000);
    const ms = Date.now() - started;
    expect(name).toBe("kube-hops-request.gif");
    expect(bytes.subarray(0, 6).toString("latin1")).toBe("GIF89a");
    const frames = gifFrames(bytes);
    expect(frames).toBeGreaterThan(10);
    expect(frames).toBeLessThanOrEqual(120);
    const size = await decodedSize(app.page, "image/gif", bytes);
    expect(size.w).toBeGreaterThan(0);
    expect(size.w).toBeLessThanOrEqual(1280);
    expect(size.h).toBeLessThanOrEqual(800);
    console.log(`GIF: ${frames} frames, ${size.w}x${size.h}, ${bytes.length} bytes, made in ${ms} ms`);
  });

  it("saves the event log as CSV and JSON with the same rows", async () => {
    const csv = (await exportFile(app.page, "Event log as CSV")).bytes.toString("utf8");
    const json = JSON.parse((await exportFile(app.page, "Event log as JSON")).bytes.toString("utf8")) as {
      columns: string[];
      rows: Record<string, unknown>[];
    };
    const lines = csv
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean);
    expect(lines[0]).toBe(json.columns.join(","));
    expect(json.rows.some((r) => r.kind === "hop" && /delivered/.test(String(r.what)))).toBe(true);
    // No cell in this log holds a line break, so one line per row.
    expect(lines.length - 1).toBe(json.rows.length);
  });

  it("saves the scenario as YAML for kubectl that loads back into the playground with no problem", async () => {
    const { name, bytes } = await exportFile(app.page, "Scenario for kubectl");
    expect(name).toBe("kube-hops-scenario.yaml");
    const text = bytes.toString("utf8");
    const kinds = parseAllDocuments(text).map((d) => (d.toJS() as { kind?: string } | null)?.kind);
    expect(kinds).not.toContain("ClusterConfig");
    expect(text).toMatch(/^# /);
    // Paste it into the editor, as a person would.
    await app.tab("YAML");
    const editor = app.page.locator(".cm-content");
    await editor.waitFor({ timeout: 15_000 });
    await editor.evaluate((el, yaml) => {
      type View = { state: { doc: { length: number } }; dispatch(tr: unknown): void };
      const view = (el as unknown as { cmTile?: { root?: { view?: View } } }).cmTile?.root?.view;
      if (!view) throw new Error("no editor view");
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: yaml } });
    }, text);
    await app.page.getByRole("button", { name: "Apply now" }).click();
    await app.page.locator('.kh-yaml-status[data-tone="ok"]').waitFor({ timeout: 20_000 });
    expect(await app.page.locator(".kh-yaml-problems").count()).toBe(0);
    const graph = (await app.nodeNames()).join("\n");
    for (const n of ["node-1", "node-2", "node-3", "web"]) expect(graph).toContain(n);
  });

  it("broke no rule of the page's policy and threw nothing", async () => {
    expect(await watch.violations()).toEqual([]);
    expect([watch.pageErrors, watch.consoleErrors]).toEqual([[], []]);
  });
});
