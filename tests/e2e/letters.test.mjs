// "People you can write to" (issue 17): the list offers the letters filter only when somebody on it
// takes letters (a write_letter action of their own or of their source). The shipped dataset has
// nobody (its sources give no address), so the fixture here is the shipped list with two letter
// actions added: Ales Bialiatski's through a letter-writing programme's page, Ahmed Mansoor's at a
// postal address. Both are made up for the test (example.org, "not a real place").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, open, cardsReady, cardNames, assertAccessible, assertOnlyLocalRequests, SHOTS } from './browser.mjs';
import { serveHosts } from './server.mjs';

const DATA = JSON.parse(await readFile(new URL('../../assets/data/prisoners.json', import.meta.url), 'utf8'));
const ALL = DATA.people.length;
const FIXTURE = structuredClone(DATA);
const WRITERS = { 'ales-bialiatski': { url: 'https://letters.example.org/ales-bialiatski' }, 'ahmed-mansoor': { address: 'Test fixture address, not a real place' } };
for (const person of FIXTURE.people) {
  if (WRITERS[person.id]) {
    person.actions = [...(person.actions ?? []), { kind: 'write_letter', text: 'Send a letter of support (test fixture).', ...WRITERS[person.id] }];
  }
}
const NAMES = FIXTURE.people.filter((p) => WRITERS[p.id]).map((p) => p.name).sort();
const option = (page) => page.locator('#wjc-root').getByLabel(/^People you can write to\s*\d+$/);

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

/** A page of the site whose list is the fixture. */
async function withWriters(path = '/', size) {
  const page = await env.context.newPage();
  if (size) await page.setViewportSize(size);
  page.errors = [];
  page.requests = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('request', (r) => page.requests.push(r.url()));
  await page.route('**/data/list.json', (route) => route.fulfill({ json: FIXTURE, headers: { 'access-control-allow-origin': '*' } }));
  await page.goto(env.origin + path);
  await cardsReady(page);
  return page;
}

test('nobody on the shipped list takes letters: no letters filter, and an address asking for it shows nobody', async () => {
  const page = await open(env, '/');
  await cardsReady(page);
  assert.equal(await page.locator('#wjc-root .wjc-facet__summary', { hasText: 'Letters' }).count(), 0);
  assert.equal(await page.locator('#wjc-letters-yes').count(), 0);
  await page.goto(`${env.origin}/#/?letters=yes`);
  await page.locator('#wjc-root .wjc-empty').waitFor();
  assert.equal(await page.locator('#wjc-root .wjc-results-bar__count').textContent(), `0 of ${ALL} people`);
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('#wjc-root .wjc-card').length === n, Math.min(ALL, 24));
  assert.doesNotMatch(page.url(), /letters/);
  await page.close();
});

test('where people take letters, the filter lists them with its count, in the address', async () => {
  const page = await withWriters();
  const group = page.locator('#wjc-root .wjc-facet', { hasText: 'Letters' });
  assert.ok(await group.evaluate((d) => d.open), 'open from the start: one option');
  assert.ok(await option(page).isVisible());
  assert.equal(await group.locator('.wjc-facet__count').textContent(), String(NAMES.length));
  // Under another filter its count follows: one of the two is held by Belarus.
  await page.locator('#wjc-root .wjc-facet__summary', { hasText: 'Country' }).click();
  await page.getByLabel(/^Belarus\s*\d+$/).check();
  await page.waitForFunction(() => document.querySelector('#wjc-root #wjc-letters-yes + label .wjc-facet__count')?.textContent === '1');
  await page.getByLabel(/^Belarus\s*\d+$/).uncheck();

  await option(page).check();
  assert.match(page.url(), /[?&]letters=yes/);
  assert.deepEqual((await cardNames(page)).sort(), NAMES);
  assert.equal(await page.locator('#wjc-root .wjc-results-bar__count').textContent(), `${NAMES.length} of ${ALL} people`);
  await assertAccessible(page, 'the list filtered to people you can write to');
  await page.screenshot({ path: `${SHOTS}letters-filter.png` });

  // The address alone gives the same list; Back unchooses it.
  await page.reload();
  await cardsReady(page);
  assert.deepEqual((await cardNames(page)).sort(), NAMES);
  assert.equal(await option(page).isChecked(), true);
  await page.goBack();
  await page.waitForFunction((n) => document.querySelectorAll('#wjc-root .wjc-card').length === n, Math.min(ALL, 24));
  assert.equal(await option(page).isChecked(), false);

  // A letter-taker's profile says how to write.
  await page.goto(`${env.origin}/#/person/ales-bialiatski`);
  await page.locator('#wjc-root .wjc-act', { hasText: 'Send a letter of support (test fixture).' }).waitFor();
  assertOnlyLocalRequests(page, env.origin);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('on a phone the filter is in the Filters panel, and Show N people shows them', async () => {
  const page = await withWriters('/', { width: 360, height: 640 });
  await page.locator('#wjc-root #wjc-filters-button').click();
  await option(page).check();
  await page.getByRole('button', { name: `Show ${NAMES.length} people` }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'results');
  assert.deepEqual((await cardNames(page)).sort(), NAMES);
  assert.equal(await page.locator('#wjc-root #wjc-filters-button').textContent(), 'Filters (1 selected)');
  await page.close();
});

test('the Embed dialog carries the filter into both snippets, and a widget with letters="yes" shows them', async () => {
  const page = await withWriters('/#/?letters=yes');
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this list on your site' });
  const script = await dialog.getByRole('textbox', { name: 'Script embed' }).inputValue();
  assert.match(script, /<wjc-widget letters="yes"><\/wjc-widget>$/);
  assert.match(await dialog.getByRole('textbox', { name: 'iframe embed' }).inputValue(), /embed\.html#letters=yes"/);
  await page.close();

  hosts.put('letters.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<script type="module" src="__SITE__/widget.js"></script></head><body><main><h1>Write to them</h1>
<wjc-widget id="widget" letters="yes" limit="100"></wjc-widget></main></body></html>`);
  const partner = await env.context.newPage();
  const warnings = [];
  partner.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await partner.route(`${env.origin}/data/list.json`, (route) => route.fulfill({ json: FIXTURE, headers: { 'access-control-allow-origin': '*' } }));
  await partner.goto(`${hosts.origin}/letters.html`);
  const widget = partner.locator('#widget');
  await widget.locator('.wjc-card').first().waitFor();
  assert.deepEqual((await widget.locator('.wjc-card__name a').allTextContents()).sort(), NAMES);
  // A value other than yes is refused with a warning naming it.
  await partner.evaluate(() => document.querySelector('#widget').setAttribute('letters', 'maybe'));
  await partner.waitForFunction(() => document.querySelector('#widget').shadowRoot.querySelectorAll('.wjc-card').length > 2);
  assert.deepEqual(warnings, ['<wjc-widget>: ignored letters="maybe": expected yes']);
  await partner.close();
});
