// Importing a real cluster in a real Chromium: what `kubectl get nodes,pods,services,endpointslices,
// deployments -A -o yaml` prints, opened from the editor's button or dropped on the page, draws that
// cluster (its nodes, its pods where they run); a big listing opens one namespace at a time with node
// boxes folded; a file that is not text is refused with a message and the person's text stays.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubectlList } from "../../bench/kubectlList";
import { launchChromium, servePreview } from "./support/browser";
import { watchPage } from "./support/pageWatch";
import { PlaygroundPage } from "./support/playgroundPage";

const FIXTURE = "tests/fixtures/kubectl/kubeadm-cluster.yaml";
let browser: Browser;
let server: { url: string; stop: () => void };

beforeAll(async () => {
  server = await servePreview(4223);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

/** Opens a file through the YAML panel's "Open file…" button. */
async function openFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByRole("tab", { name: /^YAML/ }).click();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open file…" }).click();
  await (await chooser).setFiles({ name, mimeType: "application/yaml", buffer });
}

/** Drops a file on the graph as a person dragging it from their desktop would. */
async function dropFile(page: Page, name: string, bytes: number[]): Promise<void> {
  await page.locator(".kh-graph").evaluate(
    (el, { name, bytes }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name));
      for (const type of ["dragenter", "dragover", "drop"])
        el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, bytes },
  );
}

const nodeBoxNames = (page: Page) => page.locator(".kh-node__name").allInnerTexts();
const toast = (page: Page) => page.locator(".kh-toast-text");

describe("importing a cluster", () => {
  it("draws a kubectl listing opened from the editor: its nodes, and its pods where they run", async () => {
    const app = await PlaygroundPage.open(browser, server.url);
    const { page } = app;
    const watch = await watchPage(page);
    await openFile(page, "cluster.yaml", readFileSync(FIXTURE));
    await expect
      .poll(() => nodeBoxNames(page), { timeout: 30_000 })
      .toEqual(["cp-1", "worker-1", "worker-2"]);
    await expect
      .poll(() => toast(page).innerText())
      .toBe(
        "Opened cluster.yaml: 3 nodes, 6 pods, 3 Services in 3 namespaces. Undo brings back what was here.",
      );
    const inWorker2 = page.locator(".react-flow__node", { hasText: "worker-2" }).first();
    // The shop's two pods; the four of kube-system are drawn when that namespace is picked.
    await expect.poll(() => page.locator(".kh-pod").count()).toBe(2);
    expect(await inWorker2.innerText()).toContain("192.168.56.12");
    // The listing's notes are in the YAML panel's problem list, as information, not errors.
    expect(await page.locator(".kh-yaml-problem[data-severity=error]").count()).toBe(0);
    expect(await page.locator(".kh-yaml-problem[data-severity=info]").allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining("2 ReplicaSets put back")]),
    );
    await app.screenshot("import-kubeadm");
    await page.getByRole("combobox", { name: "Namespace" }).selectOption("kube-system");
    await expect.poll(() => page.locator(".kh-pod").count()).toBe(4);
    await page.getByRole("combobox", { name: "Namespace" }).selectOption("");
    // What was there before is one Undo away.
    const undo = page.getByRole("button", { name: "Undo", exact: true });
    expect(await undo.getAttribute("title")).toMatch(/^Undo open cluster\.yaml/);
    await undo.click();
    await expect.poll(() => nodeBoxNames(page), { timeout: 30_000 }).toEqual(["node-1", "node-2", "node-3"]);
    expect(watch.pageErrors).toEqual([]);
    await page.close();
  });

  it("opens a file dropped on the graph", async () => {
    const { page } = await PlaygroundPage.open(browser, server.url);
    await dropFile(page, "dropped.yaml", [...readFileSync(FIXTURE)]);
    await expect
      .poll(() => nodeBoxNames(page), { timeout: 30_000 })
      .toEqual(["cp-1", "worker-1", "worker-2"]);
    await page.close();
  });

  it("refuses a dropped picture with a message, and keeps the cluster and the text", async () => {
    const { page } = await PlaygroundPage.open(browser, server.url);
    await page.getByRole("tab", { name: /^YAML/ }).click();
    await page.getByText("Applied · the graph matches this text").waitFor();
    // The editor's text as autosave keeps it (CodeMirror draws only the lines in view).
    const savedYaml = () =>
      page.evaluate(
        () => (JSON.parse(localStorage.getItem("kube-hops:main") ?? "{}") as { yaml?: string }).yaml,
      );
    const before = await savedYaml();
    expect(before).toContain("kind: Node");
    await dropFile(page, "diagram.png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect
      .poll(() => toast(page).innerText())
      .toBe("diagram.png does not look like text (it holds NUL bytes): open YAML or JSON saved as UTF-8");
    expect(await page.locator(".kh-toast").getAttribute("role")).toBe("alert");
    expect(await nodeBoxNames(page)).toEqual(["node-1", "node-2", "node-3"]);
    expect(await savedYaml()).toBe(before);
    expect(await page.getByRole("button", { name: "Undo", exact: true }).isDisabled()).toBe(true);
    await page.close();
  });

  it("opens a big listing on one namespace, and folds node boxes when all are shown", async () => {
    const { page } = await PlaygroundPage.open(browser, server.url);
    const text = kubectlList(1500);
    await openFile(page, "big.yaml", Buffer.from(text));
    // The default scenario has a namespace filter already (default, kube-system): wait for the opening.
    await expect
      .poll(() => toast(page).innerText(), { timeout: 60_000 })
      .toMatch(
        /showing namespace \S+ .*too big to keep in this browser .*a reload brings back your last saved work/,
      );
    const namespace = page.getByRole("combobox", { name: "Namespace" });
    const chosen = await namespace.inputValue();
    expect(chosen).not.toBe("");
    expect(await toast(page).innerText()).toContain(`showing namespace ${chosen} `);
    // Every pod drawn is the chosen namespace's.
    // Every pod drawn is the chosen namespace's (the pill's title holds its namespace/name).
    const pods = await page
      .locator(".kh-pod")
      .evaluateAll((els) => els.map((e) => e.getAttribute("title") ?? ""));
    expect(pods.length).toBeGreaterThan(0);
    expect(pods.every((p) => p.startsWith(`${chosen}/`))).toBe(true);
    await page.screenshot({ path: "test-results/import-big-namespace.png" });

    // All namespaces: hundreds of pods, so every node box is folded into a count.
    await namespace.selectOption("");
    await expect.poll(() => page.locator(".kh-pod").count()).toBe(0);
    const boxes = await page.locator(".kh-node").count();
    expect(await page.locator(".kh-node__folded").count()).toBe(boxes);
    await page.screenshot({ path: "test-results/import-big-folded.png" });
    // One box unfolded shows its pods.
    await page.getByRole("button", { name: "Show the pods of worker-1", exact: true }).click();
    await expect.poll(() => page.locator(".kh-pod").count()).toBeGreaterThan(0);
    expect(await page.locator(".kh-node__folded").count()).toBe(boxes - 1);
    await page.close();
  });
});
