import type { Lang } from '../charts/i18n.js';

/** Labels of codes (states, groups, measures, covariate levels) in each report language. */
const LABELS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  // states of study A
  trial: { en: 'trial placement', nl: 'proefplaatsing' },
  work_jc: { en: 'work with jobcoach', nl: 'werk met jobcoach' },
  work: { en: 'work without jobcoach', nl: 'werk zonder jobcoach' },
  none: { en: 'no work', nl: 'geen werk' },
  // the four groups
  quick: { en: 'quickly without jobcoach', nl: 'snel zonder jobcoach' },
  longJobcoach: { en: 'long-term jobcoaching', nl: 'langdurig jobcoaching' },
  noWork: { en: 'ends without work', nl: 'eindigt zonder werk' },
  switchers: { en: 'switchers', nl: 'wisselaars' },
  // outcomes of figure 2
  hourly_wage: { en: 'hourly wage', nl: 'uurloon' },
  hours_week: { en: 'hours per week', nl: 'uren per week' },
  permanent: { en: 'permanent contract', nl: 'vast contract' },
  // covariates and their levels
  benefit: { en: 'benefit', nl: 'uitkering' },
  regime: { en: 'regime', nl: 'regime' },
  very_light: { en: 'very light', nl: 'zeer licht' },
  light: { en: 'light', nl: 'licht' },
  medium: { en: 'medium', nl: 'gemiddeld' },
  intensive: { en: 'intensive', nl: 'intensief' },
  sex: { en: 'sex', nl: 'geslacht' },
  male: { en: 'male', nl: 'man' },
  female: { en: 'female', nl: 'vrouw' },
  disability: { en: 'disability', nl: 'beperking' },
  intellectual: { en: 'intellectual', nl: 'verstandelijk' },
  psychiatric: { en: 'psychiatric', nl: 'psychisch' },
  autism: { en: 'autism spectrum', nl: 'autismespectrum' },
  physical: { en: 'physical', nl: 'lichamelijk' },
  other: { en: 'other', nl: 'overig' },
  incapacity_pct: { en: 'incapacity % (mean)', nl: 'arbeidsongeschiktheid % (gemiddeld)' },
  age_band: { en: 'age at start', nl: 'leeftijd bij start' },
  // the rule-based patterns of study B
  longJob: { en: '1 more than 12 months in a row', nl: '1 meer dan 12 maanden aaneen' },
  switcher: { en: '2 switcher', nl: '2 wisselaar' },
  shortSpells: { en: '3 short spells', nl: '3 korte perioden' },
  neverWorked: { en: '4 never worked', nl: '4 nooit gewerkt' },
  total: { en: 'total', nl: 'totaal' },
  // units of the published comparison
  months: { en: 'months', nl: 'maanden' },
  hours: { en: 'hours', nl: 'uren' },
  'per person': { en: 'per person', nl: 'per persoon' },
};

/**
 * The label of a code in the report language; codes the report does not
 * know (a user's own states or levels) are shown as they are.
 *
 * @example
 * label('nl', 'work_jc'); // 'werk met jobcoach'
 * label('nl', 'sheltered'); // 'sheltered'
 */
export function label(lang: Lang, code: string): string {
  return LABELS[code]?.[lang] ?? code;
}

/**
 * Labels of several codes by code, for `orderStates`, `relabelStates` or chart options.
 * @example
 * labelMap('nl', ['none', 'work']); // { none: 'geen werk', work: 'werk zonder jobcoach' }
 */
export function labelMap(lang: Lang, codes: readonly string[]): Record<string, string> {
  return Object.fromEntries(codes.map((c) => [c, label(lang, c)]));
}

/**
 * A number in the report language with a fixed number of decimals
 * (`1,234.5` or `1.234,5`); null, NaN and infinities (suppressed or not
 * defined) become an en dash.
 *
 * @example
 * formatNumber(0.5912, 'nl', 2); // '0,59'
 * formatNumber(null, 'en'); // '–'
 */
export function formatNumber(x: number | null | undefined, lang: Lang, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * A p-value in the report language: four decimals, or `< 0.0001` below that.
 * @example
 * formatPValue(0.17288, 'nl'); // '0,1729'
 * formatPValue(1e-12, 'en');   // '< 0.0001'
 */
export function formatPValue(p: number, lang: Lang): string {
  return p < 0.0001 ? `< ${formatNumber(0.0001, lang, 4)}` : formatNumber(p, lang, 4);
}

/**
 * Fill `{name}` placeholders of a report text.
 *
 * @example
 * fill('n = {n}', { n: '25,000' }); // 'n = 25,000'
 */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A report text in the report language: the English and Dutch template, with `{name}` placeholders filled. */
export type Translate = (en: string, nl: string, params?: Readonly<Record<string, string | number>>) => string;

/**
 * The `Translate` function of a report language.
 * @example
 * const T = translator('nl');
 * T('{n} persons', '{n} personen', { n: '25.000' }); // '25.000 personen'
 */
export function translator(lang: Lang): Translate {
  return (en, nl, params = {}) => fill(pick(lang, { en, nl }), params);
}

/**
 * Pick the text of the report language from an `{ en, nl }` pair.
 * @example
 * pick('nl', { en: 'Methods', nl: 'Methode' }); // 'Methode'
 */
export function pick(lang: Lang, text: Readonly<Record<Lang, string>>): string {
  return text[lang] ?? text.en;
}
