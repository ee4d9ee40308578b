// A tiny static server for the web form: examples/web-form at /, and the
// browser build of the package (bindings-wasm/pkg/web) at /pkg/. No server
// logic: it only hands out files. Run by hand with
//   node bindings-wasm/tests/browser/serve.mjs [port]
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../../../..");
const site = join(root, "examples/web-form");
const pkg = join(root, "bindings-wasm/pkg/web");
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".json": "application/json", ".webmanifest": "application/manifest+json",
};

function fileFor(urlPath) {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  if (path.startsWith("/pkg/")) return join(pkg, path.slice(5));
  return join(site, path === "/" ? "index.html" : path);
}

/** Start serving on `port` (0: any free port); resolves to {url, close}. */
export function serve(port = 0) {
  const server = createServer(async (req, res) => {
    const file = fileFor(new URL(req.url, "http://x").pathname);
    if (!file.startsWith(site) && !file.startsWith(pkg)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) =>
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      ok({ url, close: () => new Promise((done) => server.close(done)) });
    }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serve(Number(process.argv[2] ?? 8080));
  console.log(`web form at ${url}`);
}
