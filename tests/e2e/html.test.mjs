// Every page `make dist` writes is valid HTML: the W3C Nu Html Checker (npm vnu-jar, run with
// Java) reports no error on any of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const VNU = createRequire(import.meta.url)('vnu-jar');

test('every page of dist/ passes the Nu Html Checker with no error', { timeout: 5 * 60_000 }, async () => {
  const pages = readdirSync(DIST, { recursive: true }).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length > 30, `the list, its pages, a page per person and the embed page (${pages.length})`);
  // Exit status 1 means errors were found; the JSON report on stderr says which.
  const report = await new Promise((done, fail) => {
    execFile('java', ['-jar', VNU, '--errors-only', '--format', 'json', '--skip-non-html', DIST],
      { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error && error.code !== 1) fail(error);
        else done(JSON.parse(stderr || '{"messages": []}'));
      });
  });
  const errors = report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => `${m.url.slice(m.url.indexOf('dist/'))}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(errors, []);
});
