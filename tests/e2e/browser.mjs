// Starts Debian's Chromium through playwright-core, set up for this closed network.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const SHOTS = new URL('./output/', import.meta.url).pathname;

/**
 * Launches the browser and serves dist/ with the deployment's headers (strict CSP), or uses
 * `server` (e.g. the fault server); returns helpers for a test file. `javaScriptEnabled: false`
 * is Tor Browser's "Safest"; `args` adds Chromium flags (e.g. `--js-flags=--noexpose_wasm`,
 * WebAssembly off as at "Safer"). The site's service worker is blocked unless `serviceWorkers`
 * is 'allow' (offline.test.mjs): requests it answers from its cache would bypass the tests'
 * `page.route` fakes of slow and failing downloads. `locale` is the browser's language
 * (`navigator.languages`, `Accept-Language`).
 */
export async function start({ javaScriptEnabled = true, args = [], server, serviceWorkers = 'block', locale = 'en-US' } = {}) {
  server ??= await serve(new URL('../../dist/', import.meta.url).pathname);
  const userDataDir = await mkdtemp(join(tmpdir(), 'wjc-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...args,
    ],
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled,
    serviceWorkers,
    locale,
  });
  // Counts Content-Security-Policy violations from the first moment of every page.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    }, true);
  });
  await mkdir(SHOTS, { recursive: true });
  return {
    origin: server.origin,
    context,
    async close() {
      await context.close();
      await server.close();
      // Each profile is several megabytes; a full run starts over a hundred of them.
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a page that records every request and every console error, and fails the test on
 * any request that leaves the local host. `init` (a function, with `arg`) runs in the page before
 * its own scripts.
 */
export async function open(env, path = '/', { width = 1280, height = 900, init, arg } = {}) {
  const page = await env.context.newPage();
  await page.setViewportSize({ width, height });
  if (init) await page.addInitScript(init, arg);
  page.requests = [];
  page.errors = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.goto(env.origin + path);
  return page;
}

/** Waits for the app's cards (not the static page's, which the app replaces when it is ready). */
export async function cardsReady(page) {
  await page.locator('#wjc-root .wjc-card:not(.wjc-card--skeleton)').first().waitFor();
}

/** The Content-Security-Policy violations the page has reported so far. */
export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations);
}

/** The names on the visible cards, in order. */
export async function cardNames(page) {
  return page.locator('.wjc-card__name a').allTextContents();
}

/** Asserts that axe-core finds no WCAG 2.x A/AA violations. */
export async function assertAccessible(page, what) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  assert.deepEqual(summary, [], `axe violations on ${what}`);
}

/** Asserts that every request the page made went to the local test server. */
export function assertOnlyLocalRequests(page, origin) {
  const outside = page.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
  assert.deepEqual(outside, [], 'requests left the local host');
}

/** Removes the list the browser saved on earlier loads, so that a failed load shows the error view. */
export async function forgetSavedCopy(env, page) {
  const cdp = await env.context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: env.origin, storageTypes: 'cache_storage' });
  await cdp.detach();
}
