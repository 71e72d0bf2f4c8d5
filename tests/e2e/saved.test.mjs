// The last good list, kept in the browser: a visitor who has seen the list once still sees it
// when the next load fails, with a note saying how old the copy is; without a copy, the error.
// The copy is the only thing the site stores.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, cardsReady, assertAccessible, assertOnlyLocalRequests, SHOTS } from './browser.mjs';

const DATA = JSON.parse(await readFile(new URL('../../assets/data/prisoners.json', import.meta.url), 'utf8'));
const ALL = DATA.people.length;
/** Cards on the first page (wjc_core::paging::PAGE_SIZE is 24): the whole list is on two pages. */
const FIRST = Math.min(ALL, 24);
const CACHE = 'without-just-cause-dataset';
let env;

before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function newPage() {
  const page = await env.context.newPage();
  page.requests = [];
  page.errors = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && page.errors.push(m.text()));
  return page;
}

/** Loads the list and waits until the browser has saved its copy. */
async function loadAndSave(page) {
  await page.goto(env.origin + '/');
  await cardsReady(page);
  await page.waitForFunction(async (name) => !!(await (await caches.open(name)).match('data/list.json')), CACHE);
}

/** Makes every dataset request fail as if the site were unreachable; returns the attempt count. */
async function unreachable(page) {
  const attempts = { count: 0 };
  await page.route('**/data/list.json', (route) => { attempts.count += 1; return route.abort('connectionrefused'); });
  return attempts;
}

test('with nothing saved, an unreachable site ends in a notice over the static list after three tries', async () => {
  const page = await newPage();
  const attempts = await unreachable(page);
  await page.goto(env.origin + '/');
  await page.locator('#wjc-root .wjc-retry-note', { hasText: 'the site could not be reached' }).waitFor({ state: 'attached' });
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 15_000 });
  assert.match(await alert.textContent(), /The site could not be reached/);
  assert.equal(attempts.count, 3);
  // The static list stays under the notice; the app has no list of its own.
  assert.equal(await page.locator('#wjc-root .wjc-card').count(), 0);
  assert.equal(await page.locator('#wjc-static .wjc-card').count(), FIRST);
  await page.screenshot({ path: `${SHOTS}unreachable-error.png` });
  await page.close();
});

test('a reload that cannot reach the site shows the saved list with its age, and Retry fetches the latest', async () => {
  const page = await newPage();
  await loadAndSave(page);
  const attempts = await unreachable(page);
  await page.reload();
  await cardsReady(page);
  assert.equal(await page.locator('.wjc-card').count(), FIRST);
  const note = page.locator('.wjc-notice--saved');
  // (On a slow machine the copy may show first as "not arrived yet": the three tries end first.)
  await note.locator('.wjc-notice__text', { hasText: 'could not be loaded' }).waitFor();
  assert.equal(attempts.count, 3, 'the note says the list failed after the retries');
  assert.equal(await note.locator('.wjc-notice__text').textContent(),
    'Showing a copy saved less than a minute ago — the latest list could not be loaded.');
  await note.locator('summary').click();
  assert.match(await note.textContent(), /The site could not be reached/);
  assert.equal(await page.getByRole('alert').count(), 0);
  await assertAccessible(page, 'the list from a saved copy');
  await page.screenshot({ path: `${SHOTS}saved-copy.png` });

  // Search and profiles work on the saved copy.
  await page.getByLabel('Search', { exact: true }).fill('losik');
  assert.deepEqual(await page.locator('.wjc-card__name a').allTextContents(), ['Ihar Losik']);
  await page.getByLabel('Search', { exact: true }).fill('');

  await page.unroute('**/data/list.json');
  await note.getByRole('button', { name: 'Try again' }).click();
  await note.waitFor({ state: 'detached' });
  await cardsReady(page);
  assert.equal(await page.locator('.wjc-card').count(), FIRST);
  assert.deepEqual(page.errors, []);
  assertOnlyLocalRequests(page, env.origin);
  await page.close();
});

test('on a network that never answers, the saved copy shows within 10 s, and the latest list replaces it when it comes', async () => {
  const page = await newPage();
  await loadAndSave(page);
  // The list's request hangs until the test lets it through.
  const held = [];
  await page.route('**/data/list.json', (route) => { held.push(route); });
  await page.clock.install();
  await page.reload();
  await page.waitForFunction(() => document.querySelector('#wjc-root') !== null);
  const note = page.locator('.wjc-notice--saved');
  await page.clock.runFor(7_000);
  assert.equal(await note.count(), 0, 'nothing from the copy before 8 s');
  await page.clock.runFor(1_500);
  await note.waitFor();
  await cardsReady(page);
  assert.equal(await page.locator('.wjc-card').count(), FIRST);
  assert.equal(await note.locator('.wjc-notice__text').textContent(),
    'Showing a copy saved less than a minute ago — the latest list has not arrived yet.');
  assert.equal(await note.getByRole('button').textContent(), 'Checking for the latest list…');
  assert.equal(await note.locator('summary').count(), 0, 'no failure to detail yet');
  assert.equal(held.length, 1, 'still the first try');
  await assertAccessible(page, 'the saved copy while the list is on its way');
  await page.getByLabel('Search', { exact: true }).fill('losik');
  assert.deepEqual(await page.locator('.wjc-card__name a').allTextContents(), ['Ihar Losik']);
  // The list answers: it takes the copy's place, the search kept.
  await held[0].continue();
  await note.waitFor({ state: 'detached' });
  assert.deepEqual(await page.locator('.wjc-card__name a').allTextContents(), ['Ihar Losik']);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a copy saved three days ago says so; a broken latest file falls back to it at once', async () => {
  const saving = await newPage();
  await saving.clock.install({ time: new Date('2026-03-01T09:00:00Z') });
  await loadAndSave(saving);
  await saving.close();

  const page = await newPage();
  await page.clock.install({ time: new Date('2026-03-04T10:30:00Z') });
  let attempts = 0;
  await page.route('**/data/list.json', (route) => {
    attempts += 1;
    return route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1,\n "people": [,]}' });
  });
  await page.goto(env.origin + '/#/person/ales-bialiatski');
  await page.locator('h1#profile-title').waitFor();
  assert.equal(attempts, 1, 'bad data is not retried');
  const note = page.locator('.wjc-notice--saved');
  assert.equal(await note.locator('.wjc-notice__text').textContent(),
    'Showing a copy saved 3 days ago — the latest list could not be loaded.');
  await note.locator('summary').click();
  assert.match(await note.textContent(), /not valid JSON \(line 2, column 13\)/);
  await page.screenshot({ path: `${SHOTS}saved-copy-3-days.png` });
  await page.close();
});

test('the saved copy is the only thing the app itself stores: no cookies, no local or session storage, no databases (the service worker\'s files: offline.test.mjs)', async () => {
  const page = await newPage();
  await loadAndSave(page);
  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: await caches.keys(),
    entries: (await (await caches.open('without-just-cause-dataset')).keys()).map((r) => new URL(r.url).pathname),
    workers: (await navigator.serviceWorker?.getRegistrations() ?? []).length,
  }));
  assert.deepEqual(stored, {
    cookie: '', local: 0, session: 0, databases: 0, caches: [CACHE], entries: ['/data/list.json'], workers: 0,
  });
  await page.close();
});
