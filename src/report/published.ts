import type { Lang } from '../charts/i18n.js';
import type { JobcoachResults, JsonNumber } from './jobcoach-results.js';
import { label, translator } from './texts.js';

/** One published figure of study A next to the same figure on the panel. */
export interface PublishedFigure {
  /** Stable key, e.g. `Wajong.state_share.36.none`. */
  readonly key: string;
  /** What it is, in the language asked for (English by default). */
  readonly figure: string;
  readonly published: number;
  /** The panel's value in the same unit (null when suppressed or absent). */
  readonly value: JsonNumber;
  /** `%` (0..100), `months`, `EUR`, `hours` or `per person`. */
  readonly unit: string;
}

/** Table 1 as published: A endings per person, B % direct, C % after a gap, D mean gap in months. */
const TABLE1: Readonly<Record<string, readonly [number, number, number, number]>> = { Wajong: [1.2, 32, 43, 6], WGA: [1.0, 38, 31, 5] };
/** Group shares per benefit (%) and % of observed time working, groups 1..4. */
const GROUP_SHARE: Readonly<Record<string, readonly number[]>> = { Wajong: [19, 24, 29, 28], WGA: [41, 9, 32, 18] };
const TIME_WORKING = [90, 89, 20, 59];
/** Table 2 (Wajong): regime % per group 1..4 and total. */
const TABLE2: Readonly<Record<string, readonly number[]>> = {
  very_light: [12, 6, 4, 7, 7], light: [35, 24, 19, 26, 25], medium: [47, 58, 62, 57, 57], intensive: [6, 11, 15, 10, 11],
};
/** Shares (%) at month 36: working, with jobcoach, not working ("a bit over 60%, half of them with jobcoach, almost 40%"; "50%, two thirds without jobcoach"). */
const AT36: Readonly<Record<string, readonly [number, number, number]>> = { Wajong: [61, 30.5, 39], WGA: [50, 16.7, 50] };
const TRIAL_AT_START: Readonly<Record<string, number>> = { Wajong: 59, WGA: 45 };
const WAGE: Readonly<Record<string, readonly [number, number]>> = { Wajong: [6.68, 9.25], WGA: [11.67, 15.0] };
const HOURS: Readonly<Record<string, number>> = { Wajong: 25, WGA: 22 };
const PERMANENT_36: Readonly<Record<string, number>> = { Wajong: 37, WGA: 45 };

/** Options of `compareWithPublished`. */
export interface CompareOptions {
  /** Language of the figure texts (default 'en'); keys and units do not change. */
  lang?: Lang;
}

/**
 * The published figures of study A (SEOR 2019; ../shared/docs/studies.md)
 * next to the same figures in a results.json object: state shares at months
 * 0 and 36, Table 1, group shares and time working, Table 2, wages, hours and
 * permanent contracts (raw means in paid months). Figures the results lack
 * (another window, no such benefit) have value null. The figure texts, with
 * the group and regime names, are in the report language.
 *
 * @param r results of `runJobcoachStudy`
 * @param options lang ('en')
 * @returns one row per published figure
 * @example
 * compareWithPublished(study.results).find((f) => f.key === 'Wajong.job_loss.direct_pct');
 * // { figure: 'Wajong: % of endings followed directly by a new job (B)', published: 32, value: 31.4, unit: '%' }
 * compareWithPublished(study.results, { lang: 'nl' })[0].figure; // 'Wajong: % in een proefplaatsing in maand 0'
 */
export function compareWithPublished(r: JobcoachResults, options: CompareOptions = {}): PublishedFigure[] {
  const lang = options.lang ?? 'en';
  const T = translator(lang);
  const groupName = (id: number) => {
    const g = r.clusters.groups.find((c) => c.id === id);
    return g ? (g.key ? label(lang, g.key) : g.label) : '';
  };
  const rows: PublishedFigure[] = [];
  const add = (key: string, figure: string, published: number, value: JsonNumber | undefined, unit: string) =>
    rows.push({ key, figure, published, value: value ?? null, unit });
  const pct = (x: JsonNumber | undefined) => (x === null || x === undefined ? null : 100 * x);
  for (const b of ['Wajong', 'WGA']) {
    const share = r.state_share[b];
    add(`${b}.state_share.0.trial`, T('{b}: % in a trial placement at month 0', '{b}: % in een proefplaatsing in maand 0', { b }), TRIAL_AT_START[b], pct(share?.['0']?.trial), '%');
    const at36 = share?.['36'];
    // a suppressed working state rests on fewer than min-cell persons: counted as 0
    const working = at36 && at36.none !== null ? ['trial', 'work_jc', 'work'].reduce((a, x) => a + 100 * (at36[x] ?? 0), 0) : null;
    add(`${b}.state_share.36.working`, T('{b}: % working at month 36', '{b}: % werkend in maand 36', { b }), AT36[b][0], working, '%');
    add(`${b}.state_share.36.work_jc`, T('{b}: % working with jobcoach at month 36', '{b}: % werkend met jobcoach in maand 36', { b }), AT36[b][1], pct(at36?.work_jc), '%');
    add(`${b}.state_share.36.none`, T('{b}: % not working at month 36', '{b}: % niet werkend in maand 36', { b }), AT36[b][2], pct(at36?.none), '%');
    const t1 = r.job_loss[b];
    const [a, direct, gap, months] = TABLE1[b];
    add(`${b}.job_loss.endings_per_person`, T('{b}: job endings per person in 3 years (A)', '{b}: baanbeëindigingen per persoon in 3 jaar (A)', { b }), a, t1?.endings_per_person, 'per person');
    add(`${b}.job_loss.direct_pct`, T('{b}: % of endings followed directly by a new job (B)', '{b}: % van de beëindigingen direct gevolgd door een nieuwe baan (B)', { b }), direct, t1?.direct_pct, '%');
    add(`${b}.job_loss.after_gap_pct`, T('{b}: % followed by a new job after a spell without work (C)', '{b}: % gevolgd door een nieuwe baan na een periode zonder werk (C)', { b }), gap, t1?.after_gap_pct, '%');
    add(`${b}.job_loss.gap_months_mean`, T('{b}: mean length of that spell (D)', '{b}: gemiddelde duur van die periode (D)', { b }), months, t1?.gap_months_mean, 'months');
    GROUP_SHARE[b].forEach((x, g) => {
      const group = r.clusters.groups.find((c) => c.id === g + 1);
      add(`${b}.clusters.${g + 1}.share`, T('{b}: % in group {g} ({name})', '{b}: % in groep {g} ({name})', { b, g: g + 1, name: groupName(g + 1) }), x, pct(group?.share[b]), '%');
    });
    const mean = (outcome: string, month: string) => r.means[outcome]?.[b]?.[month] ?? null;
    add(`${b}.means.hourly_wage.0`, T('{b}: real hourly wage at the start', '{b}: reëel uurloon bij de start', { b }), WAGE[b][0], mean('hourly_wage', '0'), 'EUR');
    add(`${b}.means.hourly_wage.36`, T('{b}: real hourly wage after 3 years', '{b}: reëel uurloon na 3 jaar', { b }), WAGE[b][1], mean('hourly_wage', '36'), 'EUR');
    add(`${b}.means.hours_week.0`, T('{b}: hours per week at the start', '{b}: uren per week bij de start', { b }), HOURS[b], mean('hours_week', '0'), 'hours');
    add(`${b}.means.permanent.36`, T('{b}: % permanent contract after 3 years (of those working)', '{b}: % vast contract na 3 jaar (van wie werkt)', { b }), PERMANENT_36[b], pct(mean('permanent', '36')), '%');
  }
  TIME_WORKING.forEach((x, g) => {
    const group = r.clusters.groups.find((c) => c.id === g + 1);
    add(`clusters.${g + 1}.pct_time_working`, T('group {g} ({name}): % of observed time working', 'groep {g} ({name}): % van de geobserveerde tijd werkend', { g: g + 1, name: groupName(g + 1) }), x, group?.pct_time_working, '%');
  });
  for (const [regime, values] of Object.entries(TABLE2)) {
    values.forEach((x, g) => {
      const id = g < 4 ? String(g + 1) : 'total';
      const who = g < 4 ? T('group {g}', 'groep {g}', { g: id }) : label(lang, 'total');
      add(`regime_by_cluster.${id}.${regime}`, T('Wajong, {who}: % {regime} regime (Table 2)', 'Wajong, {who}: % regime {regime} (tabel 2)', { who, regime: label(lang, regime) }), x, r.regime_by_cluster[id]?.[regime]?.pct, '%');
    });
  }
  return rows;
}
