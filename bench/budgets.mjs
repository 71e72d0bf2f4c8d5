// `make bench`: measures every budget of issues 6 and 19 and writes the table into docs/performance.md
// (between the `bench:budgets` markers); exits 1 only when a hard cap is broken.
// `--smoke` (in `make test`): the 1k dataset only, one run, no Lighthouse, no budgets and no
// write; fails unless every figure is produced.
//
// What it serves: for each dataset size, a copy of Trunk's output (target/app, kept by
// `make dist`) with the generated dataset as data/prisoners.json, finished by `wjc site` like a
// real deployment of that dataset (static list and profile pages included), on 127.0.0.1 with the
// deployment's headers. Sizes are the files' brotli (quality 11) and gzip (-9) sizes.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { serve } from '../tests/e2e/server.mjs';
import { watchFirstCards, firstCards } from './first-card.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const SMOKE = process.argv.includes('--smoke');
const APP = join(ROOT, 'target/app');
const WIDGET = join(ROOT, 'target/widget');
const FLOOR = join(ROOT, 'target/floor');
const WORK = join(ROOT, 'target/bench');
const WJC = process.env.WJC ?? join(ROOT, 'target/release/wjc');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const DOC = join(ROOT, 'docs/performance.md');
const SIZES = SMOKE ? [1_000] : [1_000, 10_000, 50_000];
const BIG = SIZES[SIZES.length - 1];
const SEED = 6;
/** Fresh page loads per size (each in a new browser context: nothing cached). */
const LOADS = SMOKE ? 1 : 5;
/** Rounds of typing every query and clicking every facet option. */
const ROUNDS = SMOKE ? 1 : 3;
const LIGHTHOUSE_RUNS = 3;
/** Typed letter by letter; the side-by-side comparison runs every prefix of these too. */
const QUERIES = SMOKE ? ['ana'] : ['journalist', 'belarus', 'free speech', 'ana'];
/** Milliseconds between keystrokes, a fast typist. */
const KEY_DELAY = SMOKE ? 40 : 120;
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const max = (xs) => (xs.length ? Math.max(...xs) : NaN);
const min = (xs) => (xs.length ? Math.min(...xs) : NaN);
const brotli = (bytes) => brotliCompressSync(bytes, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
}).length;
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const k = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
const T0 = Date.now();
const log = (...xs) => console.error(`bench [${((Date.now() - T0) / 1000).toFixed(0)} s]:`, ...xs);

// ---------------------------------------------------------------- the rows of the table

/**
 * One row: `value` and `worst` in `unit`; `goal` and `cap` are limits (`<=` for `lower`, else
 * `>=`); a row without limits is information only.
 */
const rows = [];
function row(what, value, { unit, worst, goal, cap, lower = true, digits = 1, note = '' }) {
  rows.push({ what, value, unit, worst, goal, cap, lower, digits, note });
}
function status({ value, goal, cap, lower }) {
  if (goal === undefined && cap === undefined) return '';
  const within = (limit) => limit === undefined || (lower ? value <= limit : value >= limit);
  if (!within(cap)) return '**OVER CAP**';
  if (!within(goal)) return 'over goal';
  return 'pass';
}
function show(value, unit, digits) {
  if (value === undefined) return '';
  if (unit === 'KB') return `${(value / 1024).toFixed(digits)} KB`;
  if (unit === 'MB') return `${(value / 1048576).toFixed(digits)} MB`;
  if (unit === '×') return `${value.toFixed(2)}×`;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

// ---------------------------------------------------------------- sizes

function fileSizes(dir) {
  const files = readdirSync(dir).filter((f) => /\.(wasm|js)$/.test(f));
  if (!files.some((f) => f.endsWith('.wasm'))) throw new Error(`no .wasm in ${dir}: run make dist`);
  return files.map((f) => {
    const bytes = readFileSync(join(dir, f));
    return { file: f, raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) };
  });
}

// ---------------------------------------------------------------- datasets and sites

function buildSite(size) {
  const site = join(WORK, `site-${k(size)}`);
  const data = join(WORK, `data-${k(size)}.json`);
  log(`generating ${size} people (seed ${SEED}) and the site for them in ${site}`);
  execFileSync(WJC, ['generate', '--count', String(size), '--seed', String(SEED), '-o', data], { stdio: 'ignore' });
  rmSync(site, { recursive: true, force: true });
  cpSync(APP, site, { recursive: true });
  cpSync(data, join(site, 'data/prisoners.json'));
  execFileSync(WJC, ['site', site, '--widget', WIDGET], { stdio: 'ignore' });
  // Served only for the side-by-side comparison, from the same origin (the policy allows 'self').
  mkdirSync(join(site, 'bench'), { recursive: true });
  // A partner's page with the widget as docs/embedding.md gives it, for the widget's code budget.
  writeFileSync(join(site, 'bench/partner.html'), '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
    + '<title>A partner\'s page</title></head><body><h1>A partner\'s page</h1>'
    + '<script type="module" src="../widget.js"></script><wjc-widget limit="6"></wjc-widget></body></html>\n');
  cpSync(join(ROOT, 'node_modules/minisearch/dist/umd/index.js'), join(site, 'bench/minisearch.js'));
  return site;
}

// ---------------------------------------------------------------- the browser

/** Installed in every page before its scripts: the app's query measures, and when the whole list is read. */
function probe() {
  window.__bench = { queries: [], wholeList: undefined, memory: undefined };
  // The app's WebAssembly memory, which its split modules share (the loader's event carries the
  // main module's exports).
  addEventListener('TrunkApplicationStarted', (event) => { window.__bench.memory = event.detail.wasm.memory; });
  // Every file the page fetches stays listed (the code budgets are read from this list).
  performance.setResourceTimingBufferSize(100_000);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'wjc:query') window.__bench.queries.push(e.duration);
  }).observe({ type: 'measure' });
  // The filters appear with the whole list (a lean list's first page comes before it).
  new MutationObserver((_, observer) => {
    if (document.querySelector('#wjc-root:not([hidden]) .wjc-list__side:not(.wjc-waiting)')) {
      window.__bench.wholeList = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

const domSize = (page) => page.evaluate(() => document.getElementsByTagName('*').length);

/**
 * The code (wasm and JS) the page has fetched from its own site so far, as the browser's
 * resource timing lists it, and its brotli size from the files in `site`: what a visitor has
 * waited for, whatever the files are called.
 */
async function codeFetched(page, site, until = Infinity) {
  const paths = await page.evaluate((until) => performance.getEntriesByType('resource')
    .filter((e) => e.startTime <= until)
    .map((e) => new URL(e.name))
    .filter((u) => u.origin === location.origin && /\.(wasm|js)$/.test(u.pathname))
    .map((u) => decodeURIComponent(u.pathname)), until);
  const files = [...new Set(paths)].sort();
  const sizes = files.map((p) => ({ file: p, brotli: brotli(readFileSync(join(site, p))) }));
  return { sizes, total: sizes.reduce((sum, f) => sum + f.brotli, 0) };
}
const listCode = ({ sizes }) => sizes.map((f) => `${f.file.replace(/^\//, '').replace(/-[0-9a-f]{8,}/, '-…')} ${(f.brotli / 1024).toFixed(1)} KB`).join(', ');

/** A partner's page with one widget (bench/partner.html, written by buildSite) to its first real card. */
async function widgetOnce(browser, origin, site) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => performance.setResourceTimingBufferSize(100_000));
    await page.goto(`${origin}/bench/partner.html`);
    // When the first real card is drawn (in the widget's shadow root), on the page's clock: what
    // the widget fetches while idle after that, ahead of need, is not waited for.
    const shown = await page.waitForFunction(() => (document.querySelector('wjc-widget')?.shadowRoot
      ?.querySelector('.wjc-card:not(.wjc-card--skeleton)') ? performance.now() : false),
    null, { polling: 'raf', timeout: 120_000 });
    return await codeFetched(page, site, await shown.jsonValue());
  } finally {
    await context.close();
  }
}

/**
 * A fresh load of the list, then a click on Map: milliseconds from the click (its event time) to
 * the frame after the map's countries are in the page, with whatever that fetched on the way.
 */
async function mapOnce(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(probe);
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.__bench.wholeList !== undefined, null, { timeout: 120_000 });
    await page.evaluate(() => {
      window.__bench.mapDrawn = new Promise((resolve) => {
        document.addEventListener('click', (event) => {
          const drawn = () => document.querySelector('.wjc-map__svg path');
          const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - event.timeStamp)));
          if (drawn()) return done();
          new MutationObserver((_, observer) => {
            if (drawn()) { observer.disconnect(); done(); }
          }).observe(document, { childList: true, subtree: true });
        }, { capture: true, once: true });
      });
    });
    await page.getByRole('link', { name: 'Map', exact: true }).first().click();
    return await page.evaluate(() => window.__bench.mapDrawn);
  } finally {
    await context.close();
  }
}

/**
 * JS heap in use (after a full garbage collection) and the app's WebAssembly memory. (Chromium's
 * renderer crashes when `Runtime.queryObjects` looks for WebAssembly memories of split modules,
 * so the memory is the one the app's loader announced.)
 */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const wasm = await page.evaluate(() => window.__bench.memory?.buffer.byteLength);
  if (!wasm) throw new Error('the app announced no WebAssembly memory (TrunkApplicationStarted)');
  return { heap: usedSize, wasm };
}

/** Time from each input event (its timeStamp) to the task after the next frame, i.e. painted. */
function watchPaints() {
  window.__bench.paints = [];
  const channel = new MessageChannel();
  const pending = [];
  channel.port1.onmessage = () => {
    const t0 = pending.shift();
    window.__bench.paints.push(performance.now() - t0);
  };
  for (const type of ['input', 'change']) {
    document.addEventListener(type, (event) => {
      if (type === 'change' && event.target.type !== 'checkbox') return;
      const t0 = event.timeStamp;
      requestAnimationFrame(() => {
        pending.push(t0);
        channel.port2.postMessage(null);
      });
    }, { capture: true });
  }
}

async function loadOnce(browser, origin, size) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(watchFirstCards);
  await page.addInitScript(probe);
  await page.goto(`${origin}/`);
  const { painted: firstCard, app: appCard } = await firstCards(page, 120_000);
  await page.waitForFunction(() => window.__bench.wholeList !== undefined, null, { timeout: 120_000 });
  const { wholeList } = await page.evaluate(() => window.__bench);
  const outside = requests.filter((url) => !url.startsWith(origin));
  if (outside.length) throw new Error(`requests left the local host: ${outside.join(', ')}`);
  // The JSON the page had asked for when its first card was drawn (the page's own clock).
  const data = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\.json(\?|$)/.test(e.name) && e.startTime <= window.__firstCards.app)
    .map((e) => new URL(e.name).pathname));
  await page.waitForTimeout(300);
  const dom = await domSize(page);
  const mem = await memory(page);
  return { context, page, firstCard, appCard, wholeList, data, dom, mem, size };
}

/** Types every query letter by letter and clicks facet options; returns compute and paint times. */
/**
 * Times choosing a language in the header to the list repainted in it: the click, the
 * language's messages (downloaded on the first choice, kept after), the list drawn again, the
 * next frame. Alternates Spanish and English `rounds` times; returns [first, ...later] in ms.
 */
async function switchLanguage(page, rounds) {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    for (const [name, tag] of [['Español', 'es'], ['English', 'en']]) {
      times.push(await page.evaluate(([name, tag]) => new Promise((done) => {
        const link = [...document.querySelectorAll('#wjc-root .wjc-languages a')].find((a) => a.textContent === name);
        const start = performance.now();
        const check = () => {
          if (document.documentElement.lang === tag && document.querySelector('#wjc-root .wjc-card')) {
            requestAnimationFrame(() => done(performance.now() - start));
          } else {
            requestAnimationFrame(check);
          }
        };
        link.click();
        requestAnimationFrame(check);
      }), [name, tag]));
    }
  }
  return times;
}

async function interact(page, { throttle }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.evaluate(watchPaints);
  const search = page.locator('#wjc-search-input');
  const typed = { compute: [], paint: [] };
  const clicked = { compute: [], paint: [] };
  const take = async () => {
    await page.waitForTimeout(throttle > 1 ? 800 : 300);
    return page.evaluate(() => {
      const out = { compute: window.__bench.queries, paint: window.__bench.paints };
      window.__bench.queries = [];
      window.__bench.paints = [];
      return out;
    });
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of QUERIES) {
      await search.fill('');
      await take(); // the clearing keystroke is not counted
      await search.pressSequentially(query, { delay: KEY_DELAY });
      const got = await take();
      typed.compute.push(...got.compute);
      typed.paint.push(...got.paint);
    }
    await search.fill('');
    await take();
    // Facet clicks: the first two options of each filter on, then off again.
    const boxes = page.locator('#wjc-root .wjc-facet[open] .wjc-facet__option input[type=checkbox]');
    const count = await boxes.count();
    const picks = [0, 1, Math.floor(count / 2), count - 1].filter((i, n, all) => i >= 0 && i < count && all.indexOf(i) === n);
    for (const on of [true, false]) {
      for (const i of on ? picks : [...picks].reverse()) {
        await boxes.nth(i).click({ force: true });
        await page.waitForTimeout(KEY_DELAY);
      }
      const got = await take();
      clicked.compute.push(...got.compute);
      clicked.paint.push(...got.paint);
    }
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  for (const [what, xs] of Object.entries({ 'typed compute': typed.compute, 'typed paint': typed.paint, 'click compute': clicked.compute, 'click paint': clicked.paint })) {
    if (!xs.length) throw new Error(`no ${what} figures: did the app stop emitting its wjc:query measure?`);
  }
  return { typed, clicked };
}

/**
 * Follows "Next page" up to `times` times, then the link to the last page, scrolling each page
 * to its bottom; returns the largest DOM seen. (The list is paged: each page replaces the last.)
 */
async function pageThrough(page, times) {
  let most = await domSize(page);
  const visit = async (link) => {
    if (!(await link.count())) return false;
    await link.click();
    await page.waitForTimeout(200);
    await page.mouse.wheel(0, 20_000);
    await page.waitForTimeout(100);
    most = Math.max(most, await domSize(page));
    return true;
  };
  for (let i = 0; i < times; i++) {
    if (!(await visit(page.locator('#wjc-root .wjc-pages__next')))) break;
  }
  await visit(page.locator('#wjc-root .wjc-pages__link').last());
  return most;
}

/**
 * The same queries (every prefix of QUERIES, as typed) answered by the app (its wjc:query
 * measure, which also counts facets and sorts), by MiniSearch (prefix search, every word
 * required) and by Array.filter over lowercased strings, in the same page; per query, the
 * median of `repeat` runs.
 */
async function sideBySide(page, repeat) {
  await page.addScriptTag({ url: 'bench/minisearch.js' });
  const texts = QUERIES.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)).filter((t) => t.trim()));
  return page.evaluate(async ({ texts, repeat }) => {
    const data = await (await fetch('data/prisoners.json')).json();
    const region = new Intl.DisplayNames(['en'], { type: 'region' });
    const docs = data.people.map((p, id) => ({
      id,
      name: p.name,
      aliases: (p.aliases ?? []).join(' '),
      country: region.of(p.country) ?? p.country,
      native: p.native_name ?? '',
      occupations: (p.occupations ?? []).join(' '),
    }));
    // What the app searches in a lean list (`wjc compile`, over 100 people): names, country and
    // occupations; summaries and stories are in the profiles' detail files.
    const fields = ['name', 'aliases', 'native', 'country', 'occupations'];
    let t = performance.now();
    const mini = new window.MiniSearch({ fields, searchOptions: { prefix: true, combineWith: 'AND' } });
    mini.addAll(docs);
    const miniBuild = performance.now() - t;
    t = performance.now();
    const lowered = docs.map((d) => fields.map((f) => d[f]).join(' ').toLowerCase());
    const filterBuild = performance.now() - t;
    const time = (f) => {
      const runs = [];
      for (let i = 0; i < repeat; i++) {
        const t0 = performance.now();
        f();
        runs.push(performance.now() - t0);
      }
      runs.sort((a, b) => a - b);
      return runs[Math.floor(runs.length / 2)];
    };
    const input = document.querySelector('#wjc-search-input');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const out = { ours: [], minisearch: [], filter: [], miniBuild, filterBuild, matches: [] };
    for (const text of texts) {
      // The app's own search, through its search box; only its query run is timed.
      const ours = [];
      for (let i = 0; i < repeat; i++) {
        for (const value of ['', text]) {
          window.__bench.queries = [];
          setter.call(input, value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          // The measure reaches the observer in a later task.
          for (let wait = 0; wait < 50 && !window.__bench.queries.length; wait++) {
            await new Promise((ok) => setTimeout(ok, 1));
          }
          if (value) ours.push(...window.__bench.queries);
        }
      }
      ours.sort((a, b) => a - b);
      out.ours.push(ours[Math.floor(ours.length / 2)]);
      out.minisearch.push(time(() => mini.search(text)));
      const words = text.toLowerCase().split(/\s+/).filter(Boolean);
      out.filter.push(time(() => lowered.filter((s) => words.every((w) => s.includes(w)))));
      out.matches.push([text, mini.search(text).length, lowered.filter((s) => words.every((w) => s.includes(w))).length]);
    }
    return out;
  }, { texts, repeat });
}

// ---------------------------------------------------------------- Lighthouse

async function lighthouseScores(origin, runs) {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktop } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const scores = { mobile: [], desktop: [] };
  for (const [profile, config] of [['mobile', undefined], ['desktop', desktop]]) {
    for (let i = 0; i < runs; i++) {
      const userDataDir = mkdtempSync(join(tmpdir(), 'wjc-lighthouse-'));
      const chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM,
        chromeFlags: ['--headless=new', ...ARGS, `--user-data-dir=${userDataDir}`],
        userDataDir: false,
      });
      try {
        const result = await lighthouse(`${origin}/`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, config);
        const score = result.lhr.categories.performance.score;
        if (score === null) throw new Error(`Lighthouse (${profile}) gave no score: ${result.lhr.runtimeError?.message ?? 'unknown'}`);
        scores[profile].push(score * 100);
        log(`Lighthouse ${profile}: ${score * 100}`);
      } finally {
        await chrome.kill();
        rmSync(userDataDir, { recursive: true, force: true });
      }
    }
  }
  return scores;
}

// ---------------------------------------------------------------- the run

function machine(browserVersion) {
  const info = readFileSync('/proc/cpuinfo', 'utf8');
  const model = info.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown CPU';
  return `${model}, ${cpus().length} cores; Chromium ${browserVersion} (headless); `
    + `Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`;
}

mkdirSync(WORK, { recursive: true });
if (!existsSync(APP)) throw new Error('target/app is missing: run make dist');
const sizes = fileSizes(APP);
const appCode = sizes.reduce((sum, f) => sum + f.brotli, 0);
// `wjc site` adds the loader script; count it as app code too.
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const version = browser.version();
let failed = false;
try {
  const sites = Object.fromEntries(SIZES.map((size) => [size, buildSite(size)]));
  const loader = readdirSync(sites[SIZES[0]]).filter((f) => /^loader-.*\.js$/.test(f))
    .reduce((sum, f) => sum + brotli(readFileSync(join(sites[SIZES[0]], f))), 0);

  const perSize = {};
  for (const size of SIZES) {
    const server = await serve(sites[size]);
    try {
      log(`${size}: ${LOADS} fresh loads`);
      const loads = [];
      for (let i = 0; i < LOADS; i++) {
        const load = await loadOnce(browser, server.origin, size);
        loads.push(load);
        if (i < LOADS - 1) await load.context.close();
      }
      const last = loads[loads.length - 1];
      const dataFiles = [...new Set(loads.flatMap((l) => l.data))];
      const dataBrotli = dataFiles.reduce((sum, p) => sum + brotli(readFileSync(join(sites[size], p))), 0);
      log(`${size}: typing and facet clicks`);
      const fast = await interact(last.page, { throttle: 1 });
      // Everything the list needed to answer those searches (issue 19's first budget).
      const searchCode = await codeFetched(last.page, sites[size]);
      const languages = size === SIZES[0] ? await switchLanguage(last.page, SMOKE ? 2 : 5) : undefined;
      const slow = await interact(last.page, { throttle: 4 });
      const domAfterLoad = Math.max(...loads.map((l) => l.dom));
      const dom = Math.max(domAfterLoad, await pageThrough(last.page, 5));
      let versus;
      if (size === BIG) {
        log(`${size}: side by side with MiniSearch and Array.filter`);
        versus = await sideBySide(last.page, SMOKE ? 3 : 9);
      }
      await last.context.close();
      log(`${size}: the widget, and opening the map`);
      const widgetCode = await widgetOnce(browser, server.origin, sites[size]);
      const mapOpen = [];
      for (let i = 0; i < (SMOKE ? 1 : LOADS); i++) mapOpen.push(await mapOnce(browser, server.origin));
      const listBrotli = brotli(readFileSync(join(sites[size], 'data/list.json')));
      perSize[size] = { loads, dataFiles, dataBrotli, listBrotli, fast, slow, domAfterLoad, dom, versus, languages, searchCode, widgetCode, mapOpen };
    } finally {
      await server.close();
    }
  }

  // The rows, budgets first, in the issue's order.
  {
    // Issue 19's code budgets: what a visitor waits for, read from what the browser fetched (the
    // stylesheets are counted apart). The same code serves every dataset size: the smallest site.
    const { searchCode, widgetCode } = perSize[SIZES[0]];
    row('app code fetched until the list answers a search, brotli', searchCode.total, { unit: 'KB', goal: 100 * 1024, cap: 200 * 1024,
      note: `${listCode(searchCode)} (resource timing, after typing and facet clicks)` });
    row('widget code fetched until its cards show, brotli', widgetCode.total, { unit: 'KB', goal: 90 * 1024, cap: 170 * 1024,
      note: `${listCode(widgetCode)} (a partner's page with one widget)` });
    row('all of the app\'s code together, brotli', appCode + loader, { unit: 'KB', cap: 300 * 1024,
      note: sizes.map((f) => `${f.file.replace(/-[0-9a-f]{8,}/, '-…')} ${(f.brotli / 1024).toFixed(1)} KB`).join(', ') + `, loader ${(loader / 1024).toFixed(1)} KB` });
  }
  for (const size of SIZES) {
    const xs = perSize[size].mapOpen;
    row(`opening the map the first time, click to drawn, localhost, ${k(size)}`, median(xs), { unit: 'ms', worst: max(xs), goal: 150, cap: 400,
      note: 'a fresh load each time; the map\'s shapes downloaded on the way' });
  }
  if (!SMOKE) {
    // The stack's floor (bench/floor, built by `make bench`): what the code budgets are up against.
    const floor = fileSizes(FLOOR);
    row('floor: a toy widget on the fixed stack (Leptos, serde_json, gloo-net), brotli', floor.reduce((sum, f) => sum + f.brotli, 0), { unit: 'KB',
      note: 'bench/floor: one download, one serde read, a search box, one checkbox and a list of cards; nothing else of the app' });
  }
  for (const size of SIZES) {
    const { dataFiles, dataBrotli } = perSize[size];
    row(`data on the first-screen path, brotli, ${k(size)}`, dataBrotli, { unit: 'KB', goal: 14 * 1024, cap: 30 * 1024,
      note: `JSON fetched before the app's first card: ${dataFiles.join(', ')}` });
  }
  for (const size of SIZES) {
    const { listBrotli } = perSize[size];
    row(`list index per record, brotli, ${k(size)}`, listBrotli / size, { unit: 'B', digits: 1, goal: 16, cap: 24,
      note: 'data/list.json (`wjc compile`): the lean list the cards, search and filters run on' });
  }
  for (const size of SIZES) {
    const painted = perSize[size].loads.map((l) => l.firstCard);
    row(`time to first card, painted, ${k(size)}`, median(painted), { unit: 'ms', worst: max(painted), goal: 150, cap: 300,
      note: 'the first card on screen: the static page\'s (`wjc site`), its links to static profiles working (Element Timing)' });
  }
  for (const size of SIZES) {
    const app = perSize[size].loads.map((l) => l.appCard);
    row(`time to the app's first card (interactive), ${k(size)}`, median(app), { unit: 'ms', worst: max(app),
      note: `in the DOM; the app's code is fetched once the static page is painted${size > 100 ? '; from data/first.json, the lean list\'s first page' : ''}` });
  }
  for (const size of SIZES) {
    const whole = perSize[size].loads.map((l) => l.wholeList);
    row(`time to the whole list (search and filters work), ${k(size)}`, median(whole), { unit: 'ms', worst: max(whole) });
  }
  {
    const times = perSize[SIZES[0]].languages;
    row(`choosing a language to the list repainted in it, ${k(SIZES[0])}`, median(times), { unit: 'ms', worst: max(times), goal: 100,
      note: `Español and English in turn, ${times.length} switches; the first downloads i18n/es.json and data/translations/es.json (${times[0].toFixed(0)} ms), later ones reuse them` });
  }
  const computeGoal = { 1000: 0.5, 10000: 3, 50000: 12 };
  for (const [what, key] of [['search per keystroke', 'typed'], ['filter per facet click', 'clicked']]) {
    for (const size of SIZES) {
      const xs = perSize[size].fast[key].compute;
      row(`${what}: compute (\`wjc:query\`), ${k(size)}`, median(xs), { unit: 'ms', digits: 2, worst: max(xs), goal: computeGoal[size], cap: 16, note: `${xs.length} runs` });
    }
  }
  for (const [what, key] of [['keystroke', 'typed'], ['facet click', 'clicked']]) {
    for (const size of SIZES) {
      const xs = perSize[size].fast[key].paint;
      row(`${what} to next paint, ${k(size)}`, median(xs), { unit: 'ms', worst: max(xs) });
    }
    for (const size of SIZES) {
      const xs = perSize[size].slow[key].paint;
      const limits = size === 50000 ? { goal: 100, cap: 200 } : {};
      row(`${what} to next paint, 4× CPU slowdown, ${k(size)}`, median(xs), { unit: 'ms', worst: max(xs), ...limits });
    }
    for (const size of SIZES) {
      const xs = perSize[size].slow[key].compute;
      row(`${what}: compute, 4× CPU slowdown, ${k(size)}`, median(xs), { unit: 'ms', digits: 2, worst: max(xs) });
    }
  }
  for (const size of SIZES) {
    row(`mounted DOM elements after load, ${k(size)}`, perSize[size].domAfterLoad, { digits: 0, goal: 800, cap: 1400, note: 'largest of the loads' });
  }
  for (const size of SIZES) {
    row(`mounted DOM elements after "next page" ×5 and the last page, ${k(size)}`, perSize[size].dom, { digits: 0, goal: 800, cap: 1400,
      note: 'largest seen, each page scrolled to its bottom' });
  }
  for (const size of SIZES) {
    const mems = perSize[size].loads.map((l) => l.mem.heap + l.mem.wasm);
    const { heap, wasm } = perSize[size].loads[0].mem;
    const limits = size === 50000 ? { goal: 40 * 1048576, cap: 64 * 1048576 } : {};
    row(`memory after load (JS heap + wasm), ${k(size)}`, median(mems), { unit: 'MB', worst: max(mems), ...limits,
      note: `first load: JS heap ${(heap / 1048576).toFixed(1)} MB, wasm ${(wasm / 1048576).toFixed(1)} MB` });
  }
  const versus = perSize[BIG].versus;
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  row(`side by side, ${k(BIG)}: ours, all ${versus.ours.length} typed prefixes`, sum(versus.ours), { unit: 'ms', note: 'search, facet counts and sorting (the app\'s `wjc:query`)' });
  row(`side by side, ${k(BIG)}: MiniSearch ÷ ours`, sum(versus.minisearch) / sum(versus.ours), { unit: '×', goal: 1, lower: false,
    note: `MiniSearch ${sum(versus.minisearch).toFixed(1)} ms (prefix search, all words; its index took ${versus.miniBuild.toFixed(0)} ms to build)` });
  row(`side by side, ${k(BIG)}: Array.filter ÷ ours`, sum(versus.filter) / sum(versus.ours), { unit: '×', goal: 1, lower: false,
    note: `Array.filter ${sum(versus.filter).toFixed(1)} ms (lowercased strings; made in ${versus.filterBuild.toFixed(0)} ms)` });
  if (![versus.ours, versus.minisearch, versus.filter].every((xs) => xs.length && xs.every(Number.isFinite))) {
    throw new Error('the side-by-side comparison produced no figures');
  }

  if (!SMOKE) {
    const server = await serve(sites[1000]);
    try {
      log(`Lighthouse, ${LIGHTHOUSE_RUNS} runs per profile, 1k`);
      const scores = await lighthouseScores(server.origin, LIGHTHOUSE_RUNS);
      row('Lighthouse performance, mobile profile, 1k', median(scores.mobile), { digits: 0, worst: min(scores.mobile), goal: 98, cap: 90, lower: false });
      row('Lighthouse performance, desktop profile, 1k', median(scores.desktop), { digits: 0, worst: min(scores.desktop) });
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}

// Every measured row must have a figure.
const missing = rows.filter((r) => r.value === undefined ? !r.note : !Number.isFinite(r.value));
if (missing.length) {
  console.error(`bench: no figure for: ${missing.map((r) => r.what).join('; ')}`);
  process.exit(1);
}

const table = [
  `Machine: ${machine(version)}. Datasets: \`wjc generate --count N --seed ${SEED}\`; ${LOADS} fresh loads per size, `
    + `${ROUNDS} rounds of typing ${QUERIES.map((q) => `"${q}"`).join(', ')} (${KEY_DELAY} ms between keys) and of facet clicks; `
    + 'figures are medians, with the worst run beside them.',
  '',
  '| figure | median | worst | goal | hard cap | status | note |',
  '|---|---|---|---|---|---|---|',
  ...rows.map((r) => {
    const limit = (x) => (x === undefined ? '' : `${r.lower ? '≤' : '≥'} ${show(x, r.unit, Number.isInteger(x) || r.unit === 'KB' || r.unit === 'MB' ? 0 : 1)}`);
    const figure = r.value === undefined ? 'not measured' : show(r.value, r.unit, r.digits);
    return `| ${r.what} | ${figure} | ${show(r.worst, r.unit, r.digits)} | ${limit(r.goal)} | ${limit(r.cap)} | ${r.value === undefined ? '' : status(r)} | ${r.note} |`;
  }),
].join('\n');
console.log(table);

if (SMOKE) {
  console.error(`bench: smoke run produced all ${rows.length} figures`);
  process.exit(0);
}
const START = '<!-- bench:budgets:start (written by `make bench`; edit bench/budgets.mjs, not this table) -->';
const END = '<!-- bench:budgets:end -->';
const doc = readFileSync(DOC, 'utf8');
const block = `${START}\n${table}\n${END}`;
const at = doc.indexOf('<!-- bench:budgets:start');
const next = at >= 0 ? doc.slice(0, at) + block + doc.slice(doc.indexOf(END) + END.length) : `${doc.trimEnd()}\n\n## Budgets (issue 6)\n\n${block}\n`;
writeFileSync(DOC, next);
failed = rows.some((r) => r.value !== undefined && status(r) === '**OVER CAP**');
console.error(failed ? 'bench: a hard cap is broken (see docs/performance.md)' : 'bench: every hard cap is met');
process.exit(failed ? 1 : 0);
