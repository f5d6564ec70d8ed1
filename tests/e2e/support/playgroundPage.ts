// A page object for the playground: what a person does, by the names the controls announce.
import type { Browser, Page } from "playwright-core";

/** For tests of the playground itself: no first-visit welcome and no narrated first request. */
export async function skipFirstVisit(page: Page): Promise<void> {
  await page.addInitScript(() => {
    localStorage.setItem("kube-hops:welcomed", "1");
    localStorage.setItem("kube-hops:narrated", "1");
  });
}

export class PlaygroundPage {
  constructor(readonly page: Page) {}

  static async open(
    browser: Browser,
    url: string,
    viewport = { width: 1280, height: 720 },
  ): Promise<PlaygroundPage> {
    const page = await browser.newPage({ viewport });
    await skipFirstVisit(page);
    const p = new PlaygroundPage(page);
    await p.goto(url);
    return p;
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator(".react-flow__node").first().waitFor({ timeout: 20_000 });
  }

  /** The graph's cluster nodes, by their names. */
  async nodeNames(): Promise<string[]> {
    return this.page.locator(".react-flow__node").allInnerTexts();
  }

  async target(to: string): Promise<void> {
    const input = this.page
      .getByRole("combobox", { name: "To" })
      .or(this.page.getByRole("textbox", { name: "To" }));
    await input.fill(to);
  }

  async sendRequest(): Promise<void> {
    await this.page.getByRole("button", { name: /^(→ )?Send( request)?$/ }).click();
  }

  async tab(name: "Inspector" | "Event log" | "Stats" | "YAML"): Promise<void> {
    await this.page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
  }

  /** Waits for an event-log row whose text matches. */
  async logRow(text: RegExp, timeout = 30_000): Promise<string> {
    await this.tab("Event log");
    const row = this.page.locator(".kh-log-row").filter({ hasText: text }).first();
    await row.waitFor({ timeout });
    return row.innerText();
  }

  /** Selects an object through the inspector's list ("web", "node-2", ...). */
  async inspect(name: string): Promise<void> {
    await this.tab("Inspector");
    const clear = this.page.getByRole("button", { name: "Clear selection" });
    if (await clear.isVisible()) await clear.click();
    await this.page
      .locator(".kh-inspector, .kh-sidepanel")
      .getByRole("button", { name, exact: true })
      .first()
      .click();
  }

  /** The selected object's YAML as the inspector shows it (from the manifests the store holds). */
  async inspectedYaml(): Promise<string> {
    await this.tab("Inspector");
    const pre = this.page.locator(".kh-inspector .kh-code").last();
    await pre.waitFor({ state: "attached" });
    return (await pre.textContent()) ?? "";
  }

  async click(name: string | RegExp): Promise<void> {
    await this.page.getByRole("button", { name }).first().click();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/${name}.png` });
  }
}
