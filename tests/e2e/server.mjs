// The built site on 127.0.0.1 and a free port for end-to-end tests, served as a deployment serves
// it (scripts/site-server.mjs, which `make serve` uses too), and partner pages on another origin.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { TYPES, listen, siteHandler } from '../../scripts/site-server.mjs';

export { POLICY, DEPLOYMENT_HEADERS } from '../../scripts/site-server.mjs';

/**
 * Serves `root`, also under `/sub/path/` (to check the site works from any sub-path), with the
 * deployment's headers; returns { origin, close }.
 */
export async function serve(root) {
  const { origin, close } = await listen(siteHandler(() => root, { strip: /^\/sub\/path(?=\/)/ }));
  return { origin, close };
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
