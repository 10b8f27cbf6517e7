import { basename, isAbsolute, relative, sep } from 'node:path';
import type { DisclosureRule } from '../disclosure/primary.js';
import { movesDisclosable } from '../describe/disclosure.js';
import { formatIngestReport } from '../ingest/report.js';
import type { Lang, TextKey } from '../i18n/index.js';
import { resolveText as resolve } from '../report/page.js';
import { list, literal, paragraph, preformatted, table, text, type Block, type Column, type ReportDocument, type Section, type Text } from '../report/document.js';
import { clusterSections } from './cluster-sections.js';
import type { StudyComputation } from './compute.js';
import { analysisSections } from './analysis-sections.js';
import { explainSections } from './explain-sections.js';
import { figureLayout, type FigureLayout } from './layout.js';
import { publishedComparison } from './published.js';
import { codeLabel, stateLabel } from './resolve.js';
import { studyText } from './study-file.js';

/** Options of `studyDocument`. */
export interface StudyDocumentOptions {
  /** Language of the page, figures and tables (default English). */
  lang?: Lang;
  /** Print width of the figures in cm (8.5 or 17): figures are laid out for it; default screen size. */
  figureWidthCm?: number;
  /** The output folder, to name the synthetic panel's files relative to it. */
  out?: string;
}

/** What every section builder gets: the computation, the language, the figure layout and label helpers. */
export interface SectionContext {
  readonly c: StudyComputation;
  readonly lang: Lang;
  readonly layout: FigureLayout;
  /** Label of a code (covariate, level, outcome) in the language. */
  readonly label: (code: string) => string;
  /** Label of a state in the language. */
  readonly state: (code: string) => string;
  /** Name of a cluster (report number) in the language: `1 quickly without jobcoach`, or `2 employed 30m -> unemployed`. */
  readonly cluster: (id: number) => string;
  /** The note under every table with suppressed cells. */
  readonly suppressed: Text;
  /** The study file's extra note for an analysis, if any. */
  readonly extraNote: (analysis: string) => Text[];
}

/**
 * The report document of a computed study: a summary, one section per
 * analysis that ran (state shares, job endings, index numbers, the clusters
 * with their profiles and quality, the discrepancy analysis and the
 * dissimilarity tree, time to a new job, retention, the rule patterns), the published figures beside the reproduced ones, the data and
 * ingest report, and the methods; results.json holds `c.results`. Pure: no
 * file is read or written (`renderReport` writes the document).
 *
 * @param c a computed study (`computeStudy`)
 * @param options lang, figureWidthCm, out
 * @returns the document
 * @example
 * const doc = studyDocument(await computeStudy(seqs, study), { lang: 'nl', figureWidthCm: 17 });
 * await renderReport(doc, 'out/study', { figures: { widthCm: 17, dpi: 300 } });
 */
export function studyDocument(c: StudyComputation, options: StudyDocumentOptions = {}): ReportDocument {
  const lang = options.lang ?? 'en';
  const study = c.study;
  const ctx: SectionContext = {
    c,
    lang,
    layout: figureLayout(options.figureWidthCm),
    label: (code) => codeLabel(study, lang, code),
    state: (code) => stateLabel(study, lang, code),
    cluster: (id) => {
      const g = c.naming.groups.find((x) => x.id === id);
      return `${id} ${g?.name ? studyText(g.name.label, lang) : c.medoidLabels[id]}`.trim();
    },
    suppressed: text('noteSuppressed', { k: study.minCell }),
    extraNote: (analysis) => {
      const note = study.file.notes?.[analysis as keyof NonNullable<typeof study.file.notes>];
      return note ? [literal(studyText(note, lang))] : [];
    },
  };
  const sections: Section[] = [
    summary(ctx, options.out),
    ...analysisSections(ctx, 'before'),
    ...clusterSections(ctx),
    ...explainSections(ctx),
    ...analysisSections(ctx, 'after'),
  ];
  const published = publishedComparison(ctx);
  if (published) sections.push(published);
  sections.push(dataSection(ctx), outputCheckSection(ctx), methodsSection(ctx));
  return {
    lang,
    title: literal(studyText(study.title, lang)),
    subtitle: text('subtitle', { n: c.panel.persons, k: c.typology.k }),
    sections,
    results: c.results,
    disclosureLog: c.disclosure.flatMap((d) => d.log),
  };
}

function summary(ctx: SectionContext, out: string | undefined): Section {
  const { c, lang } = ctx;
  const r = c.results;
  const blocks: Block[] = [];
  const source = c.study.file.source ? studyText(c.study.file.source, lang) : undefined;
  if (source) blocks.push(paragraph(literal(source)));
  const s = c.source;
  // files inside the output folder by their place there, others by their name only (no folder of the environment on the page)
  const shown = (p: string) => {
    const inside = out ? relative(out, p) : '';
    return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside.split(sep).join('/') : basename(p);
  };
  if (s.kind === 'simulated') {
    blocks.push(paragraph(text('sourceSimulated', { n: s.n, seed: s.seed })));
    if (s.persons && s.months) blocks.push(paragraph(text('sourceSimulatedFiles', { persons: shown(s.persons), months: shown(s.months) })));
  } else if (s.kind === 'files') blocks.push(paragraph(text(s.persons ? 'sourceFiles' : 'sourceFile', { persons: s.persons ? shown(s.persons) : '', months: shown(s.months) })));
  else blocks.push(paragraph(text('sourceMemory')));
  const items: Text[] = [text('summaryPersons', { n: r.n_persons, a: c.panel.minLength, b: c.panel.maxLength, first: c.panel.firstMonth, last: c.panel.lastMonth })];
  const jobs = [...(c.study.roles.paid ?? []), ...(c.study.roles.unpaid ?? [])];
  const none = c.study.roles.none ?? [];
  const end = String(c.studyMonths);
  for (const g of c.groupLevels) {
    const at = r.state_share[g]?.[end];
    if (!at || jobs.length === 0) continue;
    items.push(text(none.length ? 'summaryWorkingAtEnd' : 'summaryJobAtEnd', {
      group: g === 'all' ? text('everyone') : literal(g), m: end, w: pct(shareIn(at, jobs), lang), none: pct(shareIn(at, none), lang),
    }));
  }
  items.push(text('summaryClusters', {
    k: r.clusters.k, groups: literal(r.clusters.groups.map((g) => `${ctx.cluster(g.id)} (${pct(g.share_total, lang)}%)`).join(', ')),
  }));
  if (r.clusters.ari_vs_true_group !== null) items.push(text('summaryAri', { ari: r.clusters.ari_vs_true_group.toFixed(2) }));
  if (c.typology.algorithm === 'clara') items.push(text('summaryClara', { d: c.typology.items }));
  blocks.push(list(items));
  if (c.skipped.length > 0) {
    blocks.push(paragraph(text('notRunIntro')));
    blocks.push(list(c.skipped.map((x) => text('notRunItem', { analysis: text(analysisKey(x.analysis)), reason: literal(x.reason) }))));
  }
  if (c.warnings.length > 0) blocks.push(list(c.warnings.map((w) => literal(w))));
  return { id: 'summary', title: text('secSummary'), blocks };
}

/**
 * The share in some states from the published shares of a month: their sum,
 * or 1 minus the other states' when one of them is suppressed; NaN when
 * neither is published (so a suppressed share is never read as 0).
 */
function shareIn(at: Readonly<Record<string, number | null>>, states: readonly string[]): number {
  const sum = (list: readonly string[]) => list.reduce((a, x) => a + (at[x] ?? NaN), 0);
  const inside = sum(states);
  return Number.isFinite(inside) ? inside : 1 - sum(Object.keys(at).filter((x) => !states.includes(x)));
}

/** Catalogue key of an analysis's name. */
function analysisKey(a: string): TextKey {
  const keys = {
    stateShares: 'anStateShares', jobLoss: 'anJobLoss', timeToNewJob: 'anTimeToNewJob', retention: 'anRetention',
    ruleTypology: 'anRuleTypology', indexNumbers: 'anIndexNumbers', profiles: 'anProfiles', discrepancy: 'anDiscrepancy', tree: 'anTree',
  } as const;
  return keys[a as keyof typeof keys];
}

function dataSection(ctx: SectionContext): Section {
  const { c } = ctx;
  const blocks: Block[] = [];
  if (c.results.ingest) blocks.push(paragraph(text('ingestIntro')), preformatted(formatIngestReport(c.results.ingest)));
  else blocks.push(paragraph(text('sourceMemory')));
  const p = c.panel;
  const rows: [string, Text, number][] = [
    ['persons', text('itemPersons'), p.persons],
    ['weight_sum', text('itemWeightSum'), p.weightSum],
    ['months', text('itemMonths'), p.months],
    ['min_length', text('itemMinLength'), p.minLength],
    ['max_length', text('itemMaxLength'), p.maxLength],
    ['observed_cells', text('itemObserved'), p.observedCells],
    ['missing_cells', text('itemMissing'), p.missingCells],
    ...p.states.map((s): [string, Text, number] => [`state_${s.state}`, text('itemStateMonths', { state: ctx.state(s.state) }), s.cells]),
  ];
  const columns: Column[] = [
    { key: 'item', header: text('colItem'), values: rows.map((r) => r[0]), show: 'csv' },
    { key: 'label', header: text('colItem'), values: rows.map((r) => r[1]), show: 'page' },
    { key: 'value', header: text('colValue'), values: rows.map((r) => r[2]), format: { digits: 0 } },
  ];
  blocks.push(table({ name: 'panel', caption: text('capPanel'), columns }));
  for (const n of [...c.warnings, ...c.notes]) blocks.push(paragraph(literal(n)));
  return { id: 'data', title: text('secData'), blocks };
}

/**
 * The output check, as the checker at a remote-access desk asks for it: the
 * rules, the cells per rule, what the figures and typical sequences show,
 * and the log disclosure.csv.
 */
function outputCheckSection(ctx: SectionContext): Section {
  const { c } = ctx;
  const d = c.results.disclosure;
  const k = d.min_cell;
  const rules: [DisclosureRule, Text][] = [
    ['none', text('ruleNone')],
    ['primary', text('rulePrimary', { k })],
    ['dominance', text('ruleDominance', { d: Math.round(100 * d.dominance) })],
    ['secondary', text('ruleSecondary')],
    ...(d.round !== null ? [['rounded', text('ruleRounded', { r: d.round })] as [DisclosureRule, Text]] : []),
  ];
  const kinds = Object.values(c.medoidKinds);
  const blocks: Block[] = [
    paragraph(text('outputCheckIntro', { k })),
    table({
      name: 'output-check', caption: text('capOutputCheck'), columns: [
        { key: 'rule', header: text('colRule'), values: rules.map(([r]) => r) },
        { key: 'cells', header: text('colCells'), values: rules.map(([r]) => d.cells[r]), format: { digits: 0 } },
        { key: 'meaning', header: text('colMeaning'), values: rules.map(([, t]) => t) },
      ],
    }),
    list([
      text('outputCheckFigures', { k }),
      text('outputCheckMedoids', { k, e: kinds.filter((x) => x === 'exact').length, a: kinds.filter((x) => x === 'aggregate').length, x: kinds.filter((x) => x === null).length }),
      text('outputCheckIds'),
      text('outputCheckLog', { k }),
    ]),
  ];
  return { id: 'output-check', title: text('secOutputCheck'), blocks };
}

function methodsSection(ctx: SectionContext): Section {
  const { c, lang } = ctx;
  const typ = c.typology;
  const items: Text[] = [
    text(c.study.align === 'calendar' ? 'methodsSequencesCalendar' : 'methodsSequencesProcess', {
      a: c.panel.minLength, b: c.panel.maxLength,
      states: literal(c.sequences.alphabet.codes.map((s) => `${s} (${ctx.state(s)})`).join(', ')),
      roles: literal(Object.entries(c.study.roles).map(([role, states]) => `${role}: ${states.join(', ')}`).join('; ') || '–'),
    }),
    text('methodsTypology', {
      last: c.windowMonths - 1, method: literal(typ.method), k: typ.k,
      algorithm: text(typ.algorithm === 'clara' ? 'algoClara' : typ.algorithm === 'pam' ? 'algoPam' : typ.refine === 'pam' ? 'algoWardPam' : 'algoWard'),
    }),
  ];
  if (typ.costs && !movesDisclosable(c.window, c.study.minCell)) items.push(text('methodsCostsHidden', { k: c.study.minCell }));
  else if (typ.costs) {
    const sm = typ.costs;
    const n3 = (x: number) => x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    items.push(text('methodsCosts', {
      states: literal(sm.states.join(', ')),
      sm: literal(sm.states.map((s, i) => `${s}: ${sm.states.map((_, j) => n3(sm.sm[i * sm.nStates + j])).join('  ')}`).join('; ')),
    }));
  }
  if (c.study.names.length > 0) items.push(text('methodsNames'));
  else items.push(text('methodsMedoidNames'));
  if (c.ran.length > 0) items.push(text('methodsAnalyses', { list: literal(c.ran.map((a) => tText(ctx, analysisKey(a))).join(', ')) }));
  items.push(text('methodsDisclosure', { k: c.study.minCell, s: c.results.disclosure.suppressed_cells }));
  items.push(text('methodsSoftware'));
  return { id: 'methods', title: text('secMethods'), blocks: [list(items)] };
}

/** A catalogue text resolved now (for lists joined into one literal). */
function tText(ctx: SectionContext, key: Parameters<typeof text>[0]): string {
  return resolve(text(key), ctx.lang);
}

/** A share 0..1 as a whole percentage in the language. */
function pct(x: number | null | undefined, lang: Lang): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : Math.round(100 * x).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-US');
}
