import type { Lang } from '../charts/i18n.js';
import { cumulativeIncidencePlot, kaplanMeierPlot } from '../charts/survivalPlot.js';
import { TYPOLOGY_TYPES } from '../labour/typology.js';
import type { CumulativeIncidence, KaplanMeierCurve } from '../stats/survival.js';
import type { ReportSection } from './html.js';
import type { JobcoachStudy } from './jobcoach-study.js';
import type { ReportFiles } from './output.js';
import { formatNumber, label, type Translate } from './texts.js';

/** What the study-B sections need besides the study: the files, the language and the shared note. */
export interface IndicatorContext {
  readonly out: ReportFiles;
  readonly lang: Lang;
  readonly T: Translate;
  /** The disclosure-control note printed under every table. */
  readonly suppressedNote: string;
}

/**
 * The report sections of study B's indicators on the jobcoach panel: time to
 * a new job after a job ends (figure 6, Kaplan-Meier with bands; figure 7,
 * cumulative incidence of a new job and an exit when exit states are given;
 * the shares at 0, 6, 12 and 48 months), one-year retention, and the
 * rule-based typology. Numbers come from `study.results` (after disclosure
 * control); curves stop where fewer than min-cell endings are at risk.
 *
 * @param study a result of `runJobcoachStudy`
 * @param ctx files, language, translator and the suppression note
 * @returns the three sections, in page order
 * @example
 * sections.push(...(await indicatorSections(study, { out, lang, T, suppressedNote })));
 */
export async function indicatorSections(study: JobcoachStudy, ctx: IndicatorContext): Promise<ReportSection[]> {
  return [await newJobSection(study, ctx), await retentionSection(study, ctx), await rulesSection(study, ctx)];
}

async function newJobSection(study: JobcoachStudy, { out, lang, T, suppressedNote }: IndicatorContext): Promise<ReportSection> {
  const r = study.results.time_to_new_job;
  const curves = study.reemployment.groups;
  const maxTime = Math.min(study.options.figureMonths, Math.max(0, ...curves.map((g) => g.kaplanMeier.time.at(-1) ?? 0)));
  const timeTitle = T('Months without work after the job', 'Maanden zonder werk na de baan');
  let html = await out.figure(
    'fig6-time-to-new-job',
    kaplanMeierPlot(curves.map((g) => ({ name: g.group, curve: publishedPart(g.kaplanMeier) })), { lang, title: false, maxTime, timeTitle, width: 560, height: 260 }),
    T(
      'Figure 6. Time to a new job after a job ends, per benefit: Kaplan-Meier estimate of the share still without a new job by months without work (0 = a new job the next month), with 95% bands; N at risk = job endings still without a new job and followed. {exits}',
      'Figuur 6. Tijd tot een nieuwe baan na het einde van een baan, per uitkering: Kaplan-Meier-schatting van het aandeel nog zonder nieuwe baan naar maanden zonder werk (0 = de maand erna een nieuwe baan), met 95%-banden; N = baanbeëindigingen nog zonder nieuwe baan en in observatie. {exits}',
      {
        exits: r.method === 'aalen-johansen'
          ? T('Exits ({states}) count as censored here (the net curve); figure 7 shows them as a competing outcome.', 'Uitstroom ({states}) telt hier als gecensureerd (de netto curve); figuur 7 toont die als concurrerende uitkomst.', { states: r.exit_states.join(', ') })
          : '',
      },
    ).trim(),
  );
  if (r.method === 'aalen-johansen') {
    const groups = curves.filter((g) => g.incidence).map((g) => ({ name: g.group, curve: publishedIncidence(g.incidence!, g.kaplanMeier) }));
    html += await out.figure(
      'fig7-new-job-incidence',
      cumulativeIncidencePlot(groups, { lang, title: false, maxTime, timeTitle, width: 300, height: 220, causeLabels: [T('new job', 'nieuwe baan'), T('exit', 'uitstroom')] }),
      T(
        'Figure 7. Cumulative incidence of a new job and of an exit ({states}) after a job ends, per benefit (Aalen-Johansen, 95% bands).',
        'Figuur 7. Cumulatieve incidentie van een nieuwe baan en van uitstroom ({states}) na het einde van een baan, per uitkering (Aalen-Johansen, 95%-banden).',
        { states: r.exit_states.join(', ') },
      ),
    );
  }
  const rows = [...study.benefits, 'total'].filter((b) => r.groups[b]);
  const months = study.reemployment.total.shares.map((s) => String(s.month));
  const competing = r.method === 'aalen-johansen';
  const within = (m: string) => (m === '0' ? T('% directly', '% direct') : T('% within {m} months', '% binnen {m} maanden', { m }));
  const cell = (b: string, m: string) => {
    const s = r.groups[b].shares[m];
    return s.new_job_pct === null ? '–' : `${formatNumber(s.new_job_pct, lang, 0)} (${formatNumber(s.lower_pct, lang, 0)}–${formatNumber(s.upper_pct, lang, 0)})`;
  };
  const table = await out.table({
    name: 'time-to-new-job',
    caption: T('Job endings followed by a new job within 0, 6, 12 and 48 months without work, % (95% interval)', 'Baanbeëindigingen gevolgd door een nieuwe baan binnen 0, 6, 12 en 48 maanden zonder werk, % (95%-interval)'),
    csv: {
      benefit: rows,
      endings: rows.map((b) => r.groups[b].endings),
      persons: rows.map((b) => r.groups[b].persons),
      ...Object.fromEntries(months.flatMap((m) => {
        const s = (f: 'new_job_pct' | 'lower_pct' | 'upper_pct' | 'exit_pct' | 'at_risk') => rows.map((b) => r.groups[b].shares[m][f]);
        return [[`new_job_pct_${m}`, s('new_job_pct')], [`lower_pct_${m}`, s('lower_pct')], [`upper_pct_${m}`, s('upper_pct')],
          ...(competing ? [[`exit_pct_${m}`, s('exit_pct')]] : []), [`at_risk_${m}`, s('at_risk')]];
      })),
    },
    display: {
      [label(lang, 'benefit')]: rows.map((b) => label(lang, b)),
      [T('endings', 'beëindigingen')]: rows.map((b) => formatNumber(r.groups[b].endings, lang, 0)),
      [T('persons', 'personen')]: rows.map((b) => formatNumber(r.groups[b].persons, lang, 0)),
      ...Object.fromEntries(months.map((m) => [within(m), rows.map((b) => cell(b, m))])),
      ...(competing ? { [T('% exit within {m} months', '% uitstroom binnen {m} maanden', { m: months.at(-1)! })]: rows.map((b) => formatNumber(r.groups[b].shares[months.at(-1)!].exit_pct, lang, 0)) } : {}),
    },
    notes: [
      T(
        'Every job ending in the follow-up (jobs as in Table 1: paid jobs). Time = months without work until the next job starts; endings whose follow-up stops first are censored there. % within m months = 1 - S(m) (Kaplan-Meier{aj}); bands treat endings as independent, so they are somewhat narrow for persons with several endings. For comparison, study B (the Wajong population 2010-2018, another population) found 34% directly, 63% within 6, 72% within 12 and about 85% within 48 months.',
        'Elke baanbeëindiging in de observatieperiode (banen als in tabel 1: betaalde banen). Tijd = maanden zonder werk tot de volgende baan begint; beëindigingen waarvan de observatie eerder stopt, zijn daar gecensureerd. % binnen m maanden = 1 - S(m) (Kaplan-Meier{aj}); de banden behandelen beëindigingen als onafhankelijk en zijn dus wat te smal voor personen met meerdere beëindigingen. Ter vergelijking: onderzoek B (de Wajong-populatie 2010-2018, een andere populatie) vond 34% direct, 63% binnen 6, 72% binnen 12 en ongeveer 85% binnen 48 maanden.',
        { aj: competing ? T('; with exits: the Aalen-Johansen cumulative incidence', '; met uitstroom: de cumulatieve incidentie van Aalen-Johansen') : '' },
      ),
      suppressedNote,
    ],
  });
  return { id: 'time-to-new-job', title: T('Time to a new job after a job ends', 'Tijd tot een nieuwe baan na het einde van een baan'), html: html + table };
}

async function retentionSection(study: JobcoachStudy, { out, lang, T, suppressedNote }: IndicatorContext): Promise<ReportSection> {
  const r = study.results.retention;
  const rows = [...study.benefits, 'total'].filter((b) => r.groups[b]);
  const fields = ['same_employer_pct', 'other_employer_pct', 'not_working_pct', 'work_retention_pct'] as const;
  const table = await out.table({
    name: 'retention',
    caption: T('One-year retention: status {h} months after a job start after not working, %', 'Behoud na een jaar: situatie {h} maanden na de start van een baan na een periode zonder werk, %', { h: r.horizon_months }),
    csv: {
      benefit: rows,
      starts: rows.map((b) => r.groups[b].starts),
      persons: rows.map((b) => r.groups[b].persons),
      censored: rows.map((b) => r.groups[b].censored),
      ...Object.fromEntries(fields.map((f) => [f, rows.map((b) => r.groups[b][f])])),
    },
    display: {
      [label(lang, 'benefit')]: rows.map((b) => label(lang, b)),
      [T('job starts', 'baanstarts')]: rows.map((b) => formatNumber(r.groups[b].starts, lang, 0)),
      [T('persons', 'personen')]: rows.map((b) => formatNumber(r.groups[b].persons, lang, 0)),
      [T('same employer', 'zelfde werkgever')]: rows.map((b) => formatNumber(r.groups[b].same_employer_pct, lang, 0)),
      [T('other employer', 'andere werkgever')]: rows.map((b) => formatNumber(r.groups[b].other_employer_pct, lang, 0)),
      [T('not working', 'werkt niet')]: rows.map((b) => formatNumber(r.groups[b].not_working_pct, lang, 0)),
      [T('work retention', 'werkbehoud')]: rows.map((b) => formatNumber(r.groups[b].work_retention_pct, lang, 0)),
      [T('left out (month {h} not observed)', 'niet meegeteld (maand {h} niet geobserveerd)', { h: r.horizon_months })]: rows.map((b) => formatNumber(r.groups[b].censored, lang, 0)),
    },
    notes: [
      T(
        'Cohort: every job start whose previous month is without work, and the job at the start of jobcoaching (month 0). {h} months after the start: at the same employer (job retention: the same job, or work for the same employer_id), at another employer, or not working. Work retention = same + other employer. Starts whose month {h} lies past the follow-up are left out. Weighted. Study B (Wajong population, starts at a regular employer): 39% + 23% = about 60% work retention.',
        'Cohort: elke baanstart waarvan de maand ervoor zonder werk is, en de baan bij de start van jobcoaching (maand 0). {h} maanden na de start: bij dezelfde werkgever (baanbehoud: dezelfde baan, of werk voor hetzelfde employer_id), bij een andere werkgever, of zonder werk. Werkbehoud = zelfde + andere werkgever. Starts waarvan maand {h} na de observatieperiode valt, tellen niet mee. Gewogen. Onderzoek B (Wajong-populatie, starts bij een reguliere werkgever): 39% + 23% = ongeveer 60% werkbehoud.',
        { h: r.horizon_months },
      ),
      suppressedNote,
    ],
  });
  return { id: 'retention', title: T('One-year retention', 'Behoud na een jaar'), html: table };
}

async function rulesSection(study: JobcoachStudy, { out, lang, T, suppressedNote }: IndicatorContext): Promise<ReportSection> {
  const r = study.results.rule_typology;
  const rows: { b: string; type: string }[] = [];
  for (const b of [...study.benefits, 'total'].filter((x) => r.groups[x])) for (const type of TYPOLOGY_TYPES) rows.push({ b, type });
  const v = (x: { b: string; type: string }) => r.groups[x.b].types[x.type];
  const table = await out.table({
    name: 'rule-typology',
    caption: T('Rule-based patterns (study B) over months 0 to {last}', 'Patronen volgens vaste regels (onderzoek B) over maand 0 tot en met {last}', { last: r.window_months - 1 }),
    csv: {
      benefit: rows.map((x) => x.b),
      type: rows.map((x) => x.type),
      persons: rows.map((x) => v(x).persons),
      share_pct: rows.map((x) => v(x).share_pct),
      pct_time_working: rows.map((x) => v(x).pct_time_working),
      pct_permanent: rows.map((x) => v(x).pct_permanent),
      job_changes_per_worked_year: rows.map((x) => v(x).job_changes_per_worked_year),
    },
    display: {
      [label(lang, 'benefit')]: rows.map((x) => label(lang, x.b)),
      [T('pattern', 'patroon')]: rows.map((x) => label(lang, x.type)),
      n: rows.map((x) => formatNumber(v(x).persons, lang, 0)),
      [T('% of persons', '% van de personen')]: rows.map((x) => formatNumber(v(x).share_pct, lang, 0)),
      [T('% of time in a job', '% van de tijd in een baan')]: rows.map((x) => formatNumber(v(x).pct_time_working, lang, 0)),
      [T('% of job time permanent', '% van de baantijd vast')]: rows.map((x) => formatNumber(v(x).pct_permanent, lang, 0)),
      [T('job changes per worked year', 'baanwisselingen per gewerkt jaar')]: rows.map((x) => formatNumber(v(x).job_changes_per_worked_year, lang, 1)),
    },
    numeric: [
      'n', T('% of persons', '% van de personen'), T('% of time in a job', '% van de tijd in een baan'), T('% of job time permanent', '% van de baantijd vast'),
      T('job changes per worked year', 'baanwisselingen per gewerkt jaar'),
    ],
    notes: [
      T(
        'Rules, in this order: 4 never worked in the window; 1 ever more than 12 consecutive months working; 2 more than one switch between working and not working per observed year; 3 the rest. Working = trial placement or work; rates per observed year, so persons followed less long count fully. Job changes per worked year = (jobs in the window - 1) / (working months / 12); % permanent over working months with a known contract (trial placements have none). Persons observed fewer than 12 months are left out ({excluded}). Weighted. Study B (Wajong2010, 2010-2018): 37%, 7%, 19% and 37%.',
        'Regels, in deze volgorde: 4 nooit gewerkt in het venster; 1 ooit meer dan 12 maanden aaneen werkend; 2 meer dan één wisseling tussen werken en niet werken per geobserveerd jaar; 3 de rest. Werkend = proefplaatsing of werk; maatstaven per geobserveerd jaar, dus wie korter gevolgd is, telt volledig mee. Baanwisselingen per gewerkt jaar = (banen in het venster - 1) / (werkmaanden / 12); % vast over werkmaanden met een bekend contract (proefplaatsingen hebben er geen). Personen met minder dan 12 geobserveerde maanden tellen niet mee ({excluded}). Gewogen. Onderzoek B (Wajong2010, 2010-2018): 37%, 7%, 19% en 37%.',
        { excluded: formatNumber(r.groups.total?.excluded ?? 0, lang, 0) },
      ),
      suppressedNote,
    ],
  });
  return { id: 'rule-typology', title: T('Rule-based patterns', 'Patronen volgens vaste regels'), html: table };
}

/** The first part of a Kaplan-Meier curve, up to where disclosure control suppressed it. */
function publishedPart(curve: KaplanMeierCurve): KaplanMeierCurve {
  const end = firstSuppressed(curve.survival);
  return { ...curve, time: curve.time.slice(0, end), survival: curve.survival.slice(0, end), lower: curve.lower.slice(0, end), upper: curve.upper.slice(0, end), atRisk: curve.atRisk.slice(0, end) };
}

/** The first part of a cumulative incidence, up to where the Kaplan-Meier curve of the same endings was suppressed. */
function publishedIncidence(ci: CumulativeIncidence, km: KaplanMeierCurve): CumulativeIncidence {
  const end = Math.min(firstSuppressed(km.survival), firstSuppressed(ci.survival));
  const cut = (a: number[][]) => a.map((x) => x.slice(0, end));
  return { ...ci, time: ci.time.slice(0, end), incidence: cut(ci.incidence), lower: cut(ci.lower), upper: cut(ci.upper), atRisk: ci.atRisk.slice(0, end) };
}

function firstSuppressed(values: readonly number[]): number {
  const k = values.findIndex((v) => !Number.isFinite(v));
  return k < 0 ? values.length : k;
}
