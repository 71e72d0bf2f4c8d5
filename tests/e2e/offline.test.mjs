// Offline and censored networks: after one visit, the service worker (sw.js, written by `wjc
// site`) lets the list and the profiles a visitor opened reload with no network at all, and a new
// deployment is taken on the next visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, cardsReady, assertOnlyLocalRequests } from './browser.mjs';
import { serve } from './server.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const DATA = JSON.parse(readFileSync(join(ROOT, 'assets/data/prisoners.json'), 'utf8'));
const ALL = DATA.people.length;
// A copy of the built site, so a test can deploy a new version into it.
const SITE = join(ROOT, 'target', 'offline-test');
let env;

before(async () => {
  rmSync(SITE, { recursive: true, force: true });
  cpSync(join(ROOT, 'dist'), SITE, { recursive: true });
  env = await start({ server: await serve(SITE), serviceWorkers: 'allow' });
});
after(async () => {
  await env?.close();
  rmSync(SITE, { recursive: true, force: true });
});

/** Opens the list and waits until the service worker controls the page and has kept the app. */
async function visit(page) {
  await page.goto(`${env.origin}/`);
  await cardsReady(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await cardsReady(page);
  }
}

const count = (page) => page.locator('.wjc-results-bar__count').textContent();

test('after one visit, the list and a profile opened reload with no network', async () => {
  const page = await env.context.newPage();
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  await visit(page);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), `${env.origin}/sw.js`);
  // A profile opened as a shared link: its static page is kept too.
  const person = DATA.people.find((p) => p.id === 'ales-bialiatski');
  await page.goto(`${env.origin}/person/${person.id}.html`);
  await page.locator('h1#profile-title', { hasText: person.name }).waitFor();

  await env.context.setOffline(true);
  try {
    await page.goto(`${env.origin}/`);
    await cardsReady(page);
    assert.equal(await count(page), `${ALL} people`);
    // The list is the app's own saved copy, which says it is a copy.
    await page.locator('.wjc-notice--saved').waitFor();
    await page.getByLabel('Search', { exact: true }).fill('bialiatski');
    await page.locator('#wjc-root .wjc-card', { hasText: person.name }).waitFor();
    // The map's code and shapes were kept at the first visit, though the map was never opened.
    await page.getByRole('link', { name: 'Map', exact: true }).click();
    await page.locator('.wjc-map__svg path').first().waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);

    await page.goto(`${env.origin}/person/${person.id}.html`);
    await page.locator('h1#profile-title', { hasText: person.name }).waitFor();
    // A page never opened has no copy: the browser's own offline error, not a wrong page.
    await assert.rejects(page.goto(`${env.origin}/person/${DATA.people.find((p) => p.id !== person.id).id}.html`));
  } finally {
    await env.context.setOffline(false);
  }
  assertOnlyLocalRequests(page, env.origin);
  await page.close();
});

test('a new deployment is taken on the next visit, and the old version\'s files are let go', async () => {
  const page = await env.context.newPage();
  await visit(page);
  const before = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('wjc-site-files-')));
  assert.equal(before.length, 1);

  // Deploy: the list loses a person, and the worker (as every build's) names a new version.
  const fewer = structuredClone(DATA);
  fewer.people.pop();
  writeFileSync(join(SITE, 'data', 'list.json'), JSON.stringify(fewer));
  const worker = readFileSync(join(SITE, 'sw.js'), 'utf8');
  writeFileSync(join(SITE, 'sw.js'), worker.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = 'a$1'"));

  await page.goto(`${env.origin}/`);
  await cardsReady(page);
  assert.equal(await count(page), `${ALL - 1} people`, 'the new list on the next visit');
  await page.waitForFunction(async (old) => {
    const names = (await caches.keys()).filter((k) => k.startsWith('wjc-site-files-'));
    return names.length === 1 && names[0] !== old;
  }, before[0]);
  await page.close();
});

test('the saved list and the service worker\'s copies of the site\'s own files are all that is stored', async () => {
  const page = await env.context.newPage();
  await visit(page);
  await page.waitForFunction(async () => !!(await (await caches.open('without-just-cause-dataset')).match('data/list.json')));
  const stored = await page.evaluate(async () => {
    const entries = async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    const names = await caches.keys();
    return {
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
      caches: names.map((n) => n.replace(/^wjc-site-files-[0-9a-f]+$/, 'wjc-site-files-VERSION')).sort(),
      list: await entries('without-just-cause-dataset'),
      files: (await Promise.all(names.filter((n) => n.startsWith('wjc-site-files-')).map(entries))).flat(),
      pages: await entries('wjc-site-pages'),
      workers: (await navigator.serviceWorker.getRegistrations()).map((r) => new URL(r.active.scriptURL).pathname),
    };
  });
  assert.deepEqual({ ...stored, files: [], pages: [] }, {
    cookie: '', local: 0, session: 0, databases: 0,
    caches: ['without-just-cause-dataset', 'wjc-site-files-VERSION', 'wjc-site-pages'],
    list: ['/data/list.json'], files: [], pages: [], workers: ['/sw.js'],
  });
  // The site's own public files and the public pages opened, nothing else.
  for (const file of stored.files) assert.match(file, /^\/($|loader-|without-just-cause-|split-without-just-cause-|app-|favicon-|map\/world\.txt$)/, file);
  for (const path of stored.pages) assert.match(path, /^\/($|person\/[a-z0-9-]+\.html$)/, path);
  await page.close();
});
