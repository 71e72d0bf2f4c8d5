// Splits a Trunk release build's WebAssembly into the main module and the modules of its split
// points (src/components/deferred.rs), in place of Trunk's unsplit files: what a visitor waits for
// before the list answers a search is then only the main module (docs/performance.md, "Split
// code"; the recipe is in docs/contributing.md).
//
// Trunk cannot run the split itself: it needs the linker's relocations, which wasm-bindgen drops,
// and Trunk's hooks run before cargo or after wasm-bindgen. So, after `trunk build --features
// split`, from cargo's own output (target/wasm32-unknown-unknown/release/BIN.wasm):
//   1. wasm-split-cli cuts it into the main module, one module per split point, the chunks they
//      share, and a small loader, `__wasm_split.js`, that fetches them relative to itself;
//   2. wasm-bindgen writes the main module's JavaScript glue, keeping the exports the modules use;
//      exports nothing can call go, and the functions the glue gives the main module get short
//      names in both files;
//   3. wasm-opt optimizes every module with the flags of the Trunk page's `data-wasm-opt-params`;
//   4. every file is named by its content, the glue and the split loader naming each other, and
//      Trunk's page is pointed at them (with a modulepreload for the split loader, and fresh
//      `integrity` values); Trunk's own glue and wasm go.
//
// Usage: node scripts/split-wasm.mjs DIR PAGE BIN   (e.g. target/app index.html without-just-cause)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { transformSync } from 'esbuild';

const [dir, pageSource, bin] = process.argv.slice(2);
if (!bin) {
  console.error('usage: node scripts/split-wasm.mjs DIR PAGE BIN');
  process.exit(2);
}
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const fail = (message) => {
  console.error(`split-wasm: ${message}`);
  process.exit(1);
};
const run = (tool, args) => {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    fail(`${tool} failed: ${error.stderr?.toString().trim() || error.message}`);
  }
};
const digest = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The flags Trunk gave wasm-opt, from the page's rust link: one definition of them.
const source = readFileSync(join(ROOT, pageSource), 'utf8');
const rustLink = source.match(new RegExp(`<link[^>]*data-bin="${escape(bin)}"[^>]*>`))?.[0]
  ?? fail(`${pageSource} has no rust link for ${bin}`);
const optParams = (rustLink.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? '').split(/\s+/).filter(Boolean);
const optLevel = rustLink.match(/data-wasm-opt="([^"]*)"/)?.[1] ?? fail(`${pageSource}: no data-wasm-opt`);

// Trunk's page and the files it names.
const files = readdirSync(dir);
const trunkGlue = files.find((f) => f.startsWith(`${bin}-`) && f.endsWith('.js'))
  ?? fail(`no ${bin}-….js in ${dir}: run trunk build first`);
const trunkWasm = trunkGlue.replace(/\.js$/, '_bg.wasm');
if (!files.includes(trunkWasm)) fail(`no ${trunkWasm} in ${dir}`);
const pages = files.filter((f) => f.endsWith('.html'));

// Leptos' `csr` feature brings server_fn, and with it wasm-streams, whose three `#[wasm_bindgen]`
// classes (IntoUnderlyingSource, IntoUnderlyingByteSource, IntoUnderlyingSink) are exported
// whether or not anything uses them. Nothing here does (no server functions, no streams handed to
// JavaScript): their exports and glue classes go, about 5 KB of wasm and 3 KB of glue, raw.
const STREAM_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
// wasm-bindgen exports a class's methods as `class_method` and its destructor as
// `__wbg_class_free`, the class's name in lower case.
const unusedStreamClass = (name) => STREAM_CLASSES.map((c) => c.toLowerCase())
  .some((c) => name.startsWith(`${c}_`) || name.startsWith(`__wbg_${c}_`));
// A split point no code of this binary calls (the widget has no Embed button) has no module, yet
// wasm-split-cli leaves its export, and so its code, in the main module.
const unusedSplitExport = (name, loader) => {
  const point = name.match(/^__wasm_split_00(\w+?)00_export_/)?.[1];
  return point !== undefined && !loader.includes(`__wasm_split_load_${point}`);
};

/** The unsigned LEB128 number at `at` in `wasm`, and where it ends. */
function readLeb(wasm, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = wasm[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** `value` as unsigned LEB128. */
function encode(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/** `wasm` with its section `id` replaced by what `rewrite(body start, body end)` gives. */
function withSection(wasm, id, rewrite) {
  let at = 8;
  while (at < wasm.length) {
    const [size, body] = readLeb(wasm, at + 1);
    if (wasm[at] === id) {
      const section = rewrite(body, body + size);
      return Buffer.concat([wasm.subarray(0, at), Buffer.from([id]), encode(section.length), section,
        wasm.subarray(body + size)]);
    }
    at = body + size;
  }
  return fail(`the main module has no section ${id}`);
}

/** `wasm` without the exports `drop` names (the export section rewritten, nothing else). */
function withoutExports(wasm, drop) {
  return withSection(wasm, 7, (start) => {
    let [count, cursor] = readLeb(wasm, start);
    const kept = [];
    for (; count > 0; count -= 1) {
      const from = cursor;
      const [length, name] = readLeb(wasm, cursor);
      const exported = wasm.subarray(name, name + length).toString('utf8');
      cursor = readLeb(wasm, name + length + 1)[1];
      if (!drop(exported)) kept.push(wasm.subarray(from, cursor));
    }
    return Buffer.concat([encode(kept.length), ...kept]);
  });
}

/**
 * wasm-bindgen names each function the main module imports from its glue after the function and a
 * hash (`__wbg_append_f8d1589eb0c65ee2`): some 200 names, written in both files, whose hashes
 * alone weigh about 5 KB of the download once compressed. They become short names (`w0`, `w1`…)
 * in the wasm's import section and in the glue, where each must appear exactly once.
 */
function withShortImportNames(wasm, glue) {
  const renamed = new Map();
  const imports = withSection(wasm, 2, (start, end) => {
    let [count, at] = readLeb(wasm, start);
    const parts = [encode(count)];
    const text = () => {
      const [length, from] = readLeb(wasm, at);
      at = from + length;
      return wasm.subarray(from, at).toString('utf8');
    };
    for (; count > 0; count -= 1) {
      const module = text();
      const name = text();
      const description = at;
      // The import's kind and type: a function's type index, or a table's, memory's or global's
      // limits and flags.
      const kind = wasm[at++];
      if (kind === 0) [, at] = readLeb(wasm, at);
      else if (kind === 1 || kind === 2) {
        if (kind === 1) at += 1;
        const flags = wasm[at++];
        [, at] = readLeb(wasm, at);
        if (flags & 1) [, at] = readLeb(wasm, at);
      } else if (kind === 3) at += 2;
      else fail(`an import of kind ${kind} in the main module`);
      const short = module === `./${bin}_bg.js` ? `w${renamed.size.toString(36)}` : name;
      if (short !== name) renamed.set(name, short);
      const [moduleBytes, nameBytes] = [Buffer.from(module), Buffer.from(short)];
      parts.push(encode(moduleBytes.length), moduleBytes, encode(nameBytes.length), nameBytes,
        wasm.subarray(description, at));
    }
    if (at !== end) fail('the main module\'s import section is not as expected');
    return Buffer.concat(parts);
  });
  let renamedGlue = glue;
  for (const [name, short] of renamed) {
    const key = new RegExp(`\\b${escape(name)}\\b`, 'g');
    const found = renamedGlue.match(key)?.length ?? 0;
    if (found !== 1) fail(`the glue names ${name} ${found} times, not once (a new wasm-bindgen?)`);
    renamedGlue = renamedGlue.replace(key, short);
  }
  if (renamed.size === 0) fail(`the main module imports nothing from ./${bin}_bg.js (a new wasm-bindgen?)`);
  return { wasm: imports, glue: renamedGlue };
}

/** wasm-bindgen 0.2.130's glue without the stream classes' code (see STREAM_CLASSES). */
function withoutStreamClasses(glue) {
  const classes = /export class (\w+) \{[\s\S]*?\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/g;
  const registries = /const (\w+)Finalization = \(typeof FinalizationRegistry === 'undefined'\)\n[^\n]*\n[^\n]*\n/g;
  const out = glue.replace(classes, (block, name) => (STREAM_CLASSES.includes(name) ? '' : block))
    .replace(registries, (block, name) => (STREAM_CLASSES.includes(name) ? '' : block));
  if (/intounderlying/i.test(out)) fail('the glue\'s stream classes are not as expected (a new wasm-bindgen?)');
  return out;
}

const work = mkdtempSync(join(tmpdir(), `split-${bin}-`));
try {
  // 1. The split, from cargo's output (built with the linker's relocations: .cargo/config.toml).
  const input = join(ROOT, 'target/wasm32-unknown-unknown/release', `${bin}.wasm`);
  run('wasm-split-cli', [input, join(work, 'split'), '--out-name', bin, '--target', 'web']);
  const split = readdirSync(join(work, 'split'));
  const modules = split.filter((f) => f.endsWith('.wasm') && f !== `${bin}.wasm`);
  if (modules.length === 0) fail(`${bin} has no split points: was it built with --features split?`);

  // 2. The main module's glue; the modules call functions the main module exports.
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    '--out-dir', join(work, 'bound'), '--out-name', bin, join(work, 'split', `${bin}.wasm`)]);

  // 2b. What nothing in the page can call goes before wasm-opt, which then drops its code.
  const boundWasm = join(work, 'bound', `${bin}_bg.wasm`);
  const boundGlue = join(work, 'bound', `${bin}.js`);
  const loaderText = readFileSync(join(work, 'split', '__wasm_split.js'), 'utf8');
  const unused = (name) => unusedStreamClass(name) || unusedSplitExport(name, loaderText);
  const short = withShortImportNames(withoutExports(readFileSync(boundWasm), unused),
    withoutStreamClasses(readFileSync(boundGlue, 'utf8')));
  writeFileSync(boundWasm, short.wasm);
  writeFileSync(boundGlue, short.glue);

  // 3. Optimized, each module as Trunk optimizes the unsplit one.
  const optimize = (from) => {
    const to = `${from}.opt`;
    run('wasm-opt', [`-O${optLevel}`, ...optParams, from, '-o', to]);
    return readFileSync(to);
  };
  const mainWasm = optimize(boundWasm);
  const named = new Map(); // wasm-split's file name → ours
  const written = new Map(); // our file name → its bytes
  for (const module of modules) {
    const bytes = optimize(join(work, 'split', module));
    const name = `split-${bin}-${module.replace(/\.wasm$/, '').replace(/^split_/, '').replace(/_/g, '-')}-${digest(bytes)}.wasm`;
    named.set(module, name);
    written.set(name, bytes);
  }
  // 4. The glue imports the split loader and the split loader imports the glue: they, and the
  // main module (named as the glue, which minify-glue.mjs expects), are named by what all three
  // hold before any name is written in.
  let loader = loaderText;
  for (const [from, to] of named) {
    loader = loader.replaceAll(`"./${from}"`, `"./${to}"`);
  }
  let glue = readFileSync(boundGlue, 'utf8');
  const build = digest(`${glue}\0${loader}\0${digest(mainWasm)}`);
  const wasmName = `${bin}-${build}_bg.wasm`;
  const glueName = `${bin}-${build}.js`;
  const loaderName = `split-${bin}-${build}.js`;
  loader = loader.replaceAll(`"./${bin}.js"`, `"./${glueName}"`);
  glue = glue.replaceAll(`'${bin}_bg.wasm'`, `'${wasmName}'`)
    // Only the `import … from` statements: the imports object's keys are the module names the
    // wasm file itself asks for.
    .replaceAll(/\bfrom\s*(["'])\.\/__wasm_split\.js\1/g, `from './${loaderName}'`);
  if (!loader.includes(glueName) || !glue.includes(loaderName) || !glue.includes(wasmName)) {
    fail('wasm-split-cli or wasm-bindgen wrote names this script does not know (a new version?)');
  }
  written.set(wasmName, mainWasm);
  const { code: minified } = transformSync(loader, { format: 'esm', minify: true, target: 'es2020', legalComments: 'none' });
  written.set(glueName, glue);
  written.set(loaderName, minified);

  // Trunk's files out, ours in, and the pages pointed at them.
  rmSync(join(dir, trunkGlue));
  rmSync(join(dir, trunkWasm));
  for (const [name, bytes] of written) writeFileSync(join(dir, name), bytes);
  for (const page of pages) {
    const path = join(dir, page);
    let html = readFileSync(path, 'utf8');
    if (!html.includes(trunkGlue)) continue;
    html = html.replaceAll(trunkWasm, wasmName).replaceAll(trunkGlue, glueName);
    // Fresh integrity values on the tags that name our files.
    html = html.replace(/<link\b[^>]*>/g, (tag) => {
      const href = tag.match(/\bhref="\.\/([^"]+)"/)?.[1];
      if (!href || !written.has(href) || !/\bintegrity="/.test(tag)) return tag;
      return tag.replace(/\bintegrity="[^"]*"/, `integrity="${integrity(written.get(href))}"`);
    });
    // The split loader is asked for beside the glue, not after it has been read.
    const gluePreload = html.match(new RegExp(`<link rel="modulepreload" href="\\./${escape(glueName)}"[^>]*>`))?.[0]
      ?? fail(`${page} has no modulepreload of the glue`);
    html = html.replace(gluePreload, `${gluePreload}<link rel="modulepreload" href="./${loaderName}" `
      + `crossorigin="anonymous" integrity="${integrity(minified)}">`);
    writeFileSync(path, html);
  }
  const kb = (bytes) => `${(bytes.length / 1000).toFixed(1)} kB`;
  console.log(`split-wasm: ${bin}: main ${kb(mainWasm)}, ${[...named.values()].map((n) => `${n} ${kb(written.get(n))}`).join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
