// Minifies the JavaScript glue wasm-bindgen writes beside each WebAssembly file of a Trunk build,
// in place, and updates the `integrity` of the pages that preload it. Trunk minifies neither that
// glue nor (without breaking `wjc site`'s reading of it) the page, so build-site.sh runs this after
// each `trunk build`. Every visitor downloads the glue before the app starts: minified it is about
// 1.7 KB brotli smaller (docs/performance.md). The file keeps its name: Trunk's hash still names
// one content, since the minified glue follows from the original alone.
//
// Usage: node scripts/minify-glue.mjs DIR
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/minify-glue.mjs DIR');
  process.exit(2);
}

const files = readdirSync(dir);
// wasm-bindgen's glue for NAME_bg.wasm is NAME.js.
const glue = files.filter((f) => f.endsWith('_bg.wasm')).map((f) => f.replace(/_bg\.wasm$/, '.js'))
  .filter((f) => files.includes(f));
if (glue.length === 0) {
  console.error(`minify-glue: no wasm-bindgen glue in ${dir}`);
  process.exit(1);
}
const pages = files.filter((f) => f.endsWith('.html'));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const name of glue) {
  const path = join(dir, name);
  const before = readFileSync(path, 'utf8');
  // An ES module: its exports keep their names; `import.meta.url` (where the wasm is) stays.
  const { code } = transformSync(before, { format: 'esm', minify: true, target: 'es2020', legalComments: 'none' });
  writeFileSync(path, code);
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  // The tag that names this file and carries an integrity, whatever the attributes' order.
  const tag = new RegExp(`<[^>]*\\b(?:href|src)="(?:\\./)?${escape(name)}"[^>]*>`, 'g');
  let updated = 0;
  for (const page of pages) {
    const pagePath = join(dir, page);
    const html = readFileSync(pagePath, 'utf8');
    const next = html.replace(tag, (t) => {
      if (!/\bintegrity="/.test(t)) return t;
      updated += 1;
      return t.replace(/\bintegrity="[^"]*"/, `integrity="${integrity}"`);
    });
    if (next !== html) writeFileSync(pagePath, next);
  }
  console.log(`minify-glue: ${name} ${before.length} → ${code.length} bytes; ${updated} integrity value(s) updated`);
}
