// Measures the built site (dist/) in headless Chromium: time to first card after navigation, and
// the time from a keystroke in search to the updated list and to the next frame.
// Run: make bench   (prints a Markdown table; see docs/performance.md)
import { start, open } from '../tests/e2e/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const QUERIES = ['belarus', 'pham doan', 'journalist', 'imprisoned'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs) => Math.max(...xs);
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const env = await start();
try {
  // Time to first card: from navigation start to the first real card in the DOM.
  const firstCard = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await env.context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('.wjc-card:not(.wjc-card--skeleton)')) {
          window.__firstCard = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(env.origin + '/');
    await page.waitForFunction(() => window.__firstCard !== undefined);
    firstCard.push(await page.evaluate(() => window.__firstCard));
    await page.close();
  }

  // Keystroke to update and to next paint, typing each query letter by letter.
  const page = await open(env, '/');
  await page.locator('.wjc-card').first().waitFor();
  await page.evaluate(() => {
    window.__keys = [];
    const grid = document.querySelector('.wjc-list__main');
    document.addEventListener('input', () => {
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        observer.disconnect();
        const t1 = performance.now();
        requestAnimationFrame(() => window.__keys.push([t1 - t0, performance.now() - t0]));
      });
      observer.observe(grid, { childList: true, subtree: true, characterData: true });
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
  const keys = await page.evaluate(() => window.__keys);
  const update = keys.map((k) => k[0]);
  const frame = keys.map((k) => k[1]);
  await page.close();

  const chromium = env.context.browser()?.version() ?? 'Debian Chromium';
  console.log(`Chromium ${chromium}, headless, localhost, ${RUNS} loads; ${keys.length} keystrokes over ${QUERIES.length} queries x 3.`);
  console.log('');
  console.log('| figure | median | worst |');
  console.log('|---|---|---|');
  console.log(`| navigation to first card | ${fmt(median(firstCard))} | ${fmt(max(firstCard))} |`);
  console.log(`| keystroke to updated list | ${fmt(median(update))} | ${fmt(max(update))} |`);
  console.log(`| keystroke to next frame | ${fmt(median(frame))} | ${fmt(max(frame))} |`);
} finally {
  await env.close();
}
