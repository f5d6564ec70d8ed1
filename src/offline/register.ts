// Registers the offline copy (sw.js, written by the build) once the page has loaded and drawn, so that
// caching the site never competes with the first picture: the worker's install fetches every file, and
// started at `load` it cost the first frame about 75 ms (bench:ui). Not in development: the dev server's
// files change.
export function registerOffline(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () =>
    navigator.serviceWorker.register(new URL("sw.js", document.baseURI)).catch(() => {
      // Refused (a sandboxed iframe, a file:// page, storage blocked): the site works online as before.
    });
  // After `load`, the first render is still running: wait until the page is idle (at most 5 s).
  const whenIdle = () =>
    "requestIdleCallback" in window
      ? requestIdleCallback(() => void register(), { timeout: 5000 })
      : setTimeout(() => void register(), 1000);
  if (document.readyState === "complete") whenIdle();
  else addEventListener("load", whenIdle, { once: true });
}
