// Debian's Chromium driven by playwright-core (no browser downloads), with the flags this closed
// network needs, and a production build served by `vite preview`.
import { type ChildProcess, spawn } from "node:child_process";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

const ROOT = new URL("../../..", import.meta.url).pathname;

/**
 * Serves dist/ (build it first: `npm run build`) on a free port, at `base` (the build works under any
 * path, as on GitHub Pages); resolves with its URL.
 */
export async function servePreview(port: number, base = "/"): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(
    `${ROOT}node_modules/.bin/vite`,
    ["preview", "--port", String(port), "--strictPort", "--base", base],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const url = `http://localhost:${port}${base}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return { url, stop: () => child.kill() };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`vite preview did not start on ${url}: run npm run build first`);
}
