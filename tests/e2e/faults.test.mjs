// Failing networks: each fault the fault server injects must end in a clear message (or, for
// transient ones, in automatic retries), never in a frozen tab or a half-drawn list, and Retry
// must work once the server recovers. Timeouts run on Playwright's clock, not in real time.
// While the app loads, the page's static rendering (wjc site) stays on screen and the app's own
// loading view, with its retry note, is in the hidden app root: these checks read the app root.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, cardsReady, assertAccessible, assertOnlyLocalRequests, forgetSavedCopy, SHOTS } from './browser.mjs';
import { serveWithFaults } from './faults.mjs';

const DATA = JSON.parse(await readFile(new URL('../../assets/data/prisoners.json', import.meta.url), 'utf8'));
const ALL = DATA.people.length;
/** Cards on the first page (wjc_core::paging::PAGE_SIZE is 24): the whole list is on two pages. */
const FIRST = Math.min(ALL, 24);
let env;
let server;

before(async () => {
  server = await serveWithFaults(new URL('../../dist/', import.meta.url).pathname);
  env = await start({ server });
});
after(async () => { await env?.close(); });
// A failed test must not leave its fault, or a page holding connections, behind for the next.
const pages = [];
afterEach(async () => {
  server.recover();
  await Promise.all(pages.splice(0).map((p) => p.close()));
});

/**
 * A page on a paused fake clock (timers fire only through `clock.runFor`; the clock belongs to the
 * browser context, so every page shares it), recording page errors (a refused download's console
 * line aside).
 */
async function page() {
  const p = await env.context.newPage();
  pages.push(p);
  p.requests = [];
  p.errors = [];
  p.on('request', (r) => p.requests.push(r.url()));
  p.on('pageerror', (e) => p.errors.push(String(e)));
  p.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && p.errors.push(m.text()));
  // Each test starts with no saved copy (the fallback has its own journeys in saved.test.mjs).
  await forgetSavedCopy(env, p);
  await p.clock.install({ time: new Date('2026-01-01T12:00:00Z') });
  await p.clock.pauseAt(new Date('2026-01-01T12:00:01Z'));
  return p;
}

const realCards = (p) => p.locator('#wjc-root .wjc-card:not(.wjc-card--skeleton)');
const retryNote = (p, text) => p.locator('#wjc-root .wjc-retry-note', { hasText: text });
const attached = { state: 'attached' };

/** How long the page takes to run a trivial script: long if its main thread is blocked. */
async function responseTime(p) {
  const t = Date.now();
  await p.evaluate(() => document.title.length);
  return Date.now() - t;
}

/** Lets the two automatic retries happen (transient faults that fail at once). */
async function throughRetries(p, first) {
  for (const [n, wait] of [[1, 1000], [2, 3000]]) {
    await server.untilRequests(first + n - 1);
    await retryNote(p, `attempt ${n + 1} of 3`).waitFor(attached);
    await p.clock.runFor(wait);
  }
  await server.untilRequests(first + 2);
}

/** The static list is on screen, without its note that JavaScript is needed (it runs). */
async function staticListShown(p) {
  assert.ok(await p.locator('#wjc-static .wjc-card').first().isVisible(), 'the static list stays on screen');
  assert.equal(await p.locator('#wjc-static .wjc-static-note').isVisible(), false, 'no "needs JavaScript" note');
}

/**
 * The notice over the static list says `message`, the static list stays under it, and Try again
 * recovers once the server has: the app's list takes the static list's place.
 */
async function errorThenRetry(p, message, shot) {
  const alert = p.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), message);
  assert.equal(await realCards(p).count(), 0, 'no app list yet');
  await staticListShown(p);
  const [notice, list] = await Promise.all([alert.boundingBox(), p.locator('#wjc-static').boundingBox()]);
  assert.ok(notice.y + notice.height <= list.y, 'the notice is above the static list');
  if (shot) await p.screenshot({ path: `${SHOTS}${shot}.png` });
  server.recover();
  await p.getByRole('button', { name: 'Try again' }).click();
  await cardsReady(p);
  assert.equal(await p.locator('#wjc-static').count(), 0, 'the app replaced the static list');
  assert.equal(await realCards(p).count(), FIRST);
  assert.equal(await p.locator('#wjc-root .wjc-results-bar__count').textContent(), `${ALL} people`);
  assert.deepEqual(p.errors, []);
  assertOnlyLocalRequests(p, env.origin);
}

test('a slow first byte keeps the static list on screen, then the app takes over with the whole list', async () => {
  server.fault('slow', { delay: 1500 }, 1);
  const p = await page();
  await p.goto(env.origin + '/');
  await p.locator('#wjc-root').waitFor(attached);
  assert.equal(await p.locator('#wjc-root').isVisible(), false, 'nothing from the app over the static list while all is well');
  await staticListShown(p);
  assert.equal(await realCards(p).count(), 0);
  assert.ok((await responseTime(p)) < 500, 'the page answers while it waits');
  await cardsReady(p);
  assert.equal(await realCards(p).count(), FIRST);
  assert.equal(await p.locator('#wjc-root .wjc-results-bar__count').textContent(), `${ALL} people`);
  assert.equal(await p.getByRole('alert').count(), 0);
});

test('a server that never answers: 20 s timeout, two retries with backoff, then the error', async () => {
  server.fault('no-answer');
  const first = server.requests + 1;
  const p = await page();
  await p.goto(env.origin + '/');
  for (const [n, wait] of [[0, 1000], [1, 3000]]) {
    await server.untilRequests(first + n);
    await p.clock.runFor(20_000);
    const note = retryNote(p, `attempt ${n + 2} of 3`);
    // Over the static list, which stays.
    await note.waitFor();
    assert.match(await note.textContent(), /no answer within 20 seconds/);
    await staticListShown(p);
    if (n === 0) await p.screenshot({ path: `${SHOTS}fault-retrying.png` });
    assert.equal(await realCards(p).count(), 0);
    await p.clock.runFor(wait - 1);
    assert.equal(server.requests, first + n, `waits ${wait} ms before the next try`);
    await p.clock.runFor(1);
  }
  await server.untilRequests(first + 2);
  await p.clock.runFor(20_000);
  await p.getByRole('alert').waitFor();
  await p.clock.runFor(60_000);
  assert.equal(server.requests, first + 2, 'three tries in all');
  await errorThenRetry(p, /did not answer within 20 seconds/, 'fault-no-answer');
});

test('a download that stalls mid-body ends in the stall timeout, and the retry succeeds', async () => {
  server.fault('stall', {}, 1);
  const first = server.requests + 1;
  const p = await page();
  await p.goto(env.origin + '/');
  await server.untilRequests(first);
  await new Promise((ok) => setTimeout(ok, 300)); // the first half reaches the browser
  assert.ok((await responseTime(p)) < 500, 'the page answers during the stall');
  assert.equal(await realCards(p).count(), 0, 'no half-drawn list');
  await p.clock.runFor(19_000);
  assert.equal(await p.locator('#wjc-root .wjc-retry-note').textContent(), '', 'slow is not stalled yet');
  await p.clock.runFor(1_000);
  await retryNote(p, 'the download stalled').waitFor(attached);
  await p.clock.runFor(1_000);
  await cardsReady(p);
  assert.equal(await realCards(p).count(), FIRST);
  assert.equal(await p.locator('#wjc-root .wjc-results-bar__count').textContent(), `${ALL} people`);
  assert.equal(await p.locator('#wjc-root .wjc-retry-note').count(), 0);
  assert.deepEqual(p.errors, []);
});

test('a stall on every try ends in the error view, and Retry works after recovery', async () => {
  server.fault('stall');
  const first = server.requests + 1;
  const p = await page();
  await p.goto(env.origin + '/');
  for (const [n, wait] of [[0, 1000], [1, 3000], [2, 0]]) {
    await server.untilRequests(first + n);
    await new Promise((ok) => setTimeout(ok, 300));
    await p.clock.runFor(20_000 + wait);
  }
  await errorThenRetry(p, /stopped downloading part-way: nothing arrived for 20 seconds/, 'fault-stalled');
});

test('a server error is retried twice, then explained', async () => {
  server.fault('status', { status: 500 });
  const first = server.requests + 1;
  const p = await page();
  await p.goto(env.origin + '/');
  await throughRetries(p, first);
  await errorThenRetry(p, /server had a problem sending the list \(HTTP 500\)/);
});

test('a passing server error is ridden out by the automatic retry', async () => {
  server.fault('status', { status: 503 }, 1);
  const p = await page();
  await p.goto(env.origin + '/');
  await retryNote(p, 'the server answered HTTP 503').waitFor(attached);
  await p.clock.runFor(1000);
  await cardsReady(p);
  assert.equal(await p.getByRole('alert').count(), 0);
});

/** Faults that retrying cannot fix: one request, then the error at once. */
for (const [name, options, message, shot] of [
  ['status', { status: 404 }, /not found on the server \(HTTP 404\)/, 'fault-404'],
  ['web-page', {}, /Instead of the list, a web page arrived\. A Wi-Fi sign-in page/, 'fault-web-page'],
  ['truncated-json', {}, /not valid JSON \(line \d+, column \d+\): it ends before the data is complete, as if cut off/, 'fault-truncated'],
  ['huge-length', {}, /larger than 128 MB, the most this page will download/, 'fault-too-large'],
]) {
  test(`no retry for a lasting fault: ${name}`, async () => {
    server.fault(name, options);
    const first = server.requests + 1;
    const p = await page();
    await p.goto(env.origin + '/');
    await p.getByRole('alert').waitFor();
    await p.clock.runFor(30_000);
    assert.equal(server.requests, first, 'not retried');
    await errorThenRetry(p, message, shot);
  });
}

test('a body cut off by a dropped connection is retried, then explained', async () => {
  server.fault('cut-off');
  const first = server.requests + 1;
  const p = await page();
  await p.goto(env.origin + '/');
  await throughRetries(p, first);
  await errorThenRetry(p, /connection broke while the list was downloading/, 'fault-cut-off');
});

test('a 50 MB body streams in without freezing the page, then is refused', async () => {
  server.fault('big', { bytes: 50 * 1024 * 1024 });
  const p = await page();
  await p.goto(env.origin + '/');
  await p.locator('#wjc-root').waitFor(attached);
  const slowest = Math.max(...await Promise.all([0, 300, 600, 900].map(async (delay) => {
    await new Promise((ok) => setTimeout(ok, delay));
    return responseTime(p);
  })));
  assert.ok(slowest < 500, `the page answers during the download (${slowest} ms)`);
  await p.getByRole('alert').waitFor({ timeout: 60_000 });
  await errorThenRetry(p, /not valid JSON \(line 1, column 1\)/);
});

test('a body with no length that goes past the cap is cut off there', async () => {
  server.fault('endless');
  const p = await page();
  await p.goto(env.origin + '/');
  await p.getByRole('alert').waitFor({ timeout: 90_000 });
  await errorThenRetry(p, /larger than 128 MB/);
});

test('the error view passes axe at 320 px', async () => {
  server.fault('status', { status: 404 });
  const p = await page();
  // axe runs on timers: let time flow.
  await p.clock.resume();
  await p.setViewportSize({ width: 320, height: 700 });
  await p.goto(env.origin + '/');
  await p.getByRole('alert').waitFor();
  await assertAccessible(p, 'the 404 error view at 320px');
});
