// A page object for Compare: open it from the playground's toolbar, start a comparison, drive both
// sides from the shared bar, and read each side's figures.
import type { Locator, Page } from "playwright-core";

export class ComparePage {
  constructor(readonly page: Page) {}

  get setup(): Locator {
    return this.page.locator("dialog.kh-cmp-setup");
  }
  get view(): Locator {
    return this.page.locator("dialog.kh-cmp");
  }
  get summary(): Locator {
    return this.view.locator(".kh-cmp-summary");
  }

  pane(index: 0 | 1): Locator {
    return this.view.locator(`.kh-cmp-pane[data-index="${index}"]`);
  }

  async openSetup(): Promise<void> {
    await this.page.locator(".kh-cmp-open").click();
    await this.setup.waitFor();
  }

  /** Picks a target in the setup dialog by its value ("192.168.1.2:30080"). */
  async target(value: string): Promise<void> {
    await this.setup.locator("select.kh-mono").selectOption(value);
  }

  /** Starts the comparison and waits until both sides have drawn their cluster. */
  async start(): Promise<void> {
    await this.setup.locator('button[type="submit"]').click();
    for (const i of [0, 1] as const)
      await this.pane(i).locator(".react-flow__node").first().waitFor({ timeout: 20_000 });
  }

  async speed(factor: number): Promise<void> {
    await this.view.locator(".kh-cmp-speed").selectOption(String(factor));
  }

  async send(): Promise<void> {
    await this.view.locator(".kh-cmp-send").click();
  }

  /** Waits until both sides have ended every request. */
  async settled(timeout = 40_000): Promise<void> {
    await this.view.locator('.kh-cmp-summary[data-settled="yes"]').waitFor({ timeout });
  }

  async result(index: 0 | 1, kind: string): Promise<number> {
    const tile = this.pane(index).locator(`.kh-cmp-tile[data-result="${kind}"] .kh-cmp-value`);
    if ((await tile.count()) === 0) return 0;
    return Number.parseInt((await tile.innerText()).replace(/\D+$/, ""), 10);
  }

  figure(index: 0 | 1, name: "extraHops" | "podsUsed" | "p50" | "sourceIPs"): Locator {
    return this.pane(index).locator(`[data-figure="${name}"] dd`);
  }

  badges(index: 0 | 1): Promise<(string | null)[]> {
    return this.pane(index)
      .locator(".kh-cmp-badge")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-badge")));
  }

  async shot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}
