// Every command the README shows, run as written, so the front door cannot break unnoticed:
// `make serve` on a free port (through PORT, which make reads from the environment), loaded in
// Chromium until the list shows its people and a search answers, then stopped; and the "Keeping
// the list" commands on a copy of the data. `make test` is the command running this.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, cardsReady, cardNames, cspViolations, assertOnlyLocalRequests } from './browser.mjs';
import { POLICY } from './server.mjs';
import { makeServe, SERVING } from './make-serve.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const DATA = JSON.parse(readFileSync(join(ROOT, 'assets/data/prisoners.json'), 'utf8'));

/** The shell commands of the README's ```sh blocks under the heading `section` (all when omitted),
 * without their trailing comments. */
function commands(section) {
  const text = section ? README.split(/^## /m).find((s) => s.startsWith(section)) ?? '' : README;
  return [...text.matchAll(/^```sh\n([\s\S]*?)^```/gm)]
    .flatMap((m) => m[1].split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** Runs `command` with bash in `cwd`; resolves with { code, output } (stdout and stderr together). */
function run(command, { cwd = ROOT, env = {} } = {}) {
  return new Promise((done) => {
    const child = spawn('bash', ['-c', command], { cwd, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('exit', (code) => done({ code, output }));
  });
}

test('the README gives the two commands and the staff commands this test runs', () => {
  const all = commands();
  assert.ok(all.includes('make serve'), all.join('\n'));
  assert.ok(all.includes('make test'), all.join('\n'));
  assert.ok(commands('Keeping the list').length >= 4, 'the "Keeping the list" commands');
});

test('make serve builds and serves the site with the deployment headers; the list and search work; Ctrl+C stops it', { timeout: 20 * 60_000 }, async () => {
  assert.ok(commands().includes('make serve'));
  const serve = await makeServe();
  const { origin } = serve;
  let env;
  try {
    await serve.lines(SERVING);
    const response = await fetch(`${origin}/`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-security-policy'), POLICY);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    // The compiled list is there, and a missing file is a 404, never a page in its place.
    const list = await fetch(`${origin}/data/list.json`);
    assert.equal(list.status, 200);
    assert.match(list.headers.get('content-type'), /^application\/json/);
    assert.equal((await fetch(`${origin}/data/no-such-file.json`)).status, 404);
    const staticPage = await fetch(`${origin}/person/${DATA.people[0].id}.html`);
    assert.equal(staticPage.status, 200);

    env = await start({ server: { origin, close: async () => {} } });
    const page = await open(env, '/');
    await cardsReady(page);
    assert.equal(await page.locator('.wjc-results-bar__count').textContent(), `${DATA.people.length} people`);
    await page.getByLabel('Search', { exact: true }).fill('bialiatski');
    assert.deepEqual(await cardNames(page), ['Ales Bialiatski']);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(page.errors, []);
    assertOnlyLocalRequests(page, origin);
    await page.close();
  } finally {
    await env?.close();
  }
  const { code, signal } = await serve.stop();
  assert.ok(code === 0 || code === 2 || signal === 'SIGINT', `make serve ended with ${code ?? signal}`);
  await assert.rejects(fetch(`${origin}/`), 'nothing listens once it is stopped');
});

test('the "Keeping the list" commands run as written on a copy of the data', { timeout: 10 * 60_000 }, async () => {
  const lines = commands('Keeping the list');
  // A folder inside the workspace, so `cargo run -p wjc-cli` finds it, holding a copy of the data.
  const dir = join(ROOT, 'target', 'readme-commands');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'assets'), { recursive: true });
  cpSync(join(ROOT, 'assets', 'data'), join(dir, 'assets', 'data'), { recursive: true });
  const before = readFileSync(join(dir, 'assets/data/prisoners.json'), 'utf8');
  for (const line of lines) {
    const { code, output } = await run(line, { cwd: dir });
    assert.equal(code, 0, `${line}\n${output}`);
    assert.doesNotMatch(output, /panicked/, line);
  }
  // The README's round trip through the spreadsheet leaves the data as it was.
  assert.equal(readFileSync(join(dir, 'assets/data/prisoners.json'), 'utf8'), before);
  for (const written of lines.flatMap((l) => [...l.matchAll(/(?:-o|>)\s+(\S+)/g)].map((m) => m[1]))) {
    assert.ok(existsSync(join(dir, written)), `${written} was written`);
  }
  rmSync(dir, { recursive: true, force: true });
});
