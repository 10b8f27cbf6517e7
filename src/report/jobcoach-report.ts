import type { Lang } from '../charts/i18n.js';
import { clusterPanels } from '../charts/clusterPanels.js';
import { clusterQualityPlot } from '../charts/clusterQualityPlot.js';
import { indexNumberPlot, indexSeriesFrom } from '../charts/indexNumberPlot.js';
import { stateSharesPlot } from '../charts/stateDistributionPlot.js';
import { formatIngestReport } from '../ingest/report.js';
import type { StateShares } from '../labour/shares.js';
import type { ProgressReporter } from '../progress.js';
import { listHtml, paragraph, preHtml, renderPage, type ReportSection } from './html.js';
import type { JobcoachStudy } from './jobcoach-study.js';
import { ReportFiles, paragraphs, type ReportTable } from './output.js';
import { compareWithPublished } from './published.js';
import { relabelStates } from './states.js';
import { fill, formatNumber, label, labelMap, pick } from './texts.js';
import { qualityTable, qualityText, panelTable } from './common-sections.js';

/** Options of the report writers. */
export interface WriteReportOptions {
  /** Output folder (default `reports/out/jobcoach`, `reports/out/mvad`). */
  out?: string;
  /** Language of the page, figures and tables (default 'en'). */
  lang?: Lang;
  progress?: ProgressReporter;
}

/** What a report writer wrote. */
export interface WrittenReport {
  readonly dir: string;
  /** Path of index.html. */
  readonly index: string;
  /** Every file written, relative to `dir`. */
  readonly files: readonly string[];
}

/**
 * Write the report of study A: `DIR/index.html` (self-contained: inline CSS
 * and SVG, no scripts or external resources), every figure as
 * `figures/*.svg` and `figures/*.png`, every table as `tables/*.csv`, and
 * `results.json`. Figure 1 (state shares by month per benefit), Table 1 (job
 * endings), figure 2 (index numbers), the four groups (chronogram and index
 * plot per group, shares per benefit, % time working), Table 2 (regime by
 * group with significance marks), the cluster-quality table, the ingest
 * report and the methods. English or Dutch.
 *
 * @param study a result of `runJobcoachStudy`
 * @param options out (reports/out/jobcoach), lang ('en'), progress
 * @returns the folder, the page and the files written
 * @example
 * const study = await runJobcoachStudy({ n: 25_000, seed: 1 });
 * const { index } = await writeJobcoachReport(study, { out: 'reports/out/jobcoach', lang: 'nl' });
 */
export async function writeJobcoachReport(study: JobcoachStudy, options: WriteReportOptions = {}): Promise<WrittenReport> {
  const lang = options.lang ?? 'en';
  const dir = options.out ?? 'reports/out/jobcoach';
  const out = new ReportFiles(dir, options.progress);
  const r = study.results;
  const T = (en: string, nl: string, params: Record<string, string | number> = {}) => fill(pick(lang, { en, nl }), params);
  const n0 = (x: number | null | undefined) => formatNumber(x, lang, 0);
  const n1 = (x: number | null | undefined) => formatNumber(x, lang, 1);
  const n2 = (x: number | null | undefined) => formatNumber(x, lang, 2);
  const pct = (x: number | null | undefined) => formatNumber(x === null || x === undefined ? null : 100 * x, lang, 0);
  const seqs = relabelStates(study.sequences, labelMap(lang, study.sequences.alphabet.codes));
  const window = relabelStates(study.window, labelMap(lang, study.window.alphabet.codes));
  const states = seqs.alphabet.codes;
  const stateLabel = (s: string) => label(lang, s);
  const groupLabel = (id: number) => {
    const g = study.groups.groups.find((x) => x.id === id);
    return g?.key ? label(lang, g.key) : T('other {id}', 'overig {id}', { id });
  };
  const suppressedNote = T('– = suppressed: fewer than {k} persons (disclosure control).', '– = onderdrukt: minder dan {k} personen (onthullingsbeheersing).', { k: study.options.minCell });
  const sections: ReportSection[] = [];

  // Summary and the published figures
  const source = r.source.kind === 'simulated'
    ? T(
      'Synthetic panel of {n} persons (seed {seed}), generated in memory by loopbaan and calibrated to the published figures of the study. The persons are not real; the numbers show what the method finds.',
      'Synthetisch panel van {n} personen (seed {seed}), in het geheugen gemaakt door loopbaan en gekalibreerd op de gepubliceerde cijfers van het onderzoek. De personen zijn niet echt; de cijfers laten zien wat de methode vindt.',
      { n: n0(r.source.n), seed: r.source.seed },
    )
    : r.source.kind === 'files'
      ? T('Panel read from {persons} and {months}.', 'Panel gelezen uit {persons} en {months}.', { persons: r.source.persons, months: r.source.months })
      : T('Panel given in memory.', 'Panel in het geheugen aangeleverd.');
  const headline = [
    T('{n} persons, followed monthly from the start of jobcoaching (month 0) for {a} to {b} months.', '{n} personen, maandelijks gevolgd vanaf de start van jobcoaching (maand 0) gedurende {a} tot {b} maanden.', { n: n0(r.n_persons), a: study.panel.minLength, b: study.panel.maxLength }),
    ...study.benefits.filter((b) => r.state_share[b]?.['36']).map((b) => {
      const s = r.state_share[b]['36'];
      const working = ['trial', 'work_jc', 'work'].reduce((a, x) => a + (s[x] ?? 0), 0);
      return T('{b}: {w}% working after 3 years ({jc}% with jobcoach), {none}% not working.', '{b}: {w}% werkt na 3 jaar ({jc}% met jobcoach), {none}% werkt niet.', { b, w: pct(working), jc: pct(s.work_jc), none: pct(s.none) });
    }),
    T('Four trajectory groups: {groups}.', 'Vier trajectgroepen: {groups}.', {
      groups: r.clusters.groups.map((g) => `${g.id} ${groupLabel(g.id)} (${pct(g.share_total)}%)`).join(', '),
    }),
    ...(r.clusters.ari_vs_true_group !== null
      ? [T('Agreement with the latent groups of the generator (adjusted Rand index): {ari}.', 'Overeenstemming met de verborgen groepen van de generator (adjusted Rand index): {ari}.', { ari: n2(r.clusters.ari_vs_true_group) })]
      : []),
  ];
  const published = compareWithPublished(r);
  const comparison = await out.table({
    name: 'published-comparison',
    caption: T('The published figures of the study next to this panel', 'De gepubliceerde cijfers van het onderzoek naast dit panel'),
    csv: { key: published.map((p) => p.key), figure: published.map((p) => p.figure), unit: published.map((p) => p.unit), published: published.map((p) => p.published), panel: published.map((p) => p.value) },
    display: {
      [T('figure', 'cijfer')]: published.map((p) => p.figure),
      [T('published', 'gepubliceerd')]: published.map((p) => formatNumber(p.published, lang, p.unit === 'EUR' ? 2 : p.unit === '%' ? 0 : 1)),
      [T('this panel', 'dit panel')]: published.map((p) => formatNumber(p.value, lang, p.unit === 'EUR' ? 2 : p.unit === '%' ? 0 : 1)),
      [T('unit', 'eenheid')]: published.map((p) => p.unit),
    },
    numeric: [T('published', 'gepubliceerd'), T('this panel', 'dit panel')],
    notes: [T('Figure texts in English; group labels are those the clusters were mapped to.', 'Omschrijvingen in het Engels; groepsnamen zijn die waaraan de clusters zijn toegekend.')],
  });
  sections.push({ id: 'summary', title: T('Summary', 'Samenvatting'), html: paragraph(source) + listHtml(headline) });

  // Figure 1 and the share table
  const fig1 = await out.figure(
    'fig1-state-shares',
    stateSharesPlot(seqs.alphabet, firstMonths(study.shares, study.options.figureMonths), { lang, title: false, width: 420, height: 240 }),
    T('Figure 1. State shares by month since the start of jobcoaching, per benefit; N at risk = persons still observed.', 'Figuur 1. Verdeling over de toestanden per maand sinds de start van jobcoaching, per uitkering; N = personen nog in observatie.'),
  );
  const shareRows: { b: string; m: number }[] = [];
  for (const b of study.benefits) for (const m of study.options.shareMonths) shareRows.push({ b, m });
  const shareTable = await out.table({
    name: 'state-shares',
    caption: T('State shares (%) at selected months', 'Aandelen (%) in de toestanden op enkele maanden'),
    csv: {
      benefit: shareRows.map((x) => x.b),
      month: shareRows.map((x) => x.m),
      at_risk: shareRows.map((x) => r.at_risk[x.b][x.m]),
      ...Object.fromEntries(states.map((s) => [s, shareRows.map((x) => r.state_share[x.b][x.m][s])])),
    },
    display: {
      [label(lang, 'benefit')]: shareRows.map((x) => x.b),
      [T('month', 'maand')]: shareRows.map((x) => String(x.m)),
      N: shareRows.map((x) => n0(r.at_risk[x.b][x.m])),
      ...Object.fromEntries(states.map((s) => [stateLabel(s), shareRows.map((x) => pct(r.state_share[x.b][x.m][s]))])),
    },
    notes: [suppressedNote],
  });
  sections.push({ id: 'figure-1', title: T('Figure 1: state shares by month', 'Figuur 1: toestanden per maand'), html: fig1 + shareTable });

  // Table 1
  const t1 = [...study.benefits, 'total'].filter((b) => r.job_loss[b]);
  const table1 = await out.table({
    name: 'table1-job-endings',
    caption: T('Table 1. Job endings in the {w} months after the start', 'Tabel 1. Baanbeëindigingen in de {w} maanden na de start', { w: study.windowMonths }),
    csv: {
      benefit: t1,
      ...Object.fromEntries(['endings_per_person', 'direct_pct', 'after_gap_pct', 'gap_months_mean', 'no_new_job_pct', 'n_endings', 'n_persons', 'n_excluded']
        .map((f) => [f, t1.map((b) => r.job_loss[b][f as keyof (typeof r.job_loss)[string]])])),
    },
    display: {
      [label(lang, 'benefit')]: t1.map((b) => label(lang, b)),
      [T('A: endings per person', 'A: beëindigingen per persoon')]: t1.map((b) => n1(r.job_loss[b].endings_per_person)),
      [T('B: % directly a new job', 'B: % direct nieuwe baan')]: t1.map((b) => n0(r.job_loss[b].direct_pct)),
      [T('C: % new job after a spell without work', 'C: % nieuwe baan na periode zonder werk')]: t1.map((b) => n0(r.job_loss[b].after_gap_pct)),
      [T('D: mean spell (months)', 'D: gemiddelde periode (maanden)')]: t1.map((b) => n1(r.job_loss[b].gap_months_mean)),
      [T('% no new job', '% geen nieuwe baan')]: t1.map((b) => n0(r.job_loss[b].no_new_job_pct)),
      [T('endings', 'beëindigingen')]: t1.map((b) => n0(r.job_loss[b].n_endings)),
      [T('persons', 'personen')]: t1.map((b) => n0(r.job_loss[b].n_persons)),
      [T('left out (< {w} months)', 'niet meegeteld (< {w} maanden)', { w: study.windowMonths })]: t1.map((b) => n0(r.job_loss[b].n_excluded)),
    },
    notes: [
      T(
        'A job is a run of working months (trial, work_jc, work) at one employer. An ending counts when the month after the job lies in the first {w} months; what follows is looked for in the whole follow-up. Persons followed less than {w} months are left out. B + C + % no new job = 100.',
        'Een baan is een aaneengesloten periode van werkmaanden (proefplaatsing, werk met of zonder jobcoach) bij één werkgever. Een beëindiging telt als de maand na de baan in de eerste {w} maanden valt; wat volgt wordt gezocht in de hele observatieperiode. Personen die korter dan {w} maanden gevolgd zijn, tellen niet mee. B + C + % geen nieuwe baan = 100.',
        { w: study.windowMonths },
      ),
      suppressedNote,
    ],
  });
  sections.push({ id: 'table-1', title: T('Table 1: job endings', 'Tabel 1: baanbeëindigingen'), html: table1 });

  // Figure 2: index numbers
  if (study.index.length > 0) {
    const series = study.benefits.flatMap((b) => (study.indexByBenefit[b] ?? []).map((x) => indexSeriesFrom(x, label(lang, x.outcome), b)));
    const fig2 = await out.figure(
      'fig2-index-numbers',
      indexNumberPlot(series, { lang, title: false, width: 380, height: 240 }),
      T(
        'Figure 2. Index numbers (start = 100) of the hourly wage, hours per week and the share with a permanent contract, corrected for composition with person fixed effects, per benefit; bands: 95% confidence intervals.',
        'Figuur 2. Indexcijfers (start = 100) van uurloon, uren per week en aandeel met een vast contract, gecorrigeerd voor samenstelling met persoons-fixed-effects, per uitkering; banden: 95%-betrouwbaarheidsintervallen.',
      ),
    );
    const bins = study.index[0].bins;
    const indexTable = await out.table({
      name: 'index-numbers',
      caption: T('Index numbers, all persons (start = 100)', 'Indexcijfers, alle personen (start = 100)'),
      csv: {
        month_from: bins.map((b) => b.from),
        month_to: bins.map((b) => b.to),
        ...Object.fromEntries(study.index.flatMap((x) => [[x.outcome, x.index], [`${x.outcome}_lower`, x.lower], [`${x.outcome}_upper`, x.upper], [`${x.outcome}_persons`, x.persons]])),
      },
      display: {
        [T('months', 'maanden')]: bins.map((b) => b.label),
        ...Object.fromEntries(study.index.map((x) => [label(lang, x.outcome), x.index.map(n1)])),
      },
      notes: [suppressedNote],
    });
    const meanRows: { b: string; m: string }[] = [];
    for (const b of study.benefits) for (const m of study.cellMeans[0]?.months ?? []) meanRows.push({ b, m: String(m) });
    const meansTable = await out.table({
      name: 'means-paid-months',
      caption: T('Means in paid months (raw, not corrected for composition)', 'Gemiddelden in betaalde maanden (ongecorrigeerd)'),
      csv: { benefit: meanRows.map((x) => x.b), month: meanRows.map((x) => x.m), ...Object.fromEntries(study.cellMeans.map((c) => [c.attribute, meanRows.map((x) => r.means[c.attribute][x.b][x.m])])) },
      display: {
        [label(lang, 'benefit')]: meanRows.map((x) => x.b),
        [T('month', 'maand')]: meanRows.map((x) => x.m),
        ...Object.fromEntries(study.cellMeans.map((c) => [
          label(lang, c.attribute),
          meanRows.map((x) => (c.attribute === 'permanent' ? pct(r.means[c.attribute][x.b][x.m]) + '%' : n2(r.means[c.attribute][x.b][x.m]))),
        ])),
      },
    });
    sections.push({ id: 'figure-2', title: T('Figure 2: wages, hours and contracts', 'Figuur 2: lonen, uren en contracten'), html: fig2 + indexTable + meansTable });
  }

  // The four groups
  const ids = study.groups.groups.map((g) => g.id);
  const minSize = Math.min(...r.clusters.groups.map((g) => g.n ?? Infinity));
  const height = 150;
  const maxRows = study.options.minCell > 1 ? Math.max(1, Math.min(height, Math.floor(minSize / study.options.minCell))) : height;
  const fig3 = await out.figure(
    'fig3-groups',
    clusterPanels(window, Array.from(study.groups.ids, String), {
      lang, title: false, width: 300, height, maxRows, groupOrder: ids.map(String),
      clusterLabels: Object.fromEntries(ids.map((id) => [String(id), `${id} ${groupLabel(id)}`])),
    }),
    T(
      'Figure 3. The four groups over the first {w} months: state distribution by month (left) and sequence index plot (right, sorted from the start).',
      'Figuur 3. De vier groepen in de eerste {w} maanden: verdeling per maand (links) en sequentie-indexplot (rechts, gesorteerd vanaf de start).',
      { w: study.windowMonths },
    ),
  );
  const g = r.clusters.groups;
  const endM = Math.min(study.windowMonths, study.sequences.t - 1);
  const groupsTable = await out.table({
    name: 'groups',
    caption: T('The groups: size, share per benefit and working time', 'De groepen: omvang, aandeel per uitkering en werktijd'),
    csv: {
      id: g.map((x) => x.id), key: g.map((x) => x.key), label: g.map((x) => x.label), n: g.map((x) => x.n), n_weighted: g.map((x) => x.n_weighted),
      share_total: g.map((x) => x.share_total),
      ...Object.fromEntries(study.benefits.map((b) => [`share_${b}`, g.map((x) => x.share[b])])),
      pct_time_working: g.map((x) => x.pct_time_working),
      work_at_end: g.map((x) => x.profile.work_at_end), work_jc_at_end: g.map((x) => x.profile.work_jc_at_end), none_at_end: g.map((x) => x.profile.none_at_end),
      transitions_per_year: g.map((x) => x.profile.transitions_per_year), medoid: g.map((x) => x.medoid),
      ...Object.fromEntries(study.groupCellMeans.map((c) => [`${c.attribute}_month_${endM}`, g.map((x) => x.means_at_end[c.attribute])])),
    },
    display: {
      [T('group', 'groep')]: g.map((x) => `${x.id} ${groupLabel(x.id)}`),
      n: g.map((x) => n0(x.n)),
      ...Object.fromEntries(study.benefits.map((b) => [T('% of {b}', '% van {b}', { b }), g.map((x) => pct(x.share[b]))])),
      [T('% of all', '% van totaal')]: g.map((x) => pct(x.share_total)),
      [T('% time working', '% tijd werkend')]: g.map((x) => n0(x.pct_time_working)),
      [T('changes per year', 'wisselingen per jaar')]: g.map((x) => n1(x.profile.transitions_per_year)),
      ...Object.fromEntries(study.groupCellMeans.map((c) => [
        T('{m} at month {e}', '{m} in maand {e}', { m: label(lang, c.attribute), e: endM }),
        g.map((x) => (c.attribute === 'permanent' ? pct(x.means_at_end[c.attribute]) + '%' : n2(x.means_at_end[c.attribute]))),
      ])),
      [T('medoid (typical sequence)', 'medoïde (typische sequentie)')]: g.map((x) => x.medoid),
    },
    numeric: [
      'n', ...study.benefits.map((b) => T('% of {b}', '% van {b}', { b })), T('% of all', '% van totaal'), T('% time working', '% tijd werkend'),
      T('changes per year', 'wisselingen per jaar'),
      ...study.groupCellMeans.map((c) => T('{m} at month {e}', '{m} in maand {e}', { m: label(lang, c.attribute), e: endM })),
    ],
    notes: [
      T(
        '% of a benefit: share of that benefit\'s persons in the group. % time working: months in trial, work_jc or work over all observed months. Wage, hours and permanent contract: means in paid months (work_jc, work).',
        '% van een uitkering: aandeel van de personen met die uitkering in de groep. % tijd werkend: maanden in proefplaatsing of werk gedeeld door alle geobserveerde maanden. Loon, uren en vast contract: gemiddelden in betaalde maanden.',
      ),
      suppressedNote,
    ],
  });
  const profileHtml = await profilesTable(study, out, lang, T, groupLabel, suppressedNote);
  const labelRule = T(
    'Groups are named by their profile, not by their number: the group with the highest share working without jobcoach at the end of the window is "quickly without jobcoach", the highest with jobcoach "long-term jobcoaching", the highest without work "ends without work", the most state changes per year "switchers" (the assignment with the largest sum of standardised scores).',
    'Groepen zijn benoemd naar hun profiel, niet naar hun nummer: de groep met het hoogste aandeel werkend zonder jobcoach aan het eind van het venster is "snel zonder jobcoach", het hoogste met jobcoach "langdurig jobcoaching", het hoogste zonder werk "eindigt zonder werk", de meeste wisselingen per jaar "wisselaars" (de toewijzing met de grootste som van gestandaardiseerde scores).',
  );
  sections.push({ id: 'groups', title: T('The four groups', 'De vier groepen'), html: fig3 + paragraph(labelRule) + groupsTable + profileHtml });

  // Table 2
  if (study.regime) {
    const c = study.regime.categorical[0];
    const cols = study.regime.groups.map((x) => x.group);
    const cell = (v: number, sig: boolean) => `${n0(v)}${sig ? '*' : ''}`;
    const table2 = await out.table({
      name: 'table2-regime-by-group',
      caption: T('Table 2. Jobcoach regime at the start by group (Wajong), %', 'Tabel 2. Jobcoachregime bij de start naar groep (Wajong), %'),
      csv: {
        regime: c.levels,
        ...Object.fromEntries(cols.flatMap((id, gi) => [[`group_${id}`, c.pct[gi]], [`group_${id}_significant`, c.significant[gi]]])),
        total: c.totalPct,
      },
      display: {
        [label(lang, 'regime')]: c.levels.map((l) => label(lang, l)),
        ...Object.fromEntries(cols.map((id, gi) => [`${id} ${groupLabel(Number(id))}`, c.levels.map((_, li) => cell(c.pct[gi][li], c.significant[gi][li]))])),
        [label(lang, 'total')]: c.totalPct.map((v) => n0(v)),
      },
      notes: [
        T(
          '* = significantly different from the other groups (and so from the total) at 95%: adjusted standardised residual |z| > 1.96. Chi-square test of independence: χ² = {chi}, df = {df}, p = {p}; Cramér\'s V = {v}.',
          '* = significant verschillend van de andere groepen (en dus van het totaal) bij 95%: gecorrigeerd gestandaardiseerd residu |z| > 1,96. Chi-kwadraattoets op onafhankelijkheid: χ² = {chi}, df = {df}, p = {p}; Cramérs V = {v}.',
          { chi: n1(c.test.statistic), df: c.test.df, p: c.test.pValue < 0.0001 ? '< 0.0001' : formatNumber(c.test.pValue, lang, 4), v: formatNumber(c.test.cramersV, lang, 3) },
        ),
        suppressedNote,
      ],
    });
    sections.push({ id: 'table-2', title: T('Table 2: regime by group', 'Tabel 2: regime naar groep'), html: table2 });
  }

  // Cluster quality
  const fig4 = await out.figure(
    'fig4-cluster-quality',
    clusterQualityPlot(study.typology.range, { lang, title: false, highlightK: study.typology.k }),
    T('Figure 4. Cluster quality of the Ward partitions by number of clusters k; the dashed line marks the chosen k.', 'Figuur 4. Clusterkwaliteit van de Ward-indelingen naar aantal clusters k; de stippellijn markeert de gekozen k.'),
  );
  const quality = await qualityTable(out, study.typology, lang);
  sections.push({ id: 'cluster-quality', title: T('Cluster quality: why k = {k}', 'Clusterkwaliteit: waarom k = {k}', { k: study.typology.k }), html: fig4 + paragraph(qualityText(study.typology, lang, T('the study\'s four groups', 'de vier groepen van het onderzoek'))) + quality });

  sections.push({ id: 'published', title: T('Compared with the published study', 'Vergeleken met het gepubliceerde onderzoek'), html: comparison });

  // Data
  const data = study.ingest
    ? paragraph(T('Ingest report: what was read, kept and rejected.', 'Inleesrapport: wat is gelezen, behouden en afgewezen.')) + preHtml(formatIngestReport(study.ingest))
    : paragraph(source);
  sections.push({ id: 'data', title: T('Data and ingest report', 'Gegevens en inleesrapport'), html: data + (await panelTable(out, study.panel, lang)) + paragraphs(study.notes) });

  // Methods
  sections.push({ id: 'methods', title: T('Methods', 'Methode'), html: methodsHtml(study, lang, T) });

  const title = T('Labour-market patterns after the start of jobcoaching', 'Arbeidsmarktpatronen na de start van jobcoaching');
  const subtitle = T('Study A reproduced with loopbaan: {n} persons, {k} groups.', 'Onderzoek A nagedaan met loopbaan: {n} personen, {k} groepen.', { n: n0(r.n_persons), k: study.typology.k });
  await out.text('results.json', JSON.stringify(r, null, 2) + '\n');
  await out.text('index.html', renderPage({ title, subtitle, lang, sections }));
  return { dir, index: `${dir}/index.html`, files: out.files };
}

/** Sex, disability and incapacity by group against the total, with significance marks. */
async function profilesTable(
  study: JobcoachStudy, out: ReportFiles, lang: Lang,
  T: (en: string, nl: string, params?: Record<string, string | number>) => string, groupLabel: (id: number) => string, suppressedNote: string,
): Promise<string> {
  const p = study.profiles;
  if (p.categorical.length === 0 && p.numeric.length === 0) return '';
  const cols = p.groups.map((x) => x.group);
  const rows: { covariate: string; level: string; values: (number | null)[]; significant: boolean[]; total: number }[] = [];
  for (const c of p.categorical) {
    c.levels.forEach((l, li) => rows.push({ covariate: c.covariate, level: l, values: c.pct.map((v) => v[li]), significant: c.significant.map((s) => s[li]), total: c.totalPct[li] }));
  }
  for (const c of p.numeric) rows.push({ covariate: c.covariate, level: '', values: c.mean, significant: c.significant, total: c.totalMean });
  const name = (id: string) => `${id} ${groupLabel(Number(id))}`;
  return out.table({
    name: 'group-profiles',
    caption: T('Who is in each group: % per category (mean for incapacity)', 'Wie zit in welke groep: % per categorie (gemiddelde voor arbeidsongeschiktheid)'),
    csv: {
      covariate: rows.map((x) => x.covariate), level: rows.map((x) => x.level),
      ...Object.fromEntries(cols.flatMap((id, gi) => [[`group_${id}`, rows.map((x) => x.values[gi])], [`group_${id}_significant`, rows.map((x) => x.significant[gi])]])),
      total: rows.map((x) => x.total),
    },
    display: {
      [T('characteristic', 'kenmerk')]: rows.map((x) => (x.level ? `${label(lang, x.covariate)}: ${label(lang, x.level)}` : label(lang, x.covariate))),
      ...Object.fromEntries(cols.map((id, gi) => [name(id), rows.map((x) => `${formatNumber(x.values[gi], lang, 0)}${x.significant[gi] ? '*' : ''}`)])),
      [label(lang, 'total')]: rows.map((x) => formatNumber(x.total, lang, 0)),
    },
    notes: [
      T('* = the group differs significantly from the other groups at 95% (adjusted residual for categories, Welch t test for means).', '* = de groep verschilt significant van de andere groepen bij 95% (gecorrigeerd residu voor categorieën, Welch-t-toets voor gemiddelden).'),
      suppressedNote,
    ],
  });
}

function methodsHtml(study: JobcoachStudy, lang: Lang, T: (en: string, nl: string, params?: Record<string, string | number>) => string): string {
  const typ = study.typology;
  const w = study.windowMonths;
  const costs = typ.costs;
  const smRows = costs.states.map((s, i) => `${s}: ${costs.states.map((_, j) => formatNumber(costs.sm[i * costs.nStates + j], lang, 3)).join('  ')}`);
  const items = [
    T(
      'Sequences: one state per person per month in process time, month 0 = start of jobcoaching; follow-up ends at the end of the data (right-censored), between {a} and {b} months. States: {states}. Working = trial placement, work with or without jobcoach.',
      'Sequenties: één toestand per persoon per maand in procestijd, maand 0 = start van jobcoaching; de observatie eindigt aan het eind van de gegevens (rechts gecensureerd), na {a} tot {b} maanden. Toestanden: {states}. Werkend = proefplaatsing, werk met of zonder jobcoach.',
      { a: study.panel.minLength, b: study.panel.maxLength, states: study.sequences.alphabet.codes.map((s) => `${s} (${label(lang, s)})`).join(', ') },
    ),
    T(
      'Typology: months 0 to {last} ({why}; persons followed less long enter with their shorter sequence). {dist} with substitution costs from the transition rates (TRATE: 2 - p(i→j) - p(j→i)) and indel cost {indel}; computed on the {d} distinct sequences, with weights; Ward clustering (R hclust ward.D, weighted); k = {k}{refine}. Method: {method}.',
      'Typologie: maanden 0 tot en met {last} ({why}; wie korter gevolgd is, doet mee met een kortere sequentie). {dist} met substitutiekosten uit de overgangskansen (TRATE: 2 - p(i→j) - p(j→i)) en indelkosten {indel}; berekend op de {d} verschillende sequenties, met gewichten; Ward-clustering (R hclust ward.D, gewogen); k = {k}{refine}. Methode: {method}.',
      {
        why: w === 36 ? T('the study\'s three years', 'de drie jaar van het onderzoek') : T('{w} months', '{w} maanden', { w }),
        dist: typ.distance === 'OMspell' ? T('Optimal matching of spells (OMspell, expcost 0.5)', 'Optimal matching van perioden (OMspell, expcost 0,5)') : 'Optimal matching',
        last: w - 1, indel: formatNumber(typ.indel, lang, 3), d: typ.items, k: typ.k, refine: typ.refine === 'pam' ? T(', refined by weighted k-medoids', ', verfijnd met gewogen k-medoids') : '', method: typ.method },
    ),
    T('Substitution costs (rows and columns {states}): {sm}.', 'Substitutiekosten (rijen en kolommen {states}): {sm}.', { states: costs.states.join(', '), sm: smRows.join('; ') }),
    typ.refine === 'pam'
      ? T(
        'The Ward partition was refined by weighted k-medoids started from it (WeightedCluster wcKMedoids with initialclust).',
        'De Ward-indeling is verfijnd met gewogen k-medoids, met de Ward-indeling als start (WeightedCluster wcKMedoids met initialclust).',
      )
      : T(
        'Ward without k-medoids refinement (the default): on the calibrated synthetic panel, weighted k-medoids started from the Ward cut does not recover the generator\'s latent groups consistently better (adjusted Rand index), takes longer, and Ward is the study\'s method.',
        'Ward zonder k-medoids-verfijning (de standaard): op het gekalibreerde synthetische panel vindt gewogen k-medoids, gestart vanuit de Ward-indeling, de verborgen groepen van de generator niet consequent beter (adjusted Rand index), kost meer tijd, en Ward is de methode van het onderzoek.',
      ),
    T(
      'Figure 1: per month, the weighted share of each state among the persons still observed that month (TraMineR seqstatd); N at risk under each panel.',
      'Figuur 1: per maand het gewogen aandeel van elke toestand onder de personen die die maand nog geobserveerd worden (TraMineR seqstatd); N onder elk paneel.',
    ),
    T(
      'Figure 2: within (person fixed-effects) regression of the outcome on bins of {bw} months since start over months 0 to {m} in paid work (trial placements excluded for wages; hours and contracts in work_jc and work), index = 100 (1 + β / mean at the start); 95% intervals with standard errors clustered by person.',
      'Figuur 2: within-regressie (persoons-fixed-effects) van de uitkomst op blokken van {bw} maanden sinds de start over maand 0 tot {m} in betaald werk (proefplaatsingen niet voor lonen), index = 100 (1 + β / gemiddelde bij de start); 95%-intervallen met standaardfouten geclusterd per persoon.',
      { bw: study.options.indexBinWidth, m: Math.min(study.options.figureMonths, study.sequences.t) - 1 },
    ),
    T(
      'Table 1: jobs, endings and what follows as defined under the table; window {w} months; weighted.',
      'Tabel 1: banen, beëindigingen en wat volgt zoals onder de tabel omschreven; venster {w} maanden; gewogen.',
      { w },
    ),
    T(
      'Table 2 and the group profiles: weighted percentages; each cell tested against the other groups with Haberman\'s adjusted residual (95%), no correction for multiple testing; chi-square test of independence and Cramér\'s V.',
      'Tabel 2 en de groepsprofielen: gewogen percentages; elke cel getoetst tegen de andere groepen met het gecorrigeerde residu van Haberman (95%), zonder correctie voor meervoudig toetsen; chi-kwadraattoets en Cramérs V.',
    ),
    T(
      'Disclosure control: every published cell resting on fewer than {k} persons is suppressed (–); {s} cells were suppressed. Index plots draw rows of at least {k} sequences (the modal state per month). This is primary suppression only: a single suppressed share of a month can be derived from the others (and shows as a gap in figure 1), so check the tables before they leave a secure environment.',
      'Onthullingsbeheersing: elke gepubliceerde cel die op minder dan {k} personen rust, is onderdrukt (–); {s} cellen zijn onderdrukt. Indexplots tekenen rijen van ten minste {k} sequenties (de modale toestand per maand). Dit is alleen primaire onderdrukking: één onderdrukt aandeel in een maand is af te leiden uit de andere (en is een gat in figuur 1), dus controleer de tabellen voordat ze een beveiligde omgeving verlaten.',
      { k: study.options.minCell, s: study.results.disclosure.suppressed_cells },
    ),
    T(
      'Software: loopbaan (TypeScript); distances, clustering and quality indices equal TraMineR 2.2, WeightedCluster 1.4 and R\'s hclust to 1e-9.',
      'Software: loopbaan (TypeScript); afstanden, clustering en kwaliteitsmaten zijn gelijk aan TraMineR 2.2, WeightedCluster 1.4 en R\'s hclust tot op 1e-9.',
    ),
  ];
  return listHtml(items);
}

/** State shares of the first `months` months only (the months a figure shows). */
function firstMonths(shares: StateShares, months: number): StateShares {
  const k = shares.months.filter((m) => m < months).length;
  return {
    ...shares,
    months: shares.months.slice(0, k),
    monthLabels: shares.monthLabels.slice(0, k),
    groups: shares.groups.map((g) => ({
      ...g, shares: g.shares.slice(0, k), counts: g.counts.slice(0, k), atRisk: g.atRisk.slice(0, k),
      atRiskWeighted: g.atRiskWeighted.slice(0, k), censored: g.censored.slice(0, k), flagged: g.flagged?.slice(0, k),
    })),
  };
}
