// Acting on a case and sharing it: the Share button with the browser's share sheet and without,
// the "Take action" section, the printed case sheet with its QR code, the Atom feeds and the
// share images `wjc site` writes. The print and head checks use a site built with --site-url
// (the QR codes and absolute card addresses need it), from Trunk's output `make dist` keeps.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, assertAccessible, assertOnlyLocalRequests, SHOTS } from './browser.mjs';
import { serve } from './server.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const DATA = JSON.parse(readFileSync(join(ROOT, 'assets/data/prisoners.json'), 'utf8'));
const SITE_URL = 'https://campaign.example/';

/** The profile of `id` in the app, once drawn. */
async function profile(env, id) {
  const page = await open(env, `/#/person/${id}`);
  await page.locator('#wjc-root h1#profile-title').waitFor();
  return page;
}

describe('the built site (dist/)', () => {
  let env;
  before(async () => { env = await start(); });
  after(async () => { await env?.close(); });

  test('Share opens the browser\'s share sheet with the profile\'s address and hashtags', async () => {
    const page = await env.context.newPage();
    await page.addInitScript(() => {
      window.__shared = [];
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value(data) { window.__shared.push(data); return Promise.resolve(); },
      });
    });
    page.requests = [];
    page.on('request', (r) => page.requests.push(r.url()));
    await page.goto(`${env.origin}/#/person/ales-bialiatski`);
    await page.locator('#wjc-root h1#profile-title').waitFor();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const shared = await page.evaluate(() => window.__shared);
    assert.equal(shared.length, 1);
    assert.match(shared[0].url, /\/person\/ales-bialiatski\.html$/);
    assert.equal(shared[0].text, 'Ales Bialiatski #WithoutJustCause #FreeBelarus');
    assert.equal(await page.locator('.wjc-share__links').count(), 0, 'no fallback with a share sheet');
    assertOnlyLocalRequests(page, env.origin);
    await page.close();
  });

  test('without a share sheet, Share offers copy link and plain links, asking nothing of any network', async () => {
    const page = await env.context.newPage();
    await page.addInitScript(() => { delete Navigator.prototype.share; });
    page.requests = [];
    page.on('request', (r) => page.requests.push(r.url()));
    await page.goto(`${env.origin}/#/person/ales-bialiatski`);
    await page.locator('#wjc-root h1#profile-title').waitFor();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const links = page.locator('.wjc-share__links a');
    assert.deepEqual(await links.allTextContents(), ['E-mail', 'X', 'Bluesky', 'Facebook', 'Telegram', 'WhatsApp']);
    const hrefs = await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    assert.match(hrefs[0], /^mailto:\?subject=Ales%20Bialiatski%20%23WithoutJustCause%20%23FreeBelarus&body=/);
    for (const href of hrefs) assert.match(href, /person%2Fales-bialiatski\.html/);
    assert.ok(await page.getByRole('button', { name: 'Copy link' }).isVisible());
    await assertAccessible(page, 'a profile with the share links open');
    // Only the site's own files: no network was asked anything before a click on its link.
    assertOnlyLocalRequests(page, env.origin);
    await page.close();
  });

  test('Take action lists the person\'s calls, the hashtags to share with, and the source\'s calls', async () => {
    const page = await profile(env, 'ales-bialiatski');
    const act = page.locator('#wjc-root .wjc-act');
    assert.equal(await act.locator('h2').textContent(), 'Take action');
    const items = await act.locator('li').allTextContents();
    // Each hashtag in its own isolate, so a right-to-left page keeps its # in front.
    assert.match(items[0], /^Share .*Share with \u2068#WithoutJustCause\u2069 \u2068#FreeBelarus\u2069$/);
    assert.match(items[1], /^The campaign calls for The State Department joins the international community/);
    assert.ok(items.some((i) => i.startsWith('Contact officials')), items.join('\n'));
    // The timeline: oldest first, each event with its kind and its source.
    const events = await page.locator('#wjc-root .wjc-timeline li').allTextContents();
    assert.equal(events.length, 3);
    assert.match(events[1], /^Jul 2021 — Arrest: Arrested;.*Source: U\.S\. Department of State/);
    // How long held, as of the status date, and the expected release of the known sentence.
    const lines = await page.locator('#wjc-root .wjc-case-lines li').allTextContents();
    assert.deepEqual(lines, [
      'Held since Jul 2021 · over a year by 2023',
      'Expected release Jul 2031 (a sentence of 10 years, counted from the arrest)',
    ]);
    await assertAccessible(page, 'a profile with its actions');
    await page.close();
  });

  test('someone disappeared shows the last contact', async () => {
    const page = await profile(env, 'khalil-matouq');
    assert.deepEqual(await page.locator('#wjc-root .wjc-case-lines li').allTextContents(), ['No contact since 2012']);
    await page.close();
  });

  test('the feeds parse as Atom, newest first, and every page links them', async () => {
    const page = await open(env, '/');
    const feed = await page.evaluate(async () => {
      const text = await (await fetch('feeds/all.atom')).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length,
        name: root.localName,
        ns: root.namespaceURI,
        entries: [...root.getElementsByTagName('entry')].map((e) => ({
          title: e.getElementsByTagName('title')[0]?.textContent,
          id: e.getElementsByTagName('id')[0]?.textContent,
          updated: e.getElementsByTagName('updated')[0]?.textContent,
          link: e.getElementsByTagName('link')[0]?.getAttribute('href'),
        })),
      };
    });
    assert.equal(feed.error, 0);
    assert.equal(feed.name, 'feed');
    assert.equal(feed.ns, 'http://www.w3.org/2005/Atom');
    assert.equal(feed.entries.length, DATA.people.length);
    for (const e of feed.entries) {
      assert.ok(e.title && e.id && e.link, JSON.stringify(e));
      assert.match(e.updated, /^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    }
    const updated = feed.entries.map((e) => e.updated);
    assert.deepEqual(updated, [...updated].sort().reverse(), 'newest first');
    const alternate = await page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href');
    assert.equal(alternate, 'feeds/all.atom');
    const response = await page.request.get(`${env.origin}/feeds/by.atom`);
    assert.equal(response.status(), 200);
    assert.equal((await response.text()).match(/<entry>/g).length, 3, 'Belarus');
    await page.close();
  });
});

test('the share images are 1200×630 PNGs, one per profile and the site card', () => {
  const files = readdirSync(join(DIST, 'share')).sort();
  assert.deepEqual(files, [...DATA.people.map((p) => `${p.id}.png`), 'site.png'].sort());
  for (const file of files) {
    const png = readFileSync(join(DIST, 'share', file));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], file);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630], file);
  }
});

describe('a site built with its public address (--site-url)', () => {
  let env;
  let site;
  before(async () => {
    const app = join(ROOT, 'target/app');
    if (!existsSync(app)) throw new Error('target/app is missing: run make dist');
    site = mkdtempSync(join(tmpdir(), 'wjc-act-'));
    cpSync(app, site, { recursive: true });
    cpSync(join(ROOT, 'assets/data/prisoners.json'), join(site, 'data/prisoners.json'));
    execFileSync('cargo', ['run', '--locked', '--quiet', '-p', 'wjc-cli', '--', 'site', site, '--site-url', SITE_URL],
      { cwd: ROOT, stdio: 'ignore' });
    env = await start({ server: await serve(site) });
  });
  after(async () => {
    await env?.close();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  test('a static profile carries its share card, canonical address and feeds', async () => {
    const page = await open(env, '/person/ales-bialiatski.html');
    const meta = (selector) => page.locator(selector).getAttribute('content');
    assert.equal(await meta('meta[property="og:title"]'), 'Ales Bialiatski');
    assert.equal(await meta('meta[property="og:description"]'), DATA.people.find((p) => p.id === 'ales-bialiatski').summary);
    assert.equal(await meta('meta[property="og:image"]'), `${SITE_URL}share/ales-bialiatski.png`);
    assert.equal(await meta('meta[name="twitter:card"]'), 'summary_large_image');
    assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), `${SITE_URL}person/ales-bialiatski.html`);
    const feeds = await page.locator('link[rel=alternate][type="application/atom+xml"]').evaluateAll((all) => all.map((l) => l.getAttribute('href')));
    assert.deepEqual(feeds, [`${SITE_URL}feeds/all.atom`, `${SITE_URL}feeds/by.atom`]);
    await page.close();
  });

  test('printing a profile gives the case sheet: QR code shown, navigation and controls hidden', async () => {
    const page = await profile(env, 'ales-bialiatski');
    const qr = page.locator('#wjc-root .wjc-print-qr');
    assert.equal(await qr.isVisible(), false, 'the QR code is for print only');
    assert.ok(await page.getByRole('button', { name: 'Print case sheet' }).isVisible());
    await page.emulateMedia({ media: 'print' });
    assert.ok(await qr.isVisible(), 'the QR code is printed');
    await page.waitForFunction(() => document.querySelector('#wjc-root .wjc-print-qr img')?.complete);
    assert.ok(await qr.locator('img').evaluate((img) => img.naturalWidth > 0), 'the QR code loaded');
    for (const hidden of ['.wjc-header', '.wjc-profile__nav', '.wjc-pager', '.wjc-share', '.wjc-footer']) {
      assert.equal(await page.locator(`#wjc-root ${hidden}`).first().isVisible(), false, hidden);
    }
    for (const shown of ['#profile-title', '.wjc-profile__status', '.wjc-facts', '.wjc-timeline', '.wjc-act']) {
      assert.ok(await page.locator(`#wjc-root ${shown}`).isVisible(), shown);
    }
    assert.equal(await page.locator('#wjc-root .wjc-act li:visible').count(), 1, 'the main action only');
    await assertAccessible(page, 'the printed case sheet');
    await page.screenshot({ path: `${SHOTS}case-sheet-print.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g).length;
    assert.equal(pages, 1, 'one printed page');
    await page.close();
  });
});
