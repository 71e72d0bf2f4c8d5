// Measures the built site (dist/) in headless Chromium: time to the first card after navigation
// (the static page's, painted, then the app's once it has taken over), and the time from a keystroke in
// search to the updated list and to the next frame.
// Run: make bench   (prints a Markdown table; see docs/performance.md)
import { start, open, cardsReady } from '../tests/e2e/browser.mjs';
import { watchFirstCards, firstCards } from './first-card.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const QUERIES = ['belarus', 'pham doan', 'journalist', 'imprisoned'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs) => Math.max(...xs);
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const env = await start();
try {
  // From navigation start to the first card painted (the static page's), and to the app's first
  // card in the DOM (the app is then interactive).
  const firstCard = [];
  const appCard = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await env.context.newPage();
    await page.addInitScript(watchFirstCards);
    await page.goto(env.origin + '/');
    const { painted, app } = await firstCards(page);
    firstCard.push(painted);
    appCard.push(app);
    await page.close();
  }

  // Keystroke to update and to next paint, typing each query letter by letter.
  const page = await open(env, '/');
  await cardsReady(page);
  await page.evaluate(() => {
    // Per keystroke: when the list's DOM changed (if it did before the next key), and when the
    // next frame began. A keystroke that changes nothing has no update time, only a frame time.
    window.__updates = [];
    window.__frames = [];
    let pending = null;
    const main = document.querySelector('.wjc-list__main');
    document.addEventListener('input', () => {
      pending?.disconnect();
      const t0 = performance.now();
      pending = new MutationObserver(() => {
        pending.disconnect();
        window.__updates.push(performance.now() - t0);
      });
      pending.observe(main, { childList: true, subtree: true, characterData: true });
      requestAnimationFrame(() => window.__frames.push(performance.now() - t0));
    }, { capture: true });
  });
  const search = page.getByLabel('Search', { exact: true });
  for (let round = 0; round < 3; round++) {
    for (const query of QUERIES) {
      await search.fill('');
      await search.pressSequentially(query, { delay: 30 });
    }
  }
  await page.waitForTimeout(100);
  const { update, frame } = await page.evaluate(() => ({ update: window.__updates, frame: window.__frames }));
  const keys = frame;
  await page.close();

  // Map: choosing a country (click) and hovering one, to the repaint of the map.
  const map = await open(env, '/#/?view=map');
  await map.locator('.wjc-map__svg a').first().waitFor();
  await map.evaluate(() => {
    window.__mapFrames = { click: [], hover: [] };
    for (const [type, kind] of [['click', 'click'], ['pointerover', 'hover']]) {
      document.addEventListener(type, (event) => {
        if (!event.target.closest?.('.wjc-map__svg a')) return;
        const t0 = performance.now();
        requestAnimationFrame(() => window.__mapFrames[kind].push(performance.now() - t0));
      }, { capture: true });
    }
  });
  const countries = await map.locator('.wjc-map__svg a').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label').split(':')[0]));
  for (let round = 0; round < 3; round++) {
    for (const name of countries) {
      const link = map.locator(`.wjc-map__svg a[aria-label^="${name}:"] path`);
      await link.hover({ force: true });
      await link.click({ force: true });
    }
  }
  await map.waitForTimeout(100);
  const mapFrames = await map.evaluate(() => window.__mapFrames);
  await map.close();

  const chromium = env.context.browser()?.version() ?? 'Debian Chromium';
  console.log(`Chromium ${chromium}, headless, localhost, ${RUNS} loads; ${keys.length} keystrokes over ${QUERIES.length} queries x 3, ${update.length} of which changed the list.`);
  console.log('');
  console.log('| figure | median | worst |');
  console.log('|---|---|---|');
  console.log(`| navigation to the first card painted (static HTML) | ${fmt(median(firstCard))} | ${fmt(max(firstCard))} |`);
  console.log(`| navigation to the app's first card (interactive) | ${fmt(median(appCard))} | ${fmt(max(appCard))} |`);
  console.log(`| keystroke to updated list (when it changed) | ${fmt(median(update))} | ${fmt(max(update))} |`);
  console.log(`| keystroke to start of next frame | ${fmt(median(frame))} | ${fmt(max(frame))} |`);
  console.log(`| map: click on a country to next frame (${mapFrames.click.length}) | ${fmt(median(mapFrames.click))} | ${fmt(max(mapFrames.click))} |`);
  console.log(`| map: pointer over a country to next frame (${mapFrames.hover.length}) | ${fmt(median(mapFrames.hover))} | ${fmt(max(mapFrames.hover))} |`);
} finally {
  await env.close();
}
