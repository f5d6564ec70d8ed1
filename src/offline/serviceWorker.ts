// The offline copy of the site: every file of the build is cached when the service worker installs, so
// that a classroom keeps working once the page has loaded (the network may drop after the first visit).
// Files are content-hashed, so a cached file never goes stale; a new build is a new cache, taken over
// when every page of the old one has closed (no skipWaiting: an open page keeps lazy-loading the chunks
// of its own build). The build (offlinePlugin in vite.config.ts) writes the file list in place of
// PRECACHE_PLACEHOLDER and emits this file as sw.js beside index.html.
/// <reference lib="webworker" />
export {};
declare const self: ServiceWorkerGlobalScope;

const PRECACHE: string[] = JSON.parse("PRECACHE_PLACEHOLDER");
const VERSION = PRECACHE[0] ?? "dev";
const CACHE = `kube-hops-${VERSION}`;
/** Paths relative to this file's folder: the site works under any base path. */
const files = PRECACHE.slice(1).map((f) => new URL(f, self.registration.scope).href);
const page = new URL("index.html", self.registration.scope).href;

self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(files)));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("kube-hops-") && k !== CACHE).map((k) => caches.delete(k)),
        ),
      ),
  );
});

self.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET" || !req.url.startsWith(self.registration.scope)) return;
  // Every page of the site is the one index.html (?embed and the fragment are read by the script).
  const key = req.mode === "navigate" ? page : req.url.split("#")[0]!;
  e.respondWith(caches.open(CACHE).then(async (c) => (await c.match(key)) ?? fetch(req)));
});
