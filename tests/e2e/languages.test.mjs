// Every visitor in their language: the language control on the list, a profile and the map, a
// first visit from a Spanish browser, Russian plurals, Arabic right to left at 320 px, the static
// pages in every language without JavaScript, and search by the names of countries in them.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { start, open, cardsReady, assertAccessible, assertOnlyLocalRequests, SHOTS } from './browser.mjs';
import { serveHosts } from './server.mjs';

const DATA = JSON.parse(await readFile(new URL('../../assets/data/prisoners.json', import.meta.url), 'utf8'));
const ALL = DATA.people.length;
const heldIn = (code) => DATA.people.filter((p) => p.country === code).length;
const DIST = new URL('../../dist/', import.meta.url);
const LANGUAGES = ['en', 'es', 'fr', 'ru', 'ar', 'fa', 'zh-Hans'];

/** The document's language and direction. */
const pageLanguage = (page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

/** Waits until the app speaks `lang`. */
const speaks = (page, lang) => page.waitForFunction((l) => document.documentElement.lang === l, lang);

const count = (page) => page.locator('#wjc-root .wjc-results-bar__count').textContent();

describe('an English browser', () => {
  let env;
  before(async () => { env = await start(); });
  after(async () => { await env?.close(); });

  test('the language control switches the list, keeps the choice in the URL and across a reload', async () => {
    const page = await open(env, '/');
    await cardsReady(page);
    assert.deepEqual(await pageLanguage(page), ['en', 'ltr']);
    const control = page.getByRole('navigation', { name: 'Language' });
    assert.deepEqual(
      await control.getByRole('link').allTextContents(),
      ['English', 'Español', 'Français', 'Русский', 'العربية', 'فارسی', '中文'],
    );
    await control.getByRole('link', { name: 'Русский' }).click();
    await speaks(page, 'ru');
    assert.match(page.url(), /[?&]lang=ru/);
    assert.equal(await count(page), `${ALL} человек`);
    assert.equal(await page.locator('#wjc-root .wjc-card__country').first().evaluate((e) => /[а-яё]/i.test(e.textContent)), true);
    await page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: 'Русский' }).waitFor();
    // Searching in Russian for Belarus finds the people held there.
    await page.getByRole('searchbox').first().fill('Беларусь');
    await page.waitForFunction((n) => document.querySelector('#wjc-root .wjc-results-bar__count')?.textContent.startsWith(`${n} `), heldIn('BY'));
    await page.reload();
    await speaks(page, 'ru');
    await cardsReady(page);
    assert.match(await count(page), new RegExp(`^${heldIn('BY')} из ${ALL} человек$`));
    assert.deepEqual(page.errors, []);
    assertOnlyLocalRequests(page, env.origin);
    await page.close();
  });

  test('Russian plurals take their forms at 1, 3 and 37', async () => {
    const page = await open(env, '/#/?view=map&lang=ru');
    await speaks(page, 'ru');
    const country = (code, name) => page.locator(`#wjc-root a[aria-label^="${name}:"]`).first().getAttribute('aria-label');
    await page.locator('#wjc-root .wjc-map svg').first().waitFor();
    assert.match(await country('EG', 'Египет'), /^Египет: 1 человек/);
    assert.match(await country('BY', 'Беларусь'), /^Беларусь: 3 человека/);
    assert.match(await country('IR', 'Иран'), /^Иран: 7 человек/);
    assert.equal(await page.locator('#wjc-root .wjc-totals').first().evaluate((e) => e.textContent.includes('37')), true);
    await page.close();
  });

  test('a profile and the map switch language in place', async () => {
    const page = await open(env, '/#/person/ales-bialiatski');
    await page.locator('#wjc-root #profile-title').waitFor();
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
    await speaks(page, 'es');
    assert.equal(await page.locator('#wjc-root #profile-title').textContent(), 'Ales Bialiatski');
    assert.match(await page.locator('#wjc-root .wjc-back').textContent(), /Volver a la lista/);
    assert.match(await page.locator('#wjc-root .wjc-facts').textContent(), /Bielorrusia/);
    // The record's own texts stay English and say so; the interface's words are Spanish.
    const facts = await page.locator('#wjc-root .wjc-facts dd').evaluateAll((dds) => dds.map((d) => [d.previousElementSibling.textContent, d.getAttribute('lang')]));
    assert.deepEqual(facts.filter(([, lang]) => lang === 'en').map(([label]) => label), ['Ocupación']);
    assert.equal(await page.locator('#wjc-root .wjc-facts dd').first().getAttribute('lang'), null);
    await page.locator('#wjc-root .wjc-back').click();
    await page.waitForURL((u) => !u.hash.includes('person'));
    assert.match(page.url(), /lang=es/);
    await page.getByRole('link', { name: 'Mapa' }).first().click();
    await page.getByRole('heading', { name: 'Dónde están presas las personas' }).waitFor();
    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'Français' }).click();
    await speaks(page, 'fr');
    await page.getByRole('heading', { name: 'Où les personnes sont détenues' }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('Arabic is laid out right to left, and passes axe at 320 px', async () => {
    const page = await open(env, '/#/?lang=ar', { width: 320, height: 800 });
    await speaks(page, 'ar');
    await cardsReady(page);
    assert.deepEqual(await pageLanguage(page), ['ar', 'rtl']);
    // The list's start is on the right.
    const [card, viewport] = await page.evaluate(() => [document.querySelector('#wjc-root .wjc-card').getBoundingClientRect().right, window.innerWidth]);
    assert.ok(viewport - card < 40, `card ends ${viewport - card}px from the right`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
    await assertAccessible(page, 'the list in Arabic at 320 px');
    await page.screenshot({ path: `${SHOTS}arabic-320.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await assertAccessible(page, 'the list in Arabic at 1280 px');
    await page.screenshot({ path: `${SHOTS}arabic-1280.png` });
    await page.close();
  });
});

describe('a Spanish browser', () => {
  let env;
  before(async () => { env = await start({ locale: 'es-ES' }); });
  after(async () => { await env?.close(); });

  test('the first visit is in Spanish, and searching "Irán" finds the people held in Iran', async () => {
    const page = await open(env, '/');
    await speaks(page, 'es');
    await cardsReady(page);
    assert.equal(await count(page), `${ALL} personas`);
    assert.equal(await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'Español' }).getAttribute('aria-current'), 'true');
    await page.getByRole('searchbox').first().fill('Irán');
    await page.waitForFunction((n) => document.querySelector('#wjc-root .wjc-results-bar__count')?.textContent.startsWith(`${n} de `), heldIn('IR'));
    // English stays one click away, and the choice is in the URL.
    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
    await speaks(page, 'en');
    assert.match(page.url(), /lang=en/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

describe('JavaScript off', () => {
  let env;
  before(async () => { env = await start({ javaScriptEnabled: false }); });
  after(async () => { await env?.close(); });

  test('each language has its static pages, linked to each other', async () => {
    const page = await open(env, '/es/index.html');
    assert.deepEqual(await pageLanguage(page), ['es', 'ltr']);
    assert.equal(await page.locator('#wjc-static .wjc-results-bar__count').textContent(), `${ALL} personas`);
    const alternates = await page.locator('link[rel=alternate][hreflang]').evaluateAll((all) => all.map((l) => [l.hreflang, l.getAttribute('href')]));
    assert.deepEqual(alternates, [...LANGUAGES.map((l) => [l, l === 'en' ? '../index.html' : `../${l}/index.html`]), ['x-default', '../index.html']]);
    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL(/\/ar\/index\.html$/);
    assert.deepEqual(await pageLanguage(page), ['ar', 'rtl']);
    await page.locator('#card-ales-bialiatski a').first().click();
    await page.waitForURL(/\/ar\/person\/ales-bialiatski\.html$/);
    assert.deepEqual(await pageLanguage(page), ['ar', 'rtl']);
    assert.match(await page.locator('.wjc-facts').textContent(), /بيلاروس/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

test('each language file is downloaded only when chosen, and is at most 6 KB brotli', async () => {
  const files = await readdir(new URL('i18n/', DIST));
  assert.deepEqual(files.sort(), LANGUAGES.filter((l) => l !== 'en').map((l) => `${l}.json`).sort());
  for (const file of files) {
    const bytes = await readFile(new URL(`i18n/${file}`, DIST));
    const size = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    assert.ok(size <= 6 * 1024, `${file}: ${size} bytes brotli`);
  }
  const env = await start();
  const page = await open(env, '/');
  await cardsReady(page);
  assert.deepEqual(page.requests.filter((u) => u.includes('/i18n/')), []);
  await page.close();
  await env.close();
});

describe('the widget', () => {
  let env;
  let hosts;
  before(async () => {
    env = await start();
    hosts = await serveHosts(env.origin);
  });
  after(async () => {
    await hosts?.close();
    await env?.close();
  });

  /** A partner page in `pageLang` with one widget of `attributes`. */
  async function partner(name, pageLang, attributes) {
    hosts.put(`${name}.html`, `<!doctype html><html lang="${pageLang}"><head><meta charset="utf-8"><title>Partner</title>
<script type="module" src="__SITE__/widget.js"></script></head><body><main><h1>Partner</h1>
<wjc-widget id="widget" ${attributes}></wjc-widget></main></body></html>`);
    const page = await env.context.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    await page.goto(`${hosts.origin}/${name}.html`);
    return page;
  }

  test("takes its lang attribute, and the partner page's language otherwise, right to left in Arabic", async () => {
    const spanish = await partner('lang-es', 'en', 'lang="es" country="IR"');
    const inner = spanish.locator('#widget [lang="es"]').first();
    await inner.waitFor();
    await spanish.locator('#widget .wjc-card').first().waitFor();
    assert.match(await spanish.locator('#widget .wjc-card__country').first().textContent(), /Irán/);
    // The partner's page keeps its own language.
    assert.equal(await spanish.evaluate(() => document.documentElement.lang), 'en');
    await spanish.close();

    const arabic = await partner('lang-ar', 'ar', 'country="BY"');
    const root = arabic.locator('#widget [lang="ar"][dir="rtl"]').first();
    await root.waitFor();
    await arabic.locator('#widget .wjc-card').first().waitFor();
    assert.match(await arabic.locator('#widget .wjc-card__country').first().textContent(), /بيلاروس/);
    await arabic.screenshot({ path: `${SHOTS}widget-arabic.png` });
    assert.deepEqual(arabic.errors, []);
    await arabic.close();
  });
});

test("the embed dialog's snippets carry the language on screen", async () => {
  const env = await start();
  try {
    const page = await open(env, '/#/?lang=fr&country=BY');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await cardsReady(page);
    await page.locator('#wjc-root button[aria-haspopup=dialog]').first().click();
    // The dialog's body is a split part: its snippets appear once its module is in.
    await page.locator('#wjc-root textarea').nth(1).waitFor();
    const snippets = await page.locator('#wjc-root textarea').evaluateAll((all) => all.map((t) => t.value));
    assert.ok(snippets.length >= 2, `${snippets.length} snippets`);
    assert.match(snippets[0], /lang="fr"/);
    assert.match(snippets[1], /lang=fr/);
    await page.close();
  } finally {
    await env.close();
  }
});
