// Host pages for the embed tests, written by the test and served (with their Content-Security-Policy
// as a header) through Playwright's routing on the preview server's origin: a blog post with an iframe
// embed and <kube-hops> elements, under a strict policy.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self'; img-src 'self'; object-src 'none'";
/** The same, with workers refused: each embed falls back to running its simulation on the page. */
export const NO_WORKERS_CSP = STRICT_CSP.replace("worker-src 'self'", "worker-src 'none'");

const DEFAULT_SCENARIO = readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8");

/** The default scenario, indented as a page author would inside <script type="text/yaml">. */
export const inlineScenario = (yaml = DEFAULT_SCENARIO): string =>
  yaml
    .split("\n")
    .map((l) => (l ? `      ${l}` : l))
    .join("\n");

/** Serves `html` at `origin + path` with the given policy. */
export async function hostPage(page: Page, origin: string, path: string, html: string, csp: string) {
  await page.route(origin + path, (route) =>
    route.fulfill({
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": csp },
      body: html,
    }),
  );
}

/** A page of a post: a heading, then `body`, then enough text below to scroll everything out of view. */
export const postPage = (body: string): string => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A post with Kube Hops</title>
    <script type="module" src="/kube-hops.js"></script>
  </head>
  <body>
    <h1>Services, hop by hop</h1>
    ${body}
    <canvas id="below" width="10" height="3000"></canvas>
    <p id="end">The end.</p>
  </body>
</html>`;
