// Traffic for the packets measurement. First through the playground's own Traffic controls, found by
// accessible name (From, To, Connection, Requests per second, Steady rate). Then the top-up: the same
// `rate` actions sent straight to the worker through the Worker wrapper of INIT_SCRIPT, because the rate
// input stops at UI_MAX_RATE.
import type { Page } from "playwright-core";
import type { TrafficPlan } from "./calibrate";

export async function startUiTraffic(page: Page, plan: TrafficPlan["ui"]): Promise<void> {
  const o = { timeout: 10_000 };
  await page.getByLabel("From", { exact: true }).selectOption(plan.from, o);
  await page.getByLabel("To", { exact: true }).fill(plan.to, o);
  await page.getByRole("radio", { name: plan.connection === "new" ? "curl" : "keep-alive" }).check(o);
  await page.getByLabel("Requests per second", { exact: true }).fill(String(plan.perSecond), o);
  await page.getByRole("button", { name: /steady rate|^rate$/i }).click(o);
  await page.getByRole("button", { name: /stop rate/i }).waitFor(o);
}

/** Sends the top-up flows; resolves with the worker's answers (ok or the error). */
export async function startTopUp(page: Page, plan: TrafficPlan["topUp"]): Promise<string[]> {
  const actions = plan.flows.map((f) => ({
    type: "rate",
    from: f.from,
    to: f.to,
    connection: f.connection,
    label: `bench-${f.label}`,
    perSecond: plan.perSecondEach,
    durationTicks: 60_000_000,
  }));
  return (await page.evaluate(`window.__khInject(${JSON.stringify(actions)})`)) as string[];
}
