// Registers the offline copy (sw.js, written by the build) once the page has loaded, so that caching
// the site never competes with the first picture. Not in development: the dev server's files change.
export function registerOffline(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () =>
    navigator.serviceWorker.register(new URL("sw.js", document.baseURI)).catch(() => {
      // Refused (a sandboxed iframe, a file:// page, storage blocked): the site works online as before.
    });
  if (document.readyState === "complete") void register();
  else addEventListener("load", () => void register(), { once: true });
}
