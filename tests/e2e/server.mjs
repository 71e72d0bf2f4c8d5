// A static file server for dist/ on 127.0.0.1 and a free port, for end-to-end tests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The policy docs/deploying.md asks hosts to send (issue 7): WebAssembly may compile, nothing inline runs. */
export const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/** The response headers of a deployment as docs/deploying.md describes it. CORS lets partner pages
 * load the widget's module, WebAssembly, stylesheet and data (docs/embedding.md). */
export const DEPLOYMENT_HEADERS = {
  'content-security-policy': POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'access-control-allow-origin': '*',
};

/** The iframe embed's page may be framed by any partner: only its frame-ancestors differ. */
function headersFor(path, headers) {
  const policy = headers['content-security-policy'];
  if (!path.endsWith('/embed.html') || !policy) return headers;
  return { ...headers, 'content-security-policy': policy.replace("frame-ancestors 'self'", 'frame-ancestors *') };
}

/**
 * Serves `root` (also under `/sub/path/`, to check the site works from any sub-path) with
 * `headers` on every response; returns { origin, close }.
 */
export async function serve(root, { headers = DEPLOYMENT_HEADERS } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/sub\/path(?=\/)/, '');
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { ...headersFor(file, headers), 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Serves the partner pages of tests/e2e/hosts/ from another origin than the site, as a partner's
 * server would: `__SITE__` in them becomes the site's origin, and a page listed in `policies`
 * is sent with that Content-Security-Policy (`__SITE__` replaced too). `put(name, html)` adds a
 * page, as a partner pasting a snippet would. Returns { origin, close, put }.
 */
export async function serveHosts(site, policies = {}) {
  const dir = new URL('./hosts/', import.meta.url).pathname;
  const pasted = new Map();
  const server = createServer(async (req, res) => {
    const name = new URL(req.url, 'http://x').pathname.split('/').pop();
    const body = pasted.get(name) ?? await readFile(join(dir, name), 'utf8').catch(() => null);
    if (body === null || !/^[a-z-]+\.(html|css)$/.test(name)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[extname(name)] };
    if (policies[name]) headers['content-security-policy'] = policies[name].replaceAll('__SITE__', site);
    res.writeHead(200, headers).end(body.replaceAll('__SITE__', site));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  // "localhost", not 127.0.0.1: another origin than the site, as a partner's page is.
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise((ok) => server.close(ok)),
    put: (name, html) => pasted.set(name, html),
  };
}
