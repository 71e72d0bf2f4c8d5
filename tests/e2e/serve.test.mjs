// `make serve DATASET=…` rebuilds when the data file changes, and a data file that cannot be read
// prints what is wrong while the last good site stays served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeServe, SERVING } from './make-serve.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const DATA = JSON.parse(readFileSync(join(ROOT, 'assets/data/prisoners.json'), 'utf8'));

test('make serve DATASET=… rebuilds on a change and keeps the last good site through a broken data file', { timeout: 25 * 60_000 }, async () => {
  const dir = join(ROOT, 'target', 'serve-test');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const dataset = join(dir, 'people.json');
  writeFileSync(dataset, JSON.stringify(DATA, null, 2));
  const serve = await makeServe({ DATASET: dataset });
  const { origin } = serve;
  const people = async () => (await (await fetch(`${origin}/data/list.json`)).json()).people.map((p) => p.id);
  try {
    await serve.lines(SERVING, 1);
    assert.equal((await people()).length, DATA.people.length);

    // A data file that is not JSON: the build says so, and the good site stays.
    writeFileSync(dataset, '{"title": "broken", "people": [');
    await serve.lines(/^==> the build failed .*Still serving the last good site/);
    assert.match(serve.output(), /people\.json/, 'the failure names the data file');
    assert.equal((await fetch(`${origin}/`)).status, 200);
    assert.equal((await people()).length, DATA.people.length);

    // Fixed, with one person fewer: the next build is served, without that person's page.
    const fewer = structuredClone(DATA);
    const [gone] = fewer.people.splice(0, 1);
    writeFileSync(dataset, JSON.stringify(fewer, null, 2));
    await serve.lines(SERVING, 2);
    assert.deepEqual(await people(), fewer.people.map((p) => p.id));
    assert.equal((await fetch(`${origin}/person/${gone.id}.html`)).status, 404);
    assert.equal((await fetch(`${origin}/person/${fewer.people[0].id}.html`)).status, 200);
  } finally {
    await serve.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
