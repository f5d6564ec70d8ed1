// What a page says went wrong: uncaught exceptions, console errors and Content-Security-Policy
// violations (reported to the console and counted from the page's own `securitypolicyviolation` events).
import type { Page } from "playwright-core";

export interface PageWatch {
  pageErrors: string[];
  consoleErrors: string[];
  /** "directive blocked-uri", from the page's events. */
  violations(): Promise<string[]>;
}

export async function watchPage(page: Page): Promise<PageWatch> {
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  return {
    pageErrors,
    consoleErrors,
    violations: () =>
      page.evaluate(() => [...(window as unknown as { __cspViolations: string[] }).__cspViolations]),
  };
}

/** Puts entries into localStorage before the app's first script runs, once (a reload keeps what the app did). */
export async function seedStorage(page: Page, entries: Record<string, string>): Promise<void> {
  await page.addInitScript((e) => {
    if (sessionStorage.getItem("test:seeded")) return;
    sessionStorage.setItem("test:seeded", "1");
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
}
