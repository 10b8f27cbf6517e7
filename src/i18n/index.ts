// One place for every text loopbaan shows: keyed catalogues (en.ts, nl.ts),
// the lookup `t`, and number formats per language. A new language is a new
// catalogue with the keys of en.ts.
import { en } from './en.js';
import { nl } from './nl.js';

/** Languages of figures, tables and report pages. */
export type Lang = 'en' | 'nl';

/** The languages there are catalogues for. */
export const LANGS: readonly Lang[] = ['en', 'nl'];

/** Key of a text in the catalogues. */
export type TextKey = keyof typeof en;

/** A catalogue: a text for every key. */
export type Catalogue = Readonly<Record<TextKey, string>>;

/** A value for a `{name}` placeholder: text as it is, numbers formatted for the language. */
export type TextParam = string | number;

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, nl };

/**
 * The text of `key` in `lang`, with `{name}` placeholders filled from
 * `params` (numbers formatted for the language with at most one decimal, as
 * `formatCount`; pass preformatted strings for other formats).
 *
 * @param lang 'en' or 'nl'
 * @param key a catalogue key
 * @param params values for the placeholders
 * @returns the text; placeholders without a value are left as they are
 * @example
 * tr('nl', 'dendrogram', { k: 25000 }); // 'Ward-boom (bovenste 25.000 takken)'
 */
export function tr(lang: Lang, key: TextKey, params: Readonly<Record<string, TextParam>> = {}): string {
  return fill(CATALOGUES[lang]?.[key] ?? en[key], params, lang);
}

/**
 * Whether a string is a key of the catalogues.
 *
 * @example
 * isTextKey('month'); // true
 */
export function isTextKey(key: string): key is TextKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/**
 * Fill `{name}` placeholders of a template; numbers are formatted as `formatCount`.
 *
 * @example
 * fill('n = {n}', { n: 25000 }, 'nl'); // 'n = 25.000'
 */
export function fill(template: string, params: Readonly<Record<string, TextParam>>, lang: Lang = 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const v = params[name];
    return typeof v === 'number' ? formatCount(v, lang) : v;
  });
}

/**
 * A number in the language with at most one decimal (25,000.5 or 25.000,5).
 *
 * @example
 * formatCount(25000, 'nl'); // '25.000'
 */
export function formatCount(v: number, lang: Lang): string {
  return v.toLocaleString(locale(lang), { maximumFractionDigits: 1 });
}

/**
 * A number in the language with a fixed number of decimals (`1,234.5` or
 * `1.234,5`); null, NaN and infinities (suppressed or not defined) become an en dash.
 *
 * @example
 * formatNumber(0.5912, 'nl', 2); // '0,59'
 * formatNumber(null, 'en'); // '–'
 */
export function formatNumber(x: number | null | undefined, lang: Lang, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x.toLocaleString(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * A p-value in the language: four decimals, or `< 0.0001` below that.
 *
 * @example
 * formatPValue(0.17288, 'nl'); // '0,1729'
 * formatPValue(1e-12, 'en');   // '< 0.0001'
 */
export function formatPValue(p: number | null, lang: Lang): string {
  if (p === null || !Number.isFinite(p)) return '–';
  return p < 0.0001 ? `< ${formatNumber(0.0001, lang, 4)}` : formatNumber(p, lang, 4);
}

function locale(lang: Lang): string {
  return lang === 'nl' ? 'nl-NL' : 'en-US';
}
