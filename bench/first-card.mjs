// When a page's first card is on screen, shared by bench/budgets.mjs and bench/app.mjs.

/**
 * Installed in a page before its scripts (Playwright's `addInitScript`). Sets
 * `window.__firstCards.painted`, when the first card was painted (Element Timing: every card's
 * name is marked with `elementtiming` as the parser or the app inserts it, before it can be
 * painted, so the page itself is unchanged; on a built site it is the static page's card), and
 * `window.__firstCards.app`, when the app's own first card was in the DOM (`performance.now()`).
 */
export function watchFirstCards() {
  window.__firstCards = { painted: undefined, app: undefined };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__firstCards.painted ??= e.renderTime || e.loadTime;
  }).observe({ type: 'element', buffered: true });
  new MutationObserver((_, observer) => {
    for (const name of document.querySelectorAll('.wjc-card__name:not([elementtiming])')) {
      name.setAttribute('elementtiming', 'card');
    }
    if (document.querySelector('#wjc-root:not([hidden]) .wjc-card:not(.wjc-card--skeleton)')) {
      window.__firstCards.app = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

/** Waits (up to `timeout` ms) for both of the page's first cards; returns `{ painted, app }`. */
export async function firstCards(page, timeout = 30_000) {
  await page.waitForFunction(() => window.__firstCards.painted !== undefined && window.__firstCards.app !== undefined, null, { timeout });
  return page.evaluate(() => window.__firstCards);
}
