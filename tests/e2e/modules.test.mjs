// Split code (issue 19): the first screen fetches only the main module; the map, a profile and the
// Embed dialog fetch their own the first time they are opened; a module that fails gives a clear
// message and Try again, and recovers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, cardsReady, cardNames, cspViolations, assertAccessible, SHOTS } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** The split modules (`split-…wasm`) the page has fetched so far, by part (map, profile, embed, chunk-N). */
const modules = (page) => page.requests
  .map((u) => new URL(u).pathname.match(/\/split-without-just-cause-([a-z]+(?:-\d+)?)-[0-9a-f]{16}\.wasm$/)?.[1])
  .filter(Boolean);
const parts = (page) => modules(page).filter((m) => !m.startsWith('chunk-'));

test('the list answers a search on the main module alone; each part fetches its module when first opened', async () => {
  const page = await open(env, '/');
  await cardsReady(page);
  await page.getByRole('searchbox').fill('belarus');
  await page.waitForFunction(() => document.querySelectorAll('#wjc-root .wjc-card').length > 0
    && [...document.querySelectorAll('#wjc-root .wjc-card__country')].every((c) => /Belarus/.test(c.textContent)));
  const main = page.requests.filter((u) => /without-just-cause-[0-9a-f]{16}_bg\.wasm$/.test(u));
  assert.equal(main.length, 1, 'the main module is fetched once');
  assert.deepEqual(parts(page), [], 'no part is fetched before it is needed');

  // The map: its module, then its shapes.
  await page.getByRole('link', { name: 'Map', exact: true }).click();
  await page.locator('.wjc-map__svg path').first().waitFor();
  assert.deepEqual(parts(page), ['map']);

  // A profile, from a card.
  await page.getByRole('link', { name: 'List', exact: true }).click();
  const first = (await cardNames(page))[0];
  await page.locator('.wjc-card__name a').first().click();
  await page.getByRole('heading', { level: 1, name: first }).waitFor();
  assert.deepEqual(parts(page).sort(), ['map', 'profile']);

  // The Embed dialog, back on the list.
  await page.goBack();
  await cardsReady(page);
  await page.getByRole('button', { name: 'Embed' }).click();
  await page.locator('#wjc-embed-script').waitFor();
  assert.match(await page.locator('#wjc-embed-script').inputValue(), /<wjc-widget/);
  assert.deepEqual(parts(page).sort(), ['embed', 'map', 'profile']);
  // Each module once, however often its part opened.
  assert.equal(new Set(modules(page)).size, modules(page).length, `fetched twice: ${modules(page)}`);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.close();
});

test('a profile opened from its own address loads its module with the app', async () => {
  const page = await open(env, '/person/kem-sokha.html');
  await page.locator('#wjc-root:not([hidden]) h1#profile-title').waitFor();
  assert.equal(await page.locator('#wjc-root h1').textContent(), 'Kem Sokha');
  assert.deepEqual(parts(page), ['profile']);
  assert.deepEqual(page.errors.filter((e) => !/favicon/.test(e)), []);
  await page.close();
});

test('pointing at the Map link or a card fetches their module ahead of the click', async () => {
  const page = await open(env, '/');
  await cardsReady(page);
  await page.getByRole('link', { name: 'Map', exact: true }).hover();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split-without-just-cause-map-/.test(e.name)));
  await page.locator('.wjc-card__name a').first().focus();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split-without-just-cause-profile-/.test(e.name)));
  assert.deepEqual(parts(page).sort(), ['map', 'profile']);
  await page.close();
});

test('a module that fails to load says so with Try again, and Try again recovers', async () => {
  const page = await env.context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  let failing = true;
  await page.route(/split-without-just-cause-map-[0-9a-f]{16}\.wasm$/, (route) => (failing
    ? route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' })
    : route.continue()));
  await page.goto(`${env.origin}/`);
  await cardsReady(page);
  await page.getByRole('link', { name: 'Map', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /This part of the page could not be loaded/);
  // The rest of the app goes on working: the list is one click away, the search still answers.
  assert.equal(await page.getByRole('searchbox').isEnabled(), true);
  await assertAccessible(page, 'a part that failed to load');
  await page.screenshot({ path: `${SHOTS}/module-failed.png` });

  failing = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.locator('.wjc-map__svg path').first().waitFor();
  assert.equal(await alert.count(), 0);
  assert.deepEqual(page.errors, [], 'no uncaught error (a panic would abort the app)');
  await page.close();
});

/** Opens `path` in a browser without service workers (as private windows of some browsers are). */
function withoutServiceWorkers(path, { saveData = false } = {}) {
  return open(env, path, {
    init: (saveData) => {
      delete Navigator.prototype.serviceWorker;
      if (saveData) Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) });
    },
    arg: saveData,
  });
}

test('without a service worker, the parts are fetched while the browser is idle, and open with no network', async () => {
  const page = await withoutServiceWorkers('/');
  await cardsReady(page);
  assert.equal(await page.evaluate(() => 'serviceWorker' in navigator), false);
  await page.waitForFunction(() => ['map', 'profile', 'embed'].every((part) => performance.getEntriesByType('resource')
    .some((e) => new RegExp(`split-without-just-cause-${part}-`).test(e.name))), null, { timeout: 20_000 });
  // Nothing asked the network for them twice, and the search answers as before.
  assert.equal(new Set(modules(page)).size, modules(page).length, `fetched twice: ${modules(page)}`);
  await env.context.setOffline(true);
  try {
    await page.getByRole('button', { name: 'Embed' }).click();
    await page.locator('#wjc-embed-script').waitFor();
    assert.match(await page.locator('#wjc-embed-script').inputValue(), /<wjc-widget/);
  } finally {
    await env.context.setOffline(false);
  }
  // The dialog's preview frame (embed.html) cannot load with no network; nothing else may fail.
  assert.deepEqual(page.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await page.close();
});

test('a visitor saving data gets no part before it is opened', async () => {
  const page = await withoutServiceWorkers('/', { saveData: true });
  await cardsReady(page);
  // Longer than the wait where the browser cannot say when it is idle (browser.rs).
  await page.waitForTimeout(3_000);
  assert.deepEqual(parts(page), []);
  await page.getByRole('link', { name: 'Map', exact: true }).click();
  await page.locator('.wjc-map__svg path').first().waitFor();
  assert.deepEqual(parts(page), ['map']);
  await page.close();
});
