// `make serve`: builds the site as `make dist` does (scripts/build-site.sh) and serves it on
// 127.0.0.1 as a deployment serves it (scripts/site-server.mjs: the strict Content-Security-Policy
// and the other headers of docs/deploying.md), so what a developer sees is what visitors get.
// Rebuilds when a source, style or data file changes; a build or data file that fails prints what
// is wrong and the last good site stays served.
//
// Usage: node scripts/serve.mjs [--port N] [--dataset FILE]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, watch } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listen, siteHandler } from './site-server.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    dataset: { type: 'string', default: 'assets/data/prisoners.json' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: the port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}
const dataset = resolve(ROOT, values.dataset);
if (!existsSync(dataset)) {
  console.error(`serve: no data file at ${values.dataset}`);
  process.exit(2);
}

/** What a rebuild depends on: the app's and the tools' sources, styles, assets and the data file. */
const WATCHED = ['src', 'crates', 'assets', 'index.html', 'widget.html', 'Cargo.toml', 'Cargo.lock', 'Trunk.toml'];
/** Editors' and tools' own files, which change nothing in the site. */
const IGNORED = /(^|\/)(target|\.git|node_modules)(\/|$)|~$|\.sw[px]$|#/;
/** Each build gets a folder of its own, so the served one is never half-written. */
const BUILDS = join(ROOT, 'target', 'serve');

let served = null; // the folder of the last good build
let builds = 0;
let running = false;
let again = false;

/** Builds the site into a new folder; on success serves it and removes the older ones. */
async function build(why) {
  if (running) {
    again = true;
    return;
  }
  running = true;
  const started = Date.now();
  builds += 1;
  const folder = join(BUILDS, `site-${process.pid}-${builds}`);
  console.log(`\n==> ${why}: building the site…`);
  const code = await new Promise((done) => {
    const child = spawn('bash', ['scripts/build-site.sh', folder, dataset], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (status, signal) => done(signal ? 128 : status));
    child.on('error', () => done(127));
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code === 0) {
    const previous = served;
    served = folder;
    if (previous) rmSync(previous, { recursive: true, force: true });
    console.log(`==> built in ${seconds} s. Serving the site on ${origin} (reload the page to see changes; Ctrl+C to stop)`);
  } else if (served) {
    rmSync(folder, { recursive: true, force: true });
    console.log(`==> the build failed (exit ${code}, see above). Still serving the last good site on ${origin}`);
  } else {
    rmSync(folder, { recursive: true, force: true });
    console.log(`==> the build failed (exit ${code}, see above). Fix it and save: the site is built again.`);
  }
  running = false;
  if (again) {
    again = false;
    await build('changed during the build');
  }
}

// A previous run's folders, left by a stop mid-build.
rmSync(BUILDS, { recursive: true, force: true });
mkdirSync(BUILDS, { recursive: true });

const site = siteHandler(() => served);
let origin;
let listener;
try {
  listener = await listen((req, res) => {
    if (served) return site(req, res);
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' })
      .end('The site is being built, or its build failed: see the terminal running make serve.\n');
  }, port);
  origin = listener.origin;
} catch (e) {
  console.error(e.code === 'EADDRINUSE'
    ? `serve: port ${port} is in use. Stop what uses it, or choose another: make serve PORT=8081`
    : `serve: cannot listen on 127.0.0.1:${port}: ${e.message}`);
  process.exit(2);
}

// Changes arrive in bursts (an editor's save, a git checkout): one build once they settle.
let timer = null;
let changed = new Set();
function onChange(path) {
  changed.add(path);
  clearTimeout(timer);
  timer = setTimeout(() => {
    const what = [...changed].slice(0, 3).join(', ') + (changed.size > 3 ? ` and ${changed.size - 3} more` : '');
    changed = new Set();
    build(`changed: ${what}`);
  }, 300);
}
for (const entry of WATCHED) {
  const path = join(ROOT, entry);
  if (!existsSync(path)) continue;
  const recursive = statSync(path).isDirectory();
  watch(path, { recursive }, (_, name) => {
    const changedPath = recursive ? join(entry, name ?? '') : entry;
    if (!IGNORED.test(changedPath)) onChange(changedPath);
  });
}
// The data file may be anywhere (make serve DATASET=…); watch its folder, as editors replace files.
const datasetName = relative(ROOT, dataset);
if (datasetName.startsWith('..') || !WATCHED.some((w) => datasetName === w || datasetName.startsWith(w + '/'))) {
  watch(resolve(dataset, '..'), (_, name) => name && resolve(dataset, '..', name) === dataset && onChange(datasetName));
}

function stop() {
  listener.close().finally(() => {
    rmSync(BUILDS, { recursive: true, force: true });
    process.exit(0);
  });
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

await build('starting');
