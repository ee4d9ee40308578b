// Offline support: the page, its script and the WebAssembly checker are cached
// on first load and served from the cache first, so the forms keep working with
// no network. Bump VERSION when any of these files change.
const VERSION = "suraksha-forms-v1";
const FILES = [
  "./", "index.html", "app.js", "style.css", "manifest.webmanifest",
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
  if (event.request.method !== "GET") return;
  event.respondWith(
    caches.match(event.request, { ignoreSearch: true }).then((hit) => hit ?? fetch(event.request)),
  );
});
