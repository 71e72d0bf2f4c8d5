// Writes assets/i18n/cldr/LANG.json for each language of the interface but English: the names of
// countries and the way dates are written, from the Unicode CLDR (npm cldr-localenames-full and
// cldr-dates-full, installed into target/cldr on the first run). They are catalogues like the
// translators' (ICU MessageFormat texts by key), shipped with each language's messages, so the
// app and the static pages show the same standard names: "Irán", "Иран", "إيران".
//
// Run: node scripts/gen-locale-data.mjs, then commit assets/i18n/cldr/. English keeps the names
// and dates the project has always used (crates/core/src/country_table.rs, assets/i18n/en.json).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const CLDR_VERSION = '48.2.0';
const PACKAGES = ['cldr-localenames-full', 'cldr-dates-full'];
/** Our language tags and the CLDR locale that holds each. */
const LANGUAGES = { es: 'es', fr: 'fr', ru: 'ru', ar: 'ar', fa: 'fa', 'zh-Hans': 'zh' };
/** Countries whose short CLDR name is the one people use ("Palestine", not "Palestinian
 * Territories"), as the English names do. */
const SHORT_NAMES = ['HK', 'MO', 'PS', 'MM'];

const cache = join(ROOT, 'target', 'cldr');
if (!PACKAGES.every((p) => existsSync(join(cache, 'node_modules', p, 'package.json')))) {
  mkdirSync(cache, { recursive: true });
  execFileSync('npm', ['install', '--prefix', cache, '--no-save', '--no-package-lock', '--no-audit', '--no-fund',
    ...PACKAGES.map((p) => `${p}@${CLDR_VERSION}`)], { stdio: 'inherit' });
}
const read = (pkg, locale, file) => JSON.parse(readFileSync(join(cache, 'node_modules', pkg, 'main', locale, file), 'utf8')).main[locale];

// Every code the project knows, from the English table.
const table = readFileSync(join(ROOT, 'crates/core/src/country_table.rs'), 'utf8');
const codes = [...table.matchAll(/\("([A-Z]{2})", "/g)].map((m) => m[1]);

/** Text as an ICU MessageFormat literal: apostrophes doubled, braces quoted. */
const literal = (text) => text.replaceAll("'", "''").replace(/[{}]+/g, (b) => `'${b}'`);

/**
 * A CLDR date pattern ("d MMM y 'г'.") as a message with {day}, {month} and {year}, and the
 * month names it takes: numeric months (M, L) as digits, MMM/LLL abbreviated, MMMM/LLLL wide,
 * in the format or stand-alone form the pattern asks for.
 */
function datePattern(pattern, months) {
  let message = '';
  let monthNames = null;
  for (const [token] of pattern.matchAll(/'(?:[^']|'')*'|([A-Za-z])\1*|[^A-Za-z']+/g)) {
    if (token.startsWith("'")) {
      message += literal(token === "''" ? "'" : token.slice(1, -1).replaceAll("''", "'"));
    } else if (/^y+$/.test(token)) {
      message += '{year}';
    } else if (/^d{1,2}$/.test(token)) {
      message += '{day}';
    } else if (/^[ML]+$/.test(token)) {
      const context = token[0] === 'L' ? 'stand-alone' : 'format';
      const width = token.length >= 4 ? 'wide' : 'abbreviated';
      monthNames = token.length <= 2
        ? Array.from({ length: 12 }, (_, i) => String(i + 1))
        : Array.from({ length: 12 }, (_, i) => months[context][width][String(i + 1)]);
      message += '{month}';
    } else if (/^[A-Za-z]+$/.test(token)) {
      throw new Error(`date pattern "${pattern}": no rule for "${token}"`);
    } else {
      message += literal(token);
    }
  }
  return { message, monthNames };
}

const out = join(ROOT, 'assets', 'i18n', 'cldr');
mkdirSync(out, { recursive: true });
for (const [tag, locale] of Object.entries(LANGUAGES)) {
  const territories = read('cldr-localenames-full', locale, 'territories.json').localeDisplayNames.territories;
  const gregorian = read('cldr-dates-full', locale, 'ca-gregorian.json').dates.calendars.gregorian;
  const formats = gregorian.dateTimeFormats.availableFormats;
  const catalogue = {
    '@source': `Unicode CLDR ${CLDR_VERSION}, written by scripts/gen-locale-data.mjs: do not edit by hand`,
  };
  for (const [key, skeleton] of [['date.year', 'y'], ['date.month-year', 'yMMM'], ['date.day-month-year', 'yMMMd']]) {
    const { message, monthNames } = datePattern(formats[skeleton], gregorian.months);
    catalogue[key] = message;
    monthNames?.forEach((name, i) => { catalogue[`${key}.month.${i + 1}`] = literal(name); });
  }
  const missing = [];
  for (const code of codes) {
    const name = (SHORT_NAMES.includes(code) && territories[`${code}-alt-short`]) || territories[code];
    if (name) catalogue[`country.${code}`] = literal(name);
    else missing.push(code);
  }
  if (missing.length) throw new Error(`${locale}: CLDR names no country ${missing.join(', ')}`);
  writeFileSync(join(out, `${tag}.json`), `${JSON.stringify(catalogue, null, 2)}\n`);
  console.log(`wrote assets/i18n/cldr/${tag}.json: ${codes.length} countries, dates "${catalogue['date.day-month-year']}"`);
}
