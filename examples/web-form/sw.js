// Offline support: the page, its scripts and the WebAssembly checker are cached
// on first load and served from the cache first, so the forms keep working with
// no network (and open fast on a slow one). Each request also refreshes its
// cached copy in the background, so a new release is used from the next visit.
// Records themselves live in IndexedDB (store.js), never in this cache.
const VERSION = "suraksha-forms-v3";
const FILES = [
  "./", "index.html", "app.js", "ui.js", "store.js", "export.js", "style.css", "manifest.webmanifest",
  "pkg/suraksha_wasm.js", "pkg/suraksha_wasm_bg.wasm",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin) return;
  url.search = ""; // one cached copy per file, whatever the query (?lang=hi)
  const fresh = fetch(event.request).then(async (response) => {
    if (response.ok) await (await caches.open(VERSION)).put(url.href, response.clone());
    return response;
  });
  event.waitUntil(fresh.catch(() => {}));
  event.respondWith(caches.match(url.href).then((hit) => hit ?? fresh));
});
