// End-to-end journeys through the built site (dist/) in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  start, open, cardsReady, cardNames, assertAccessible, assertOnlyLocalRequests, forgetSavedCopy, SHOTS,
} from './browser.mjs';

const DATA = JSON.parse(await readFile(new URL('../../assets/data/prisoners.json', import.meta.url), 'utf8'));
const ALL = DATA.people.length;
/** Cards on a page (wjc_core::paging::PAGE_SIZE); the 37 people take two pages. */
const PAGE = 24;
const FIRST = Math.min(ALL, PAGE);
let env;

before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function list(path = '/', size) {
  const page = await open(env, path, size);
  await cardsReady(page);
  return page;
}

const countText = (page) => page.locator('.wjc-results-bar__count').textContent();

test('first load shows the first page of people with totals, and talks only to its own host', async () => {
  const page = await list();
  assert.equal(await page.locator('.wjc-card').count(), FIRST);
  assert.equal(await countText(page), `${ALL} people`);
  assert.equal(await page.locator('.wjc-results-bar__page').textContent(), `Page 1 of 2: people 1 to ${PAGE}`);
  const totals = await page.locator('.wjc-totals__value').allTextContents();
  assert.equal(totals[0], String(ALL));
  assert.equal(await page.title(), DATA.title);
  assertOnlyLocalRequests(page, env.origin);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: `${SHOTS}list.png`, fullPage: false });
  await page.close();
});

test('search ignores accents and case, and announces the count', async () => {
  const page = await list();
  const search = page.getByLabel('Search', { exact: true });
  for (const [query, name] of [['alvarez', 'Rolando Álvarez'], ['pham doan trang', 'Phạm Đoan Trang'], ['BENITEZ', 'Emirlendris Benítez']]) {
    await search.fill(query);
    assert.deepEqual(await cardNames(page), [name], query);
    assert.equal(await countText(page), `1 of ${ALL} people`);
  }
  assert.equal(await page.locator('[role=status][aria-live=polite]').count() >= 1, true);
  await page.close();
});

test('each filter narrows the cards and counts its options under the other filters', async () => {
  const page = await list();
  await page.getByLabel(/^Released\s*4$/).check();
  assert.equal(await page.locator('.wjc-card').count(), 4);
  assert.match(page.url(), /status=released/);
  await page.getByLabel(/^Released\s*4$/).uncheck();

  await page.locator('.wjc-facet__summary', { hasText: 'Country' }).click();
  await page.getByLabel(/^Belarus\s*\d+$/).check();
  assert.deepEqual(await cardNames(page), ['Ales Bialiatski', 'Ihar Losik', 'Maria Kalesnikava']);
  // Status options now count only Belarus.
  assert.equal(await page.locator('label[for="wjc-status-imprisoned"] .wjc-facet__count').textContent(), '3');

  await page.locator('.wjc-facet__summary', { hasText: 'Occupation' }).click();
  await page.getByLabel(/^journalist\s*\d+$/).check();
  assert.deepEqual(await cardNames(page), ['Ihar Losik']);

  await page.getByRole('button', { name: 'Clear all' }).click();
  assert.equal(await page.locator('.wjc-card').count(), FIRST);

  await page.locator('.wjc-facet__summary', { hasText: 'Campaign' }).click();
  await page.getByLabel(/^Prisoners of conscience\s*\d+$/).check();
  assert.equal(await page.locator('.wjc-card').count(), 14);
  await page.close();
});

test('sorting reorders the cards', async () => {
  const page = await list();
  assert.equal((await cardNames(page))[0], 'Ahmed Mansoor');
  await page.getByLabel('Sort by').selectOption('arrested');
  assert.equal((await cardNames(page))[0], 'Rolando Álvarez');
  assert.match(page.url(), /sort=arrested/);
  await page.getByLabel('Sort by').selectOption('held');
  assert.equal((await cardNames(page))[0], 'Mansur Mingelov');
  await page.close();
});

test('the URL holds the view: reload, back and forward restore it', async () => {
  const page = await list('/#/?country=BY&q=losik');
  assert.deepEqual(await cardNames(page), ['Ihar Losik']);
  await page.reload();
  await cardsReady(page);
  assert.deepEqual(await cardNames(page), ['Ihar Losik']);
  assert.equal(await page.getByLabel('Search', { exact: true }).inputValue(), 'losik');

  await page.getByLabel(/^Released\s*0$/).isDisabled();
  await page.getByRole('button', { name: 'Clear all' }).click();
  assert.equal(await page.locator('.wjc-card').count(), FIRST);
  await page.goBack();
  assert.deepEqual(await cardNames(page), ['Ihar Losik']);
  await page.goForward();
  assert.equal(await page.locator('.wjc-card').count(), FIRST);
  await page.close();
});

test('a profile shows the story and facts, and "back" returns to the same filters and place', async () => {
  const page = await list('/#/?status=imprisoned', { width: 1280, height: 700 });
  const imprisoned = await page.locator('.wjc-card').count();
  await page.locator('#card-narges-mohammadi').scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 200, `list scrolled (${scrolled})`);
  await page.locator('#card-narges-mohammadi a').click();
  await page.locator('h1#profile-title').waitFor();
  assert.equal(await page.locator('h1').textContent(), 'Narges Mohammadi');
  assert.match(await page.title(), /^Narges Mohammadi — /);
  assert.match(page.url(), /#\/person\/narges-mohammadi\?status=imprisoned$/);
  assert.match(await page.locator('.wjc-facts').textContent(), /9 years 8 months/);
  assert.equal(await page.locator('.wjc-pager a').count(), 2);
  await page.screenshot({ path: `${SHOTS}profile.png`, fullPage: false });

  await page.getByRole('link', { name: /Next/ }).click();
  assert.notEqual(await page.locator('h1').textContent(), 'Narges Mohammadi');
  await page.getByRole('link', { name: /Previous/ }).click();
  assert.equal(await page.locator('h1').textContent(), 'Narges Mohammadi');

  await page.getByRole('link', { name: /Back to the list/ }).click();
  await cardsReady(page);
  assert.equal(await page.locator('.wjc-card').count(), imprisoned);
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 5, scrolled);
  assert.equal(await page.evaluate(() => document.activeElement.closest('.wjc-card')?.id), 'card-narges-mohammadi');
  await page.close();
});

test('the second page replaces the first, keeps the filters, and Back returns to the first', async () => {
  const page = await list();
  const first = await cardNames(page);
  const pager = page.getByRole('navigation', { name: 'Pages of the list' });
  assert.deepEqual(await pager.locator('.wjc-pages__link').allTextContents(), ['1', '2']);
  assert.equal(await pager.locator('[aria-current=page]').textContent(), '1');
  assert.equal(await pager.locator('.wjc-pages__prev').count(), 0);
  await pager.getByRole('link', { name: 'Next page' }).click();
  await page.waitForURL(/#\/\?page=2$/);
  const second = await cardNames(page);
  assert.equal(second.length, ALL - PAGE);
  assert.deepEqual([...first, ...second], DATA.people.map((p) => p.name).sort((a, b) => a.localeCompare(b)));
  assert.equal(await page.locator('.wjc-results-bar__page').textContent(), `Page 2 of 2: people ${PAGE + 1} to ${ALL}`);
  assert.match(await page.title(), /^Page 2 of 2 — /);
  // Focus is on the new page's cards, at the top of the results: Tab reaches its first card.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results');
  assert.ok(await page.evaluate(() => document.querySelector('.wjc-list__results').getBoundingClientRect().top) < 5);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.wjc-card')?.querySelector('.wjc-card__name').textContent), second[0]);
  // Cards link to profiles on the same page of the list; sorting starts the list again.
  await page.reload();
  await cardsReady(page);
  assert.deepEqual(await cardNames(page), second);
  await page.getByLabel('Sort by').selectOption('arrested');
  assert.doesNotMatch(page.url(), /page=/);
  assert.equal(await page.locator('.wjc-card').count(), FIRST);
  await page.goBack();
  assert.deepEqual(await cardNames(page), second);
  await page.goBack();
  assert.deepEqual(await cardNames(page), first);
  await page.close();
});

test('an unknown profile link says so and offers the list', async () => {
  const page = await open(env, '/#/person/nobody-here');
  await page.locator('h1', { hasText: 'Profile not found' }).waitFor();
  await page.getByRole('link', { name: 'Back to the list' }).waitFor();
  await page.close();
});

test('a server error shows what happened and Retry recovers', async () => {
  const page = await env.context.newPage();
  await forgetSavedCopy(env, page);
  let fail = true;
  await page.route('**/data/list.json', (route) => (fail ? route.fulfill({ status: 500, body: 'boom' }) : route.continue()));
  await page.goto(env.origin + '/');
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /HTTP 500/);
  await assertAccessible(page, 'the error view at 1280px');
  await page.setViewportSize({ width: 320, height: 700 });
  await assertAccessible(page, 'the error view at 320px');
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await cardsReady(page);
  assert.equal(await page.locator('.wjc-card').count(), FIRST);
  await page.close();
});

test('a malformed dataset is refused with where the error is', async () => {
  const page = await env.context.newPage();
  await forgetSavedCopy(env, page);
  await page.route('**/data/list.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1,\n "people": [,]}' }));
  await page.goto(env.origin + '/');
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /not valid JSON \(line 2, column 13\)/);
  await page.close();
});

test('records the loader skips are reported and the rest are shown', async () => {
  const data = structuredClone(DATA);
  data.people[0].status = 'jailed';
  data.people[5].country = 'ZZ';
  const page = await env.context.newPage();
  await page.route('**/data/list.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) }));
  await page.goto(env.origin + '/');
  await cardsReady(page);
  assert.equal(await page.locator('.wjc-card').count(), Math.min(ALL - 2, PAGE));
  assert.match(await countText(page), new RegExp(`^${ALL - 2} people$`));
  const notice = page.locator('.wjc-notice');
  assert.match(await notice.textContent(), /2 records could not be shown/);
  await notice.locator('summary').click();
  assert.match(await notice.textContent(), /record 1 \("ahmed-mansoor"\), status: "jailed" is not one of/);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.locator('.wjc-notice').count(), 0);
  await page.close();
});

test('keyboard only: filter, open a profile, and come back to the same card', async () => {
  const page = await list();
  await page.keyboard.press('Tab'); // skip link
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the list');
  // Tab through to the "Released" checkbox and tick it with the space bar.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.id === 'wjc-status-released')) break;
  }
  await page.keyboard.press('Space');
  assert.equal(await page.locator('.wjc-card').count(), 4);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => !!document.activeElement.closest('.wjc-card'))) break;
  }
  const card = await page.evaluate(() => document.activeElement.closest('.wjc-card').id);
  await page.keyboard.press('Enter');
  await page.locator('h1#profile-title').waitFor();
  // The focus moves in the frame after the profile is drawn.
  await page.waitForFunction(() => document.activeElement.id === 'profile-title');
  // Shift+Tab back from the heading reaches "Back to the list".
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await page.evaluate(() => document.activeElement.classList.contains('wjc-back'))) break;
  }
  await page.keyboard.press('Enter');
  await cardsReady(page);
  assert.equal(await page.locator('.wjc-card').count(), 4);
  assert.equal(await page.evaluate(() => document.activeElement.closest('.wjc-card')?.id), card);
  await page.close();
});

test('axe finds no violations on the list, a profile and the empty result, at 320 px and 1280 px', async () => {
  for (const width of [320, 1280]) {
    const page = await list('/', { width, height: 800 });
    await assertAccessible(page, `the list at ${width}px`);
    await page.goto(env.origin + '/#/?page=2');
    await page.locator('.wjc-pages__prev').waitFor();
    // On a phone the filters are behind their button.
    if (width === 320) await page.locator('#wjc-filters-button').click();
    await page.locator('.wjc-facet__summary', { hasText: 'Country' }).click();
    await page.getByLabel('Find a country').fill('ira');
    await page.locator('.wjc-facet__found', { hasText: '1 of 18 countries matches' }).waitFor();
    await assertAccessible(page, `the second page, a country found, at ${width}px`);
    await page.goto(env.origin + '/#/person/ales-bialiatski');
    await page.locator('h1#profile-title').waitFor();
    await assertAccessible(page, `a profile at ${width}px`);
    await page.goto(env.origin + '/#/?q=zzzzzz');
    await page.locator('.wjc-empty').waitFor();
    await assertAccessible(page, `the empty result at ${width}px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width}px (${overflow})`);
    await page.close();
  }
});

test('an empty result explains itself and clears back to everyone', async () => {
  const page = await open(env, '/#/?q=nobody-matches-this');
  await page.locator('.wjc-empty').waitFor();
  assert.equal(await countText(page), `0 of ${ALL} people`);
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  assert.equal(await page.locator('.wjc-card').count(), FIRST);
  await page.close();
});

test('dark mode keeps every text readable (axe colour contrast)', async () => {
  const page = await env.context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(env.origin + '/#/?status=released');
  await cardsReady(page);
  await page.locator('.wjc-legend summary').click();
  await assertAccessible(page, 'the list in dark mode');
  await page.screenshot({ path: `${SHOTS}list-dark.png` });
  await page.goto(env.origin + '/#/person/kem-sokha');
  await page.locator('h1#profile-title').waitFor();
  await assertAccessible(page, 'a profile in dark mode');
  await page.close();
});

test('the site works from a sub-path of the host', async () => {
  const page = await env.context.newPage();
  await page.goto(env.origin + '/sub/path/#/?country=CU');
  await cardsReady(page);
  assert.deepEqual(await cardNames(page), ['José Daniel Ferrer', 'Maykel “Osorbo” Castillo']);
  await page.close();
});
