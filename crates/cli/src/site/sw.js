// The site's service worker, written by `wjc site` for one build: after one visit the site reloads
// with no network (docs/privacy.md says what it keeps and how to clear it).
//
// - The app's files (content-hashed, so never stale) are kept at install and served from here.
// - Pages are asked of the network first, so a new deployment shows at once; a copy of each page
//   opened is kept, and served when the network fails or gives no answer within a few seconds.
// - A lean list's detail files (named by their content) are kept as profiles open them.
// - The list itself is not handled here: the app keeps its own copy and says how old it is.
const VERSION = '__VERSION__';
/** The files of this build to keep at install, relative to this script. */
const PRECACHE = __PRECACHE__;
/** How many opened pages are kept. */
const MAX_PAGES = 200;
/** How long a page may take to answer before the kept copy is shown instead. */
const PAGE_TIMEOUT_MS = 4000;
const PREFIX = 'wjc-site-';
const FILES = `${PREFIX}files-${VERSION}`;
const PAGES = `${PREFIX}pages`;
const KEPT = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$|\/data\/detail\/[^/]+\.json$/;
const SCOPE = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(FILES);
    await cache.addAll(PRECACHE.map((path) => new URL(path, SCOPE).href));
    // The next page load is this version's: the pages come from the network anyway.
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(`${PREFIX}files-`) && name !== FILES) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (request.mode === 'navigate') {
    event.respondWith(fresh(event, PAGES, url.href));
  } else if (KEPT.test(url.pathname)) {
    event.respondWith(kept(request));
  } else if (PRECACHE.some((path) => new URL(path, SCOPE).href === url.href)) {
    event.respondWith(fresh(event, FILES, url.href));
  }
});

/** A file named by its content: from the cache, or fetched once and kept. */
async function kept(request) {
  const cache = await caches.open(FILES);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** A page or a file whose name stays: from the network, a copy kept in the cache `name`; when the
 * network fails or is too slow, the kept copy (a page never opened has none: the list's page is
 * kept at install, and opens every profile). */
async function fresh(event, name, key) {
  const cache = await caches.open(name);
  const network = fetch(event.request).then(async (response) => {
    if (response.ok) {
      await cache.put(key, response.clone());
      if (name === PAGES) await trim(cache);
    }
    return response;
  });
  event.waitUntil(network.catch(() => null));
  const late = new Promise((resolve) => { setTimeout(resolve, PAGE_TIMEOUT_MS, null); });
  const answer = await Promise.race([network.catch(() => null), late]);
  if (answer) return answer;
  const copy = (await cache.match(key)) ?? (await caches.match(key === `${SCOPE}index.html` ? SCOPE : key));
  // Nothing kept: wait for the network after all, and let its answer or error show.
  return copy ?? network;
}

/** Keeps the most recently opened pages only, so a visitor reading many profiles of a long list
 * does not fill the disk. */
async function trim(cache) {
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(old);
}
