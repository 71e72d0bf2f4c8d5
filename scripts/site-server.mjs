// Serves a built site as a deployment serves it (docs/deploying.md): the strict
// Content-Security-Policy and the other security headers, each file's type, the caching rules, and
// a plain 404 for a missing file (never a page in its place, which the app would try to read as the
// list). `make serve` and the end-to-end tests both serve through this module.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** `Content-Type` by file extension (docs/deploying.md's table, with PNG and XML for later files). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
};

/**
 * The policy docs/deploying.md asks hosts to send: WebAssembly may compile, nothing inline runs,
 * and every request (images included) goes to the site itself, so no slip in the data can make a
 * visitor's browser contact a third party. The pages' `<meta>` copy is the same less
 * `frame-ancestors` (crates/cli/src/site/shell.rs; the end-to-end tests compare them).
 */
export const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/** The headers every response carries. CORS lets partner pages load the widget's module,
 * WebAssembly, stylesheet and data (docs/embedding.md). */
export const DEPLOYMENT_HEADERS = {
  'content-security-policy': POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'access-control-allow-origin': '*',
};

/** Files whose name carries 16 hex digits of their content never change under that name. */
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$/;
/** The addresses partners paste into their pages keep their names: a short lifetime. */
const PARTNER_FILES = /(^|\/)(widget\.js|embed\.js|embed\.html)$/;

/** The `Cache-Control` docs/deploying.md gives for the site's file at `path` (relative, `/`-separated). */
export function cacheControl(path) {
  if (HASHED.test(path) || path.startsWith('data/detail/')) return 'public, max-age=31536000, immutable';
  if (PARTNER_FILES.test(path)) return 'public, max-age=300';
  return 'no-cache';
}

/** Every header for the site's file at `path`, but its length. The iframe embed's page may be
 * framed by any partner: only its frame-ancestors differ. */
export function headersFor(path) {
  const headers = {
    ...DEPLOYMENT_HEADERS,
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'cache-control': cacheControl(path),
  };
  if (/(^|\/)embed\.html$/.test(path)) {
    headers['content-security-policy'] = POLICY.replace("frame-ancestors 'self'", 'frame-ancestors *');
  }
  return headers;
}

/**
 * A request handler serving the folder `root()` returns (a function, so `make serve` can swap in
 * a new build between two requests). `strip` is a prefix taken off every path first, as a host
 * serving the site under a sub-path does.
 */
export function siteHandler(root, { strip } = {}) {
  return async (req, res) => {
    const base = resolve(root());
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400, { ...DEPLOYMENT_HEADERS, 'content-type': TYPES['.txt'] }).end('bad address');
      return;
    }
    if (strip) path = path.replace(strip, '');
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403, { ...DEPLOYMENT_HEADERS, 'content-type': TYPES['.txt'] }).end('forbidden');
      return;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    const body = info?.isFile() ? await readFile(file).catch(() => null) : null;
    if (!body) {
      res.writeHead(404, { ...DEPLOYMENT_HEADERS, 'content-type': TYPES['.txt'], 'cache-control': 'no-cache' }).end('not found');
      return;
    }
    const headers = headersFor(file.slice(base.length + 1).split(sep).join('/'));
    // A validator, so `no-cache` files are checked with a conditional request, as on a real host.
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    headers.etag = etag;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** Listens with `handler` on 127.0.0.1 at `port` (0: a free one); returns { server, origin, close }. */
export async function listen(handler, port = 0) {
  const server = createServer(handler);
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { server, origin, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }) };
}
