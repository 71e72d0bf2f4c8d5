// The map view: drawing, shading, choosing a country by mouse and keyboard, the table, zoom and
// layout, in headless Chromium against the built site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  start, open, cardsReady, cardNames, assertAccessible, assertOnlyLocalRequests, SHOTS,
} from './browser.mjs';

const DATA = JSON.parse(await readFile(new URL('../../assets/data/prisoners.json', import.meta.url), 'utf8'));
const ALL = DATA.people.length;
/** Cards on the first page (wjc_core::paging::PAGE_SIZE is 24): the whole list is on two pages. */
const FIRST = Math.min(ALL, 24);
const heldBy = (code) => DATA.people.filter((p) => p.country === code);
const namesOf = (people) => people.map((p) => p.name).sort((a, b) => a.localeCompare(b));
let env;

before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function mapView(path = '/#/?view=map', size) {
  const page = await open(env, path, size);
  // On narrow screens the map view hides the cards, so wait for them to exist, not to show.
  await page.locator('.wjc-card:not(.wjc-card--skeleton)').first().waitFor({ state: 'attached' });
  await page.locator('.wjc-map__svg path').first().waitFor();
  return page;
}

const country = (page, name) => page.locator(`.wjc-map__svg a[aria-label^="${name}:"]`);
const viewBox = (page) => page.locator('.wjc-map__svg').getAttribute('viewBox');
const luminance = (page, code) => page.locator(`#wjc-shape-${code}`).evaluate((el) => {
  const [r, g, b] = getComputedStyle(el).fill.match(/\d+/g).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
});

test('the map draws the world and shades countries by how many people they hold', async () => {
  const page = await mapView();
  // Countries on the list are a path each; the rest of the world is one path, each shape in it
  // starting from a move to the origin.
  const listedShapes = await page.locator('.wjc-map__svg .wjc-map__country').count();
  const land = await page.locator('.wjc-map__svg .wjc-map__land').getAttribute('d');
  const shapes = listedShapes + land.match(/M0 0/g).length;
  assert.ok(shapes >= 200, `only ${shapes} countries drawn`);
  assert.equal(await page.locator('.wjc-map__svg .wjc-map__land').count(), 1);
  // Iran holds the most people on the list, Egypt one: Iran must be darker.
  assert.ok(heldBy('IR').length > heldBy('EG').length);
  assert.ok(await luminance(page, 'IR') < await luminance(page, 'EG'), 'Iran is not darker than Egypt');
  // Every country on the list is a named link; no other country is.
  const listed = new Set(DATA.people.map((p) => p.country));
  const links = await page.locator('.wjc-map__svg a').count();
  assert.equal(links, listed.size);
  assertOnlyLocalRequests(page, env.origin);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: `${SHOTS}map.png` });
  await page.close();
});

test('changing a filter recolours the same country paths rather than drawing new ones', async () => {
  const page = await mapView();
  await page.locator('#wjc-shape-IR').evaluate((el) => { el.dataset.mark = 'original'; });
  const shadeBefore = await page.locator('#wjc-shape-IR').getAttribute('class');
  await page.getByLabel(/^Released\s*\d+$/).check();
  // Iran has nobody released: it turns neutral, on the very same element.
  await page.waitForFunction(() => document.querySelector('#wjc-shape-IR').getAttribute('class').includes('shade-0'));
  assert.notEqual(await page.locator('#wjc-shape-IR').getAttribute('class'), shadeBefore);
  assert.equal(await page.locator('#wjc-shape-IR').evaluate((el) => el.dataset.mark), 'original');
  await page.close();
});

test('a filter change updates the figures of the table on the same rows', async () => {
  const page = await mapView();
  const iran = page.locator('.wjc-map-table tbody tr', { has: page.locator('th', { hasText: /^Iran$/ }) });
  await iran.evaluate((el) => { el.dataset.mark = 'original'; });
  await page.getByLabel(/^Imprisoned\s*\d+$/).check();
  const imprisoned = heldBy('IR').filter((p) => p.status === 'imprisoned').length;
  await page.waitForFunction((n) => [...document.querySelectorAll('.wjc-map-table tbody tr')]
    .some((tr) => tr.querySelector('th').textContent === 'Iran' && tr.querySelector('td').textContent === String(n)), imprisoned);
  assert.equal(await iran.evaluate((el) => el.dataset.mark), 'original');
  await page.close();
});

test('clicking Belarus lists exactly the people it holds, and clicking it again lists everyone', async () => {
  const page = await mapView();
  await country(page, 'Belarus').click();
  assert.deepEqual(await cardNames(page), namesOf(heldBy('BY')));
  assert.match(page.url(), /country=BY/);
  assert.match(page.url(), /view=map/);
  assert.equal(await page.locator('.wjc-map__selected').count(), 1);
  await country(page, 'Belarus').click();
  assert.equal(await page.locator('.wjc-card').count(), FIRST);
  assert.doesNotMatch(page.url(), /country=/);
  // "All countries" clears a country chosen on the map.
  await country(page, 'Iran').click();
  assert.equal(await page.locator('.wjc-card').count(), heldBy('IR').length);
  await page.getByRole('button', { name: 'All countries' }).click();
  assert.equal(await page.locator('.wjc-card').count(), FIRST);
  await page.close();
});

test('pressing Enter on Belarus chooses it; the keyboard reaches every listed country', async () => {
  const page = await mapView();
  await country(page, 'Belarus').focus();
  await expectTooltip(page, 'Belarus');
  await page.keyboard.press('Enter');
  assert.deepEqual(await cardNames(page), namesOf(heldBy('BY')));
  // Tab moves through the countries in name order.
  await country(page, 'Azerbaijan').focus();
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /^Belarus:/);
  await page.close();
});

async function expectTooltip(page, name) {
  const tip = page.locator('.wjc-map__tip');
  await tip.waitFor();
  assert.match(await tip.textContent(), new RegExp(`^${name}: `));
  return tip.textContent();
}

test('tooltip, table and cards agree, under the other filters too', async () => {
  const page = await mapView('/#/?view=map&status=imprisoned');
  const iran = heldBy('IR').filter((p) => p.status === 'imprisoned');
  await country(page, 'Iran').hover();
  const tip = await expectTooltip(page, 'Iran');
  assert.match(tip, new RegExp(`^Iran: ${iran.length} (person|people) \\(imprisoned: ${iran.length}\\)$`));
  const row = page.locator('.wjc-map-table tbody tr', { has: page.locator('th', { hasText: /^Iran$/ }) });
  const cells = await row.locator('td').allTextContents();
  assert.equal(Number(cells[0]), iran.length);
  // The link in the row opens the list of Iran's imprisoned people.
  await row.getByRole('link').click();
  await page.waitForURL(/country=IR/);
  assert.doesNotMatch(page.url(), /view=map/);
  assert.deepEqual(await cardNames(page), namesOf(iran));
  // Each row's total is the number of cards the country shows under the same filters.
  await page.goto(`${env.origin}/#/?view=map`);
  await page.locator('.wjc-map-table tbody tr').first().waitFor();
  // The table shows the countries holding the most people, and all of them on request.
  const listed = new Set(DATA.people.map((p) => p.country)).size;
  assert.equal(await page.locator('.wjc-map-table tbody tr').count(), 8);
  const all = page.locator('.wjc-map .wjc-more-options');
  assert.equal(await all.textContent(), `Show all ${listed} countries`);
  assert.equal(await all.getAttribute('aria-expanded'), 'false');
  await all.click();
  assert.equal(await all.textContent(), 'Show fewer countries');
  assert.equal(await all.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('.wjc-map-table tbody tr').count(), listed);
  const rows = await page.locator('.wjc-map-table tbody tr').evaluateAll((trs) => trs.map((tr) => [
    tr.querySelector('th').textContent, Number(tr.querySelector('td').textContent),
  ]));
  const byName = new Map(rows);
  assert.equal(rows.length, new Set(DATA.people.map((p) => p.country)).size);
  assert.equal(byName.get('Belarus'), heldBy('BY').length);
  assert.equal(byName.get('Iran'), heldBy('IR').length);
  assert.equal(rows.reduce((sum, [, n]) => sum + n, 0), ALL);
  await page.close();
});

test('zoom buttons, keys and the wheel zoom; reset shows the whole world', async () => {
  const page = await mapView();
  const whole = await viewBox(page);
  const width = async () => Number((await viewBox(page)).split(' ')[2]);
  const full = await width();
  assert.ok(await page.getByRole('button', { name: 'Zoom out' }).isDisabled());
  await page.getByRole('button', { name: 'Zoom in' }).click();
  assert.ok(Math.abs(await width() - full / 1.5) < 0.1, 'one press zooms 1.5×');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  assert.ok(Math.abs(await width() - full / 2.25) < 0.1);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  assert.ok(Math.abs(await width() - full / 1.5) < 0.1);
  await page.getByRole('button', { name: 'Show the whole world' }).click();
  assert.equal(await viewBox(page), whole);
  // Keys, on a focused country: + zooms, arrows pan, 0 resets.
  await country(page, 'Iran').focus();
  await page.keyboard.press('+');
  assert.ok(await width() < full);
  const before = (await viewBox(page)).split(' ').map(Number);
  await page.keyboard.press('ArrowRight');
  const after = (await viewBox(page)).split(' ').map(Number);
  assert.ok(after[0] > before[0], 'ArrowRight moves east');
  await page.keyboard.press('0');
  assert.equal(await viewBox(page), whole);
  // The wheel zooms where the pointer is.
  const box = await page.locator('.wjc-map__svg').boundingBox();
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.5);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction((w) => Number(document.querySelector('.wjc-map__svg').getAttribute('viewBox').split(' ')[2]) < w, full);
  // A drag pans without choosing a country.
  const zoomed = (await viewBox(page)).split(' ').map(Number);
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  const dragged = (await viewBox(page)).split(' ').map(Number);
  assert.ok(dragged[0] > zoomed[0], 'dragging left moves the view east');
  assert.doesNotMatch(page.url(), /country=/);
  await page.close();
});

test('a two-finger pinch zooms the map', async () => {
  const page = await mapView('/#/?view=map', { width: 390, height: 844 });
  await page.locator('.wjc-map__svg').scrollIntoViewIfNeeded();
  const box = await page.locator('.wjc-map__svg').boundingBox();
  const full = Number((await viewBox(page)).split(' ')[2]);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 2 });
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const fingers = (spread) => [
    { x: cx - spread, y: cy, id: 1 },
    { x: cx + spread, y: cy, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
  for (let spread = 25; spread <= 80; spread += 5) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(spread) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const zoomed = Number((await viewBox(page)).split(' ')[2]);
  assert.ok(zoomed < full / 2, `pinching out to four times the spread zooms in (${full} → ${zoomed})`);
  assert.doesNotMatch(page.url(), /country=/, 'a pinch chooses no country');
  await page.close();
});

test('map and cards side by side on wide screens; a Map/List switch on narrow ones', async () => {
  const wide = await mapView();
  const map = await wide.locator('.wjc-map__frame').boundingBox();
  const cards = await wide.locator('.wjc-grid').boundingBox();
  assert.ok(cards.x >= map.x + map.width, 'cards beside the map');
  assert.ok(cards.y < map.y + map.height, 'cards level with the map');
  await wide.close();

  const page = await mapView('/#/?view=map', { width: 390, height: 844 });
  assert.equal(await page.locator('.wjc-grid').isVisible(), false);
  await page.getByRole('link', { name: 'List', exact: true }).click();
  assert.doesNotMatch(page.url(), /view=map/);
  assert.equal(await page.locator('.wjc-map').count(), 0);
  assert.equal(await page.locator('.wjc-card').count(), FIRST);
  await page.getByRole('link', { name: 'Map', exact: true }).click();
  assert.match(page.url(), /view=map/);
  await page.locator('.wjc-map__svg path').first().waitFor();
  await page.screenshot({ path: `${SHOTS}map-narrow.png` });
  // Back returns to the list.
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('.wjc-map'));
  await page.close();
});

test('the map keeps its place while its shapes download (no layout shift)', async () => {
  const page = await env.context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/map/world.txt', async (route) => { await held; await route.continue(); });
  await page.goto(`${env.origin}/#/?view=map`);
  await cardsReady(page);
  const table = await page.locator('.wjc-map-table').boundingBox();
  const frame = await page.locator('.wjc-map__frame').boundingBox();
  assert.match(await page.locator('.wjc-map__frame').textContent(), /Loading the map/);
  release();
  await page.locator('.wjc-map__svg path').first().waitFor();
  assert.deepEqual(await page.locator('.wjc-map__frame').boundingBox(), frame);
  assert.deepEqual(await page.locator('.wjc-map-table').boundingBox(), table);
  await page.close();
});

test('a country too small to click at world scale gets a marker that behaves the same', async () => {
  const page = await env.context.newPage();
  // The list has nobody held by Bahrain: move one person there.
  const data = structuredClone(DATA);
  data.people[0].country = 'BH';
  await page.route('**/data/list.json', (route) => route.fulfill({ json: data }));
  await page.goto(`${env.origin}/#/?view=map`);
  const marker = page.locator('.wjc-map__svg a[aria-label^="Bahrain:"] circle.wjc-map__marker');
  await marker.waitFor();
  await marker.click();
  assert.deepEqual(await cardNames(page), [data.people[0].name]);
  assert.match(page.url(), /country=BH/);
  await page.close();
});

test('a map that cannot be downloaded leaves the table working', async () => {
  const page = await env.context.newPage();
  await page.route('**/map/world.txt', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(`${env.origin}/#/?view=map`);
  await page.locator('.wjc-map__message', { hasText: 'could not be drawn' }).waitFor();
  assert.ok(await page.locator('.wjc-map-table tbody tr').count() > 0);
  await page.close();
});

test('axe finds no violations on the map view, wide and narrow, light and dark', async () => {
  for (const size of [{ width: 1280, height: 900 }, { width: 320, height: 800 }]) {
    const page = await mapView('/#/?view=map&country=BY', size);
    await country(page, 'Iran').hover();
    await assertAccessible(page, `map view at ${size.width}px`);
    await page.close();
  }
  const page = await env.context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${env.origin}/#/?view=map`);
  await page.locator('.wjc-map__svg path').first().waitFor();
  await assertAccessible(page, 'map view in dark mode');
  await page.screenshot({ path: `${SHOTS}map-dark.png` });
  await page.close();
});
