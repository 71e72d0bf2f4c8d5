// The static pages `wjc site` writes: the site with JavaScript off (Tor Browser "Safest"), with
// WebAssembly off ("Safer"), and the app taking them over when everything is on.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  start, open, cardsReady, cardNames, assertAccessible, assertOnlyLocalRequests, cspViolations, SHOTS,
} from './browser.mjs';

const DATA = JSON.parse(await readFile(new URL('../../assets/data/prisoners.json', import.meta.url), 'utf8'));
const ALL = DATA.people.length;
/** Cards on a page, as in the app (wjc_core::paging::PAGE_SIZE): the 37 people take two pages. */
const PAGE = 24;
const person = (id) => DATA.people.find((p) => p.id === id);

/**
 * Checks that a static list page shows `expected` people, each with name, country, status and
 * summary, its profile link `up` folders up; returns their ids.
 */
async function assertStaticPage(page, expected, up = '') {
  const cards = page.locator('#wjc-static .wjc-card');
  assert.equal(await cards.count(), expected);
  const ids = await cards.evaluateAll((all) => all.map((c) => c.id.replace(/^card-/, '')));
  for (const id of ids) {
    const p = person(id);
    const card = page.locator(`#wjc-static #card-${p.id}`);
    assert.equal(await card.locator('.wjc-card__name a').textContent(), p.name);
    assert.equal(await card.locator('.wjc-card__summary').textContent(), p.summary);
    assert.equal(await card.locator(`.wjc-badge--${p.status}`).count(), 1, p.id);
    assert.match(await card.locator('.wjc-card__country').textContent(), /\S/);
    assert.equal(await card.locator('.wjc-card__name a').getAttribute('href'), `${up}person/${p.id}.html`);
  }
  assert.equal(await page.locator('#wjc-static .wjc-results-bar__count').textContent(), `${ALL} people`);
  return ids;
}

describe('JavaScript off (Tor Browser at "Safest")', () => {
  let env;
  before(async () => { env = await start({ javaScriptEnabled: false }); });
  after(async () => { await env?.close(); });

  test('the list shows every person with name, country, status and summary, a page at a time', async () => {
    const page = await open(env, '/');
    assert.equal(await page.title(), DATA.title);
    assert.equal(await page.locator('h1').textContent(), DATA.title);
    const first = await assertStaticPage(page, PAGE);
    assert.ok(await page.locator('.wjc-static-note').isVisible(), 'the note says searching needs JavaScript');
    assert.match(await page.locator('#card-ales-bialiatski .wjc-card__country').textContent(), /Belarus/);
    assert.equal(await page.locator('.wjc-results-bar__page').textContent(), `Page 1 of 2: people 1 to ${PAGE}`);
    assert.equal(await page.locator('#wjc-root').count(), 0);
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/\/list\/2\.html$/);
    assert.match(await page.title(), /^Page 2 of 2 — /);
    const second = await assertStaticPage(page, ALL - PAGE, '../');
    assert.equal(await page.locator('.wjc-pages__link[aria-current=page]').textContent(), '2');
    assert.deepEqual([...first, ...second].sort(), DATA.people.map((p) => p.id).sort());
    await page.getByRole('link', { name: 'Page 1' }).click();
    await page.waitForURL(/\/index\.html$/);
    assertOnlyLocalRequests(page, env.origin);
    assert.deepEqual(page.errors, []);
    await page.screenshot({ path: `${SHOTS}static-list.png` });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.screenshot({ path: `${SHOTS}static-list-320.png` });
    await page.close();
  });

  test('a profile opens by its link and shows the facts; previous, next and back are links', async () => {
    const page = await open(env, '/list/2.html');
    await page.locator('#card-narges-mohammadi a').click();
    await page.waitForURL(/\/person\/narges-mohammadi\.html$/);
    assert.equal(await page.locator('h1').textContent(), 'Narges Mohammadi');
    assert.equal(await page.title(), `Narges Mohammadi — ${DATA.title}`);
    const facts = await page.locator('.wjc-facts').textContent();
    assert.match(facts, /9 years 8 months/);
    assert.match(facts, /Iran/);
    assert.equal(await page.locator('.wjc-profile__story p').first().textContent(), person('narges-mohammadi').story.split('\n\n')[0]);
    // Links out cannot reach back into the page or tell the other site where the visitor came from.
    for (const link of await page.locator('a[target=_blank]').all()) {
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
      assert.match(await link.getAttribute('href'), /^https?:\/\//);
    }
    await page.screenshot({ path: `${SHOTS}static-profile.png` });
    await page.getByRole('link', { name: /^Next/ }).click();
    assert.notEqual(await page.locator('h1').textContent(), 'Narges Mohammadi');
    await page.getByRole('link', { name: /^Previous/ }).click();
    assert.equal(await page.locator('h1').textContent(), 'Narges Mohammadi');
    // Back to the page of the list that holds her.
    await page.getByRole('link', { name: /Back to the list/ }).click();
    await page.waitForURL(/\/list\/2\.html$/);
    assert.equal(await page.locator('#card-narges-mohammadi').count(), 1);
    assert.equal(await page.locator('.wjc-card').count(), ALL - PAGE);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

describe('WebAssembly off (Tor Browser at "Safer")', () => {
  let env;
  // V8 without its JIT has no WebAssembly, as Tor Browser at "Safer" (`--noexpose_wasm` is no
  // longer honoured by this Chromium; the first test checks the global is really gone).
  before(async () => { env = await start({ args: ['--js-flags=--jitless'] }); });
  after(async () => { await env?.close(); });

  test('WebAssembly is really gone, the loader runs, and the static list stays', async () => {
    const page = await open(env, '/');
    await page.waitForLoadState('networkidle');
    assert.equal(await page.evaluate(() => typeof WebAssembly), 'undefined');
    assert.ok(page.requests.some((u) => /\/loader-[0-9a-f]{16}\.js$/.test(u)), 'the loader was requested');
    await assertStaticPage(page, PAGE);
    assert.equal(await page.locator('#wjc-root').count(), 0, 'the app did not start');
    assert.ok(await page.locator('.wjc-static-note').isVisible(), 'the note says searching needs WebAssembly');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(await cspViolations(page), []);
    await page.screenshot({ path: `${SHOTS}static-list-nowasm.png` });
    await page.close();
  });

  test('axe finds no violations on the static list and a static profile, at 320 px and 1280 px', async () => {
    for (const width of [320, 1280]) {
      for (const [path, what] of [['/', 'the static list'], ['/person/narges-mohammadi.html', 'a static profile']]) {
        const page = await open(env, path, { width, height: 800 });
        await page.waitForLoadState('networkidle');
        await page.locator('#wjc-static').waitFor();
        await assertAccessible(page, `${what} at ${width}px`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no horizontal scrolling on ${what} at ${width}px (${overflow})`);
        await page.keyboard.press('Tab');
        const skip = await page.evaluate(() => document.activeElement.getAttribute('href'));
        assert.ok(skip === '#results' || skip === '#profile-title', `skip link first (${skip})`);
        if (width === 320 && path !== '/') await page.screenshot({ path: `${SHOTS}static-profile-320.png`, fullPage: true });
        await page.close();
      }
    }
  });

  test('static pages work from a sub-path of the host, styles included', async () => {
    const page = await open(env, '/sub/path/person/kem-sokha.html');
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('h1').textContent(), 'Kem Sokha');
    const header = await page.locator('.wjc-header').evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.notEqual(header, 'rgba(0, 0, 0, 0)', 'the stylesheet loaded');
    assert.equal(await page.locator('.wjc-back').getAttribute('href'), '../index.html');
    await page.locator('.wjc-back').click();
    await page.waitForURL(/\/sub\/path\/index\.html$/);
    assert.equal(await page.locator('.wjc-card').count(), PAGE);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

describe('everything on: the app takes the static pages over', () => {
  let env;
  before(async () => { env = await start(); });
  after(async () => { await env?.close(); });

  /** Opens `path` with the dataset held back until `release()` is called. */
  async function openHeld(path, size) {
    const page = await env.context.newPage();
    if (size) await page.setViewportSize(size);
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route('**/data/list.json', async (route) => { await held; await route.continue(); });
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
    await page.goto(env.origin + path);
    return { page, release };
  }

  test('while the app loads the static list shows (no skeleton); then the app replaces it, once', async () => {
    const { page, release } = await openHeld('/');
    await page.locator('#wjc-root').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#wjc-root').isHidden(), true);
    assert.equal(await page.locator('#wjc-static .wjc-card').count(), PAGE);
    assert.equal(await page.locator('.wjc-skeleton:visible').count(), 0);
    release();
    await cardsReady(page);
    assert.equal(await page.locator('#wjc-static').count(), 0);
    assert.equal(await page.locator('.wjc-card').count(), PAGE, 'one list, not two');
    assert.equal(await page.locator('.wjc-header').count(), 1);
    assert.equal(await page.locator('.wjc-footer').count(), 1);
    assert.match(await page.locator('.wjc-card__name a').first().getAttribute('href'), /^#\/person\//);
    await page.getByLabel('Search', { exact: true }).fill('losik');
    assert.deepEqual(await cardNames(page), ['Ihar Losik']);
    assert.deepEqual(page.errors, []);
    await page.screenshot({ path: `${SHOTS}takeover-list.png` });
    await page.close();
  });

  test('nothing on screen moves as the app starts and takes the static list over, on a phone and a desktop', async () => {
    for (const size of [{ width: 360, height: 640 }, { width: 1280, height: 800 }]) {
      const page = await env.context.newPage();
      await page.setViewportSize(size);
      await page.addInitScript(() => {
        window.shifts = [];
        new PerformanceObserver((list) => {
          for (const shift of list.getEntries()) {
            window.shifts.push({ value: shift.value, moved: shift.sources.map((s) => s.node?.className ?? '?') });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      let release;
      const held = new Promise((ok) => { release = ok; });
      await page.route('**/data/list.json', async (route) => { await held; await route.continue(); });
      await page.goto(env.origin + '/');
      await page.locator('#wjc-root').waitFor({ state: 'attached' });
      // The app runs: the note that it is needed was never shown.
      assert.equal(await page.locator('.wjc-static-note').isVisible(), false);
      release();
      await cardsReady(page);
      await page.waitForTimeout(300);
      assert.deepEqual(await page.evaluate(() => window.shifts), [], `at ${size.width}×${size.height}`);
      await page.close();
    }
  });

  test('keyboard focus on a static card moves to the same card in the app', async () => {
    const { page, release } = await openHeld('/');
    await page.locator('#wjc-static #card-kem-sokha a').focus();
    release();
    await cardsReady(page);
    assert.equal(await page.evaluate(() => document.activeElement.closest('.wjc-card')?.id), 'card-kem-sokha');
    assert.equal(await page.evaluate(() => !!document.activeElement.closest('#wjc-root')), true);
    await page.close();
  });

  test('a static profile page becomes the app\'s profile at the app\'s address, and shares its own link', async () => {
    await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
    const page = await open(env, '/person/narges-mohammadi.html');
    await page.locator('#wjc-root h1#profile-title').waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(new URL(page.url()).hash, '#/person/narges-mohammadi');
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('#wjc-static').count(), 0);
    assert.equal(await page.title(), `Narges Mohammadi — ${DATA.title}`);
    // Headless Chromium has no share sheet: Share offers the link to copy.
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${env.origin}/person/narges-mohammadi.html`);
    // Back to the app's page of the list that holds her, on her card.
    await page.getByRole('link', { name: /Back to the list/ }).click();
    await cardsReady(page);
    assert.equal(new URL(page.url()).hash, '#/?page=2');
    assert.equal(await page.locator('.wjc-card').count(), ALL - PAGE);
    assert.equal(await page.locator('#card-narges-mohammadi').count(), 1);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a later static page of the list becomes the same page in the app', async () => {
    const { page, release } = await openHeld('/list/2.html');
    const shown = await page.locator('#wjc-static .wjc-card').evaluateAll((all) => all.map((c) => c.id));
    assert.equal(shown.length, ALL - PAGE);
    await page.locator(`#wjc-static #${shown[3]} a`).focus();
    release();
    await cardsReady(page);
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(new URL(page.url()).hash, '#/?page=2');
    assert.deepEqual(await page.locator('#wjc-root .wjc-card').evaluateAll((all) => all.map((c) => c.id)), shown);
    assert.equal(await page.evaluate(() => document.activeElement.closest('.wjc-card')?.id), shown[3]);
    assert.match(await page.title(), /^Page 2 of 2 — /);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('from a sub-path, a static profile starts the app there with the same data', async () => {
    const page = await open(env, '/sub/path/person/kem-sokha.html');
    await page.locator('#wjc-root h1#profile-title').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Kem Sokha');
    assert.equal(new URL(page.url()).pathname, '/sub/path/');
    assert.ok(page.requests.includes(`${env.origin}/sub/path/data/list.json`), 'data from the site root');
    assert.deepEqual(page.errors, []);
    await page.screenshot({ path: `${SHOTS}takeover-profile.png` });
    await page.close();
  });
});
