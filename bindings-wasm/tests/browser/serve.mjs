// A tiny static server for the web form: examples/web-form at /, and the
// browser build of the package (bindings-wasm/pkg/web) at /pkg/. No server
// logic: it only hands out files, compressed as a real server should (the
// .wasm is ~4x smaller with brotli), with Content-Encoding to a browser that
// accepts it. Run by hand with
//   node bindings-wasm/tests/browser/serve.mjs [port]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
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

const COMPRESSIBLE = new Set([".html", ".js", ".css", ".wasm", ".json", ".webmanifest"]);
const packed = new Map(); // file -> {mtime, br, gzip}

/** The file's body in the best encoding the request accepts: a precompressed
 * sibling (`.br`, `.gz`, written by scripts/test-wasm.sh as a real deployment
 * would) when there is one, else compressed here once (fast settings) and kept. */
async function encoded(file, body, accept) {
  if (!COMPRESSIBLE.has(extname(file))) return { body };
  const { mtimeMs } = await stat(file);
  let p = packed.get(file);
  if (!p || p.mtime !== mtimeMs) {
    const sibling = (ext) => readFile(`${file}${ext}`).catch(() => null);
    p = {
      mtime: mtimeMs,
      br: (await sibling(".br")) ?? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
      gzip: (await sibling(".gz")) ?? gzipSync(body, { level: 9 }),
    };
    packed.set(file, p);
  }
  if (/\bbr\b/.test(accept)) return { body: p.br, encoding: "br" };
  if (/\bgzip\b/.test(accept)) return { body: p.gzip, encoding: "gzip" };
  return { body };
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
      const raw = await readFile(file);
      const { body, encoding } = await encoded(file, raw, String(req.headers["accept-encoding"] ?? ""));
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache", vary: "accept-encoding" };
      if (encoding) headers["content-encoding"] = encoding;
      res.writeHead(200, headers);
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
