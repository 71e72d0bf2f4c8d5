// Phones first (issue 17): on a 360 px wide screen the first person is on the first screen, in the
// app and in the static page without JavaScript, in English and in Arabic; the search comes first,
// and the filters sit behind a Filters button whose panel shows their counts and a "Show N people"
// button; Escape closes it onto the button. Wide screens keep the filter sidebar beside the cards.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, open, cardsReady, assertAccessible, assertOnlyLocalRequests, SHOTS } from './browser.mjs';

const DATA = JSON.parse(await readFile(new URL('../../assets/data/prisoners.json', import.meta.url), 'utf8'));
const ALL = DATA.people.length;
const RELEASED = DATA.people.filter((p) => p.status === 'released').length;
/** Two common phone screens, 360 px wide. */
const PHONES = [{ width: 360, height: 640 }, { width: 360, height: 740 }];

/**
 * Asserts that, unscrolled, the first card's name, country and status are wholly on the screen,
 * with the search box (in the app) above them; returns how far down the card starts.
 */
async function firstPersonOnFirstScreen(page, cards, where) {
  assert.equal(await page.evaluate(() => window.scrollY), 0, `${where}: not scrolled`);
  const { height } = page.viewportSize();
  const card = page.locator(cards).first();
  for (const part of ['.wjc-card__name', '.wjc-card__country', '.wjc-badge']) {
    const box = await card.locator(part).first().boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= height,
      `${where}: the first card's ${part} is at ${Math.round(box.y)}–${Math.round(box.y + box.height)} px, the screen ${height} px`);
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${where}: no sideways scroll`);
  return (await card.boundingBox()).y;
}

describe('JavaScript on', () => {
  let env;
  before(async () => { env = await start(); });
  after(async () => { await env?.close(); });

  const panel = (page) => page.locator('#wjc-root #wjc-filter-panel');
  const button = (page) => page.locator('#wjc-root #wjc-filters-button');

  test('at 360 px the app shows the search, then the first person on the first screen, in English and Arabic', async () => {
    for (const size of PHONES) {
      for (const [path, lang] of [['/', 'en'], ['/#/?lang=ar', 'ar']]) {
        const page = await open(env, path, size);
        await cardsReady(page);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        const where = `the app in ${lang} at ${size.width}×${size.height}`;
        const top = await firstPersonOnFirstScreen(page, '#wjc-root .wjc-card', where);
        // Results come first: the search is above them, the filters behind their button.
        const search = await page.locator('#wjc-root #wjc-search-input').boundingBox();
        assert.ok(search.y + search.height <= top, `${where}: the search is above the cards`);
        assert.equal(await panel(page).isVisible(), false, `${where}: the filters are closed`);
        assert.ok(await button(page).isVisible(), `${where}: the Filters button`);
        if (size.height === 640) await page.screenshot({ path: `${SHOTS}phone-app-${lang}.png` });
        assert.deepEqual(page.errors, []);
        await page.close();
      }
    }
  });

  test('the Filters button opens the counts; Show N people closes them onto the results', async () => {
    const page = await open(env, '/', PHONES[0]);
    await cardsReady(page);
    assert.equal(await button(page).getAttribute('aria-controls'), 'wjc-filter-panel');
    assert.equal(await button(page).getAttribute('aria-expanded'), 'false');
    assert.equal(await button(page).textContent(), 'Filters');

    await button(page).click();
    assert.equal(await button(page).getAttribute('aria-expanded'), 'true');
    assert.ok(await panel(page).isVisible());
    // The panel opens under the search, its counts on screen.
    const released = page.getByLabel(new RegExp(`^Released\\s*${RELEASED}$`));
    assert.ok(await released.isVisible());
    const done = page.getByRole('button', { name: `Show ${ALL} people` });
    assert.ok(await done.isVisible());
    await assertAccessible(page, 'the open filter panel at 360 px');
    await page.screenshot({ path: `${SHOTS}phone-filters-open.png` });

    await released.check();
    assert.match(page.url(), /status=released/);
    await page.getByRole('button', { name: `Show ${RELEASED} people` }).waitFor();
    assert.equal(await button(page).textContent(), 'Filters (1 selected)');
    await page.getByRole('button', { name: `Show ${RELEASED} people` }).click();
    assert.equal(await panel(page).isVisible(), false);
    assert.equal(await button(page).getAttribute('aria-expanded'), 'false');
    await page.waitForFunction(() => document.activeElement?.id === 'results');
    assert.equal(await page.locator('#wjc-root .wjc-card').count(), RELEASED);
    const list = await page.locator('#results').boundingBox();
    assert.ok(list.y >= 0 && list.y < PHONES[0].height, `the results are on screen (${list.y})`);

    // One person: the singular.
    await page.locator('#wjc-search-input').fill('Violeta');
    await button(page).click();
    await page.getByRole('button', { name: 'Show 1 person', exact: true }).waitFor();
    assertOnlyLocalRequests(page, env.origin);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('by keyboard: Enter opens the filters at their heading, Escape closes them back onto the button', async () => {
    const page = await open(env, '/', PHONES[0]);
    await cardsReady(page);
    await button(page).focus();
    await page.keyboard.press('Enter');
    assert.equal(await button(page).getAttribute('aria-expanded'), 'true');
    // The focus goes to the panel's heading, so Tab goes on inside the panel.
    await page.waitForFunction(() => document.activeElement?.id === 'wjc-filters-title');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'wjc-sort');
    // On through the panel, each control scrolled into sight, to its last button.
    for (let i = 0; ; i++) {
      await page.keyboard.press('Tab');
      const [top, bottom, done] = await page.evaluate(() => {
        const r = document.activeElement.getBoundingClientRect();
        return [r.top, r.bottom - window.innerHeight, document.activeElement.matches('.wjc-filters__done')];
      });
      assert.ok(top >= 0 && bottom <= 0, `the focus is in sight (${top}, ${bottom})`);
      if (done) break;
      assert.ok(i < 30, 'Tab reaches the last button');
    }
    await page.keyboard.press('Escape');
    assert.equal(await panel(page).isVisible(), false);
    assert.equal(await button(page).getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'wjc-filters-button');
    // A checkbox ticked in the panel, then Escape: the focus is not lost with the panel.
    await page.keyboard.press('Enter');
    await page.getByLabel(new RegExp(`^Released\\s*${RELEASED}$`)).focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/status=released/);
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'wjc-filters-button');
    // Through the panel to its last button, which shows the people and moves on to them.
    await page.keyboard.press('Enter');
    await page.locator('#wjc-root .wjc-filters__done').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'results');
    assert.equal(await panel(page).isVisible(), false);
    await page.close();
  });

  test('in Arabic the panel reads right to left and passes axe', async () => {
    const page = await open(env, '/#/?lang=ar', PHONES[0]);
    await cardsReady(page);
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await button(page).click();
    const done = page.locator('#wjc-root .wjc-filters__done');
    assert.match(await done.textContent(), /^عرض /);
    // The options' labels start on the right, their counts on the left.
    const row = page.locator('#wjc-root .wjc-facet__option').first();
    const [box, label, count] = [await row.boundingBox(), await row.locator('.wjc-facet__label').boundingBox(), await row.locator('.wjc-facet__count').boundingBox()];
    assert.ok(label.x > count.x, 'label right of its count');
    assert.ok(box.x + box.width - (label.x + label.width) < 48, 'the label starts at the right');
    await assertAccessible(page, 'the open filter panel in Arabic at 360 px');
    await page.screenshot({ path: `${SHOTS}phone-filters-open-ar.png` });
    await done.click();
    await page.waitForFunction(() => document.activeElement?.id === 'results');
    await page.close();
  });

  test('in the map view, Show N people closes the filters onto the map', async () => {
    const page = await open(env, '/#/?view=map', PHONES[0]);
    await page.locator('#wjc-root .wjc-map').waitFor();
    await button(page).click();
    await page.getByRole('button', { name: `Show ${ALL} people` }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'map-title');
    await page.close();
  });

  test('wide screens keep the filter sidebar beside the cards, with no Filters button', async () => {
    const page = await open(env, '/', { width: 1280, height: 900 });
    await cardsReady(page);
    assert.equal(await button(page).isVisible(), false);
    assert.ok(await panel(page).isVisible());
    const side = await panel(page).boundingBox();
    const cards = await page.locator('#wjc-root .wjc-grid').boundingBox();
    const search = await page.locator('#wjc-root #wjc-search-input').boundingBox();
    assert.ok(side.x + side.width <= cards.x, 'the filters left of the cards');
    assert.ok(side.x + side.width <= search.x, 'and of the search');
    assert.ok(Math.abs(side.y - search.y) < 40, 'the filters start level with the search');
    assert.equal(await page.getByRole('button', { name: /^Show \d+ people$/ }).isVisible(), false);
    await page.close();
  });
});

describe('JavaScript off', () => {
  let env;
  before(async () => { env = await start({ javaScriptEnabled: false }); });
  after(async () => { await env?.close(); });

  test('at 360 px the static list shows the first person on the first screen, in English and Arabic', async () => {
    for (const size of PHONES) {
      for (const [path, lang] of [['/index.html', 'en'], ['/ar/index.html', 'ar']]) {
        const page = await open(env, path, size);
        const where = `the static page in ${lang} at ${size.width}×${size.height}`;
        await firstPersonOnFirstScreen(page, '.wjc-card', where);
        // Without the app nothing waits behind a button: searching and filtering say they need it.
        assert.equal(await page.locator('#wjc-filters-button').count(), 0, where);
        assert.ok(await page.locator('.wjc-static-note').isVisible(), where);
        if (size.height === 640) await page.screenshot({ path: `${SHOTS}phone-static-${lang}.png` });
        assertOnlyLocalRequests(page, env.origin);
        await page.close();
      }
    }
  });
});
