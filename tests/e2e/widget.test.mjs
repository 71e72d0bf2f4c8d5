// The embeddable widget (issue 5) on partner pages served from another origin than the site:
// hostile styles and routing, two widgets, a strict partner policy, the iframe embed resizing,
// bad attributes, a failed dataset, and axe inside the widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { start, SHOTS } from './browser.mjs';
import { serveHosts } from './server.mjs';

const DATA = JSON.parse(await readFile(new URL('../../assets/data/prisoners.json', import.meta.url), 'utf8'));
const namesWhere = (keep) => DATA.people.filter(keep).map((p) => p.name).sort((a, b) => a.localeCompare(b));

// What docs/embedding.md asks partners to allow, and nothing else.
const STRICT = "default-src 'self'; script-src 'self' __SITE__ 'wasm-unsafe-eval'; connect-src 'self' __SITE__; "
  + "frame-src __SITE__; img-src 'self' __SITE__; style-src 'self'; object-src 'none'; base-uri 'none'";

let env;
let hosts;

before(async () => {
  env = await start();
  hosts = await serveHosts(env.origin, { 'strict.html': STRICT });
});
after(async () => {
  await hosts?.close();
  await env?.close();
});

/** Resolves once `check()` is true, or fails naming `what` after 20 s. */
async function poll(check, what) {
  for (const deadline = Date.now() + 20000; Date.now() < deadline;) {
    if (await check()) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`timed out: ${what}`);
}

/** Opens a partner page, recording console messages, errors and requests. */
async function partner(name, { width = 1280, height = 900 } = {}) {
  const page = await env.context.newPage();
  await page.setViewportSize({ width, height });
  page.messages = [];
  page.errors = [];
  page.requests = [];
  page.on('console', (m) => page.messages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('request', (r) => page.requests.push(r.url()));
  await page.goto(`${hosts.origin}/${name}.html`);
  return page;
}

/** The widget `selector`'s card names once its cards are drawn (Playwright pierces open shadow roots). */
async function widgetNames(page, selector = '#widget') {
  const widget = page.locator(selector);
  await widget.locator('.wjc-card').first().waitFor();
  return (await widget.locator('.wjc-card__name a').allTextContents()).sort((a, b) => a.localeCompare(b));
}

/** Computed styles that partner CSS would change if it leaked in. */
async function cardStyle(page) {
  return page.locator('#widget .wjc-card').first().evaluate((card) => {
    const pick = (el, props) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el)[p]]));
    const text = ['fontFamily', 'fontSize', 'lineHeight', 'letterSpacing', 'textTransform', 'color', 'textAlign', 'fontStyle'];
    const box = ['display', 'padding', 'margin', 'borderTopStyle', 'borderTopWidth', 'backgroundColor', 'boxSizing'];
    const name = card.querySelector('.wjc-card__name');
    const link = card.querySelector('a');
    return {
      card: pick(card, [...text, ...box]),
      name: pick(name, ['fontSize', 'margin', 'display']),
      link: pick(link, ['color', 'textDecorationLine']),
      list: pick(card.parentElement, ['display', 'padding', 'listStyleType']),
    };
  });
}

test('the preset shows exactly the people held by China, untouched by hostile partner styles', async () => {
  const plain = await partner('plain');
  const hostile = await partner('hostile');
  const china = namesWhere((p) => p.country === 'CN');
  assert.ok(china.length >= 3);
  assert.deepEqual(await widgetNames(plain), china);
  assert.deepEqual(await widgetNames(hostile), china);
  assert.deepEqual(await cardStyle(hostile), await cardStyle(plain), 'partner CSS leaked into the widget');
  // The widget's styles stay inside it: the partner's own elements keep theirs.
  const host = await hostile.evaluate(() => {
    const style = (id, prop) => getComputedStyle(document.getElementById(id))[prop];
    return {
      div: [style('host-div', 'color'), style('host-div', 'backgroundColor'), style('host-div', 'display')],
      button: [style('host-button', 'color'), style('host-button', 'fontSize')],
      link: [style('host-link', 'color'), style('host-link', 'textDecorationLine')],
      sheets: document.styleSheets.length,
    };
  });
  assert.deepEqual(host, {
    div: ['rgb(255, 0, 0)', 'rgb(255, 255, 0)', 'inline'],
    button: ['rgb(0, 0, 255)', '40px'],
    link: ['rgb(255, 0, 255)', 'line-through'],
    sheets: 1,
  });
  await hostile.screenshot({ path: `${SHOTS}widget-hostile.png`, fullPage: true });
  await plain.close();
  await hostile.close();
});

test('once its cards show, the widget fetches its map and profile modules while the page is idle', async () => {
  const page = await partner('plain');
  await widgetNames(page);
  const fetched = (part) => page.requests.some((u) => new RegExp(`/split-wjc-widget-${part}-[0-9a-f]{16}\\.wasm$`).test(u));
  await poll(() => fetched('map') && fetched('profile'), 'the map and profile modules fetched ahead');
  // A profile then opens without waiting for its code.
  await page.locator('#widget .wjc-card__name a').first().click();
  await page.locator('#widget #profile-title').waitFor();
  assert.equal(page.requests.filter((u) => /split-wjc-widget-profile-/.test(u)).length, 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('clicking through the widget never touches the partner URL, history or title', async () => {
  const page = await partner('hostile');
  await widgetNames(page);
  // The partner's router moves first, so the widget is checked against a page with history.
  await page.getByRole('link', { name: 'About', exact: true }).click();
  const before = await page.evaluate(() => ({ url: location.href, title: document.title, length: history.length }));
  assert.match(before.url, /#about$/);
  const widget = page.locator('#widget');
  const first = namesWhere((p) => p.country === 'CN')[0];
  await widget.getByRole('link', { name: first }).click();
  await widget.locator('#profile-title').waitFor();
  assert.equal(await widget.locator('#profile-title').textContent(), first);
  // Focus moved to the profile's heading, inside the widget.
  assert.equal(await widget.evaluate((el) => el.shadowRoot.activeElement?.id), 'profile-title');
  await widget.locator('.wjc-pager a').first().click();
  await widget.getByRole('link', { name: /Back/ }).click();
  await widget.locator('.wjc-card').first().waitFor();
  await widget.getByLabel('Search', { exact: true }).fill('uyghur');
  await widget.locator('.wjc-card').first().waitFor();
  const after = await page.evaluate(() => ({ url: location.href, title: document.title, length: history.length }));
  assert.deepEqual(after, before);
  // The partner's router still works.
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  assert.equal(await page.locator('#route').textContent(), 'Route: /hostile.html#home');
  // Nothing stored: no cookies, no storage, no Cache Storage entries for the site.
  const stored = await page.evaluate(async () => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length }));
  assert.deepEqual(stored, { cookie: '', local: 0, session: 0 });
  const cookies = await env.context.cookies();
  assert.deepEqual(cookies, []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('two widgets with different presets work independently and share one download', async () => {
  const page = await partner('two');
  assert.deepEqual(await widgetNames(page, '#belarus'), namesWhere((p) => p.country === 'BY'));
  const released = page.locator('#released');
  await released.locator('.wjc-card').first().waitFor();
  assert.equal(await released.locator('.wjc-card').count(), 2, 'limit="2"');
  const all = namesWhere((p) => p.status === 'released');
  assert.equal(await released.getByRole('link', { name: `See all ${all.length} people on the campaign site (opens in a new tab)` }).count(), 1);
  // compact: no search box, and the dark theme.
  assert.equal(await released.getByLabel('Search', { exact: true }).count(), 0);
  const dark = await released.locator('.wjc-widget').evaluate((el) => getComputedStyle(el).backgroundColor);
  const light = await page.locator('#belarus .wjc-widget').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(dark, 'rgb(18, 20, 22)');
  assert.equal(light, 'rgb(247, 247, 245)');
  // Searching one leaves the other alone.
  await page.locator('#belarus').getByLabel('Search', { exact: true }).fill('bialiatski');
  await page.waitForFunction(() => document.querySelector('#belarus').shadowRoot.querySelectorAll('.wjc-card').length === 1);
  assert.equal(await released.locator('.wjc-card').count(), 2);
  const count = (suffix) => page.requests.filter((u) => new URL(u).pathname.endsWith(suffix)).length;
  assert.equal(count('/list.json'), 1, 'one download of the data');
  assert.equal(count('_bg.wasm'), 1, 'one download of the code');
  assert.equal(count('/widget.js'), 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a changed attribute updates the widget; a bad one is ignored with one warning naming it', async () => {
  const page = await partner('two');
  await widgetNames(page, '#belarus');
  await page.evaluate(() => document.querySelector('#belarus').setAttribute('country', 'IR'));
  await page.waitForFunction(() => [...document.querySelector('#belarus').shadowRoot.querySelectorAll('.wjc-card__country')]
    .every((c) => c.textContent.includes('Iran')));
  assert.deepEqual(await widgetNames(page, '#belarus'), namesWhere((p) => p.country === 'IR'));
  await page.evaluate(() => document.querySelector('#belarus').setAttribute('limit', 'plenty'));
  await page.evaluate(() => document.querySelector('#belarus').setAttribute('view', 'map'));
  await page.locator('#belarus .wjc-map__country').first().waitFor();
  assert.equal(await page.locator('#belarus .wjc-card').count(), 0, 'view="map" shows no cards');
  const warnings = page.messages.filter((m) => m.type === 'warning').map((m) => m.text);
  assert.deepEqual(warnings, ['<wjc-widget>: ignored limit="plenty": expected a whole number from 1 to 100']);
  await page.close();

  const bad = await partner('warnings');
  await bad.locator('#bad .wjc-card').first().waitFor();
  // Every bad attribute named once; the good part of each (country BY) still applies.
  const named = bad.messages.filter((m) => m.type === 'warning').map((m) => m.text.match(/ignored (\w+)=/)?.[1]).sort();
  assert.deepEqual(named, ['country', 'dataset', 'limit', 'link', 'theme', 'view']);
  assert.deepEqual(await widgetNames(bad, '#bad'), namesWhere((p) => p.country === 'BY'));
  // The dataset that cannot be loaded: a small message in its own box, the page unaffected.
  const missing = bad.locator('#missing');
  await missing.getByRole('alert').waitFor();
  assert.match(await missing.getByRole('alert').textContent(), /could not be loaded|404/i);
  assert.equal(await missing.getByRole('button', { name: 'Try again' }).count(), 1);
  assert.equal(await bad.locator('#after').textContent(), 'The rest of the page');
  assert.deepEqual(bad.errors, []);
  await bad.close();
});

test('under a strict partner policy both embeds work with no violation', async () => {
  const page = await partner('strict');
  const response = await page.request.get(`${hosts.origin}/strict.html`);
  assert.match(response.headers()['content-security-policy'], /^default-src 'self'; script-src 'self' http:\/\/127\.0\.0\.1:\d+ 'wasm-unsafe-eval'/);
  assert.deepEqual(await widgetNames(page), namesWhere((p) => p.country === 'BY'));
  await page.locator('#widget .wjc-map__country').first().waitFor();
  const frame = page.frameLocator('#frame');
  await frame.locator('wjc-widget .wjc-card').first().waitFor();
  const iran = namesWhere((p) => p.country === 'IR');
  assert.deepEqual((await frame.locator('.wjc-card__name a').allTextContents()).sort((a, b) => a.localeCompare(b)), iran.slice(0, 6));
  await frame.locator('wjc-widget .wjc-map__country').first().waitFor();
  // The resizer ran: the frame is as tall as its content. (Polled with evaluate: under this
  // policy Playwright's waitForFunction cannot run its own polling code.)
  // Chromium pauses the rendering of cross-origin frames out of view, and with it their resize
  // observers, until the visitor scrolls to them.
  await page.locator('#frame').scrollIntoViewIfNeeded();
  await poll(() => page.locator('#frame').evaluate((f) => f.getBoundingClientRect().height > 600), 'the frame grows');
  const violations = await page.evaluate(() => window.__cspViolations);
  const inFrame = await page.frames().find((f) => f.url().includes('/embed.html')).evaluate(() => window.__cspViolations);
  assert.deepEqual([...violations, ...inFrame], []);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: `${SHOTS}widget-strict.png`, fullPage: true });
  await page.close();
});

test('the iframe follows its content height as filters change', async () => {
  const page = await partner('iframe', { width: 800 });
  const frameElement = page.locator('#frame');
  const frame = page.frameLocator('#frame');
  await frame.locator('.wjc-card').first().waitFor();
  const heightOf = () => frameElement.evaluate((f) => f.getBoundingClientRect().height);
  const contentHeight = () => frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
  await page.waitForFunction(() => document.querySelector('#frame').getBoundingClientRect().height > 1000);
  const tall = await heightOf();
  assert.ok(Math.abs(tall - await contentHeight()) <= 1, 'the frame is as tall as its content');
  // A search inside the frame shrinks it.
  await frame.getByLabel('Search', { exact: true }).fill('bialiatski');
  await page.waitForFunction((before) => document.querySelector('#frame').getBoundingClientRect().height < before - 300, tall);
  const short = await heightOf();
  assert.ok(Math.abs(short - await contentHeight()) <= 1);
  // New settings in the frame's address (as a partner's script would set) apply and resize too.
  await frameElement.evaluate((f) => { f.src = f.src.replace(/#.*$/, '#country=BY&compact'); });
  await page.waitForFunction(() => {
    const h = document.querySelector('#frame').getBoundingClientRect().height;
    return h > 100 && h < 900;
  });
  await frame.locator('.wjc-widget--compact').waitFor();
  assert.deepEqual((await frame.locator('.wjc-card__name a').allTextContents()).sort((a, b) => a.localeCompare(b)), namesWhere((p) => p.country === 'BY'));
  assert.equal(await page.locator('#after').isVisible(), true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a resizer that starts after the frame has loaded still sizes it', async () => {
  const page = await partner('late');
  const frame = page.frameLocator('#frame');
  await frame.locator('.wjc-card').first().waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#frame').evaluate((f) => f.clientHeight), 150, 'the default height before');
  await page.addScriptTag({ url: `${env.origin}/embed.js` });
  await page.waitForFunction(() => document.querySelector('#frame').getBoundingClientRect().height > 300);
  const content = await frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
  assert.ok(Math.abs(await page.locator('#frame').evaluate((f) => f.getBoundingClientRect().height) - content) <= 1);
  await page.close();
});

test('axe finds no violations inside the widget, light and dark, wide and narrow', async () => {
  for (const [name, width] of [['plain', 1280], ['two', 320]]) {
    const page = await partner(name, { width });
    await page.locator('wjc-widget .wjc-card').first().waitFor();
    const results = await new AxeBuilder({ page })
      .include('wjc-widget')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    assert.deepEqual(summary, [], `axe violations in the widget on ${name} at ${width}px`);
    assert.ok(results.passes.length > 10, 'axe looked inside the shadow root');
    await page.close();
  }
  const page = await partner('strict');
  await page.locator('#widget .wjc-map__country').first().waitFor();
  const frame = page.frames().find((f) => f.url().includes('/embed.html'));
  await frame.locator('.wjc-card').first().waitFor();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(results.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)})`), [], 'axe on the map widget and the iframe');
  await page.close();
});

test('the Embed dialog gives both snippets for the current filters, and each works on a partner page', async () => {
  const page = await env.context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  await page.goto(`${env.origin}/#/?country=BY&status=imprisoned`);
  const button = page.getByRole('button', { name: 'Embed' });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Embed this list on your site' });
  await dialog.waitFor();
  const script = await dialog.getByRole('textbox', { name: 'Script embed' }).inputValue();
  const iframe = await dialog.getByRole('textbox', { name: 'iframe embed' }).inputValue();
  assert.equal(script, `<script type="module" src="${env.origin}/widget.js"></script>\n`
    + '<wjc-widget country="BY" status="imprisoned"></wjc-widget>');
  assert.match(iframe, new RegExp(`^<iframe src="${env.origin}/embed.html#country=BY&amp;status=imprisoned"\\s+title="Without Just Cause: people held by Belarus" loading="lazy"></iframe>\\n<script src="${env.origin}/embed.js" defer></script>$`));
  // The live preview is the iframe embed itself.
  const preview = page.frameLocator('.wjc-embed__preview');
  const belarus = namesWhere((p) => p.country === 'BY' && p.status === 'imprisoned');
  await preview.locator('.wjc-card').first().waitFor();
  assert.deepEqual((await preview.locator('.wjc-card__name a').allTextContents()).sort((a, b) => a.localeCompare(b)), belarus);
  await dialog.getByRole('button', { name: 'Copy Script embed' }).click();
  await dialog.getByText('Copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), script);
  await assertDialogAccessible(page);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await button.evaluate((b) => b === document.activeElement), true, 'focus returns to the button');
  assert.deepEqual(page.errors, []);
  await page.close();

  // Both snippets, pasted as they are into a partner's page on another origin.
  for (const [snippet, find] of [[script, (p) => p.locator('wjc-widget')], [iframe, (p) => p.frameLocator('iframe')]]) {
    const partnerPage = await env.context.newPage();
    hosts.put('pasted.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body>${snippet}</body></html>`);
    await partnerPage.goto(`${hosts.origin}/pasted.html`);
    const widget = find(partnerPage);
    await widget.locator('.wjc-card').first().waitFor();
    assert.deepEqual((await widget.locator('.wjc-card__name a').allTextContents()).sort((a, b) => a.localeCompare(b)), belarus);
    await partnerPage.close();
  }
});

async function assertDialogAccessible(page) {
  const results = await new AxeBuilder({ page }).include('.wjc-embed')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(results.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)})`), [], 'axe on the Embed dialog');
}
