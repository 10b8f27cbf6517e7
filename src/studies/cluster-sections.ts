import { clusterPanels } from '../charts/clusterPanels.js';
import { clusterQualityPlot } from '../charts/clusterQualityPlot.js';
import { dendrogram } from '../charts/dendrogram.js';
import { QUALITY_INDICES } from '../cluster/quality.js';
import { figure, literal, paragraph, table, text, type Block, type Column, type Section, type Text } from '../report/document.js';
import type { SectionContext } from './document.js';
import { fit, panelWidth } from './layout.js';
import { relabelStates } from './states.js';
import { disclosableLeaves } from './tree-top.js';
import { profileTableName } from './compute.js';

/**
 * The sections of the typology: the clusters (chronogram and index plot per
 * cluster, how they are named, the top of the Ward tree, sizes and profiles,
 * one table per covariate subset with significance marks) and the cluster
 * quality (plot, why k, table).
 *
 * @example
 * sections.push(...clusterSections(ctx));
 */
export function clusterSections(ctx: SectionContext): Section[] {
  return [clustersSection(ctx), qualitySection(ctx)];
}

function clustersSection(ctx: SectionContext): Section {
  const { c, lang, layout } = ctx;
  const r = c.results;
  const typ = c.typology;
  const minCell = c.study.minCell;
  const window = relabelStates(c.window, Object.fromEntries(c.window.alphabet.codes.map((s) => [s, ctx.state(s)])));
  const ids = c.naming.groups.map((g) => g.id);
  const minSize = Math.min(...r.clusters.groups.map((g) => g.n ?? Infinity));
  const height = layout.print ? Math.round(layout.width / (layout.columns === 1 ? 2.4 : 5)) : 150;
  const maxRows = minCell > 1 ? Math.max(1, Math.min(height, Math.floor(minSize / minCell))) : height;
  const blocks: Block[] = [
    figure('clusters', (scale) => fit(layout, clusterPanels(window, Array.from(c.naming.ids, String), {
      lang, title: false, width: Math.round(scale * panelWidth(layout, 2)), height, maxRows, minCell, groupOrder: ids.map(String), stacked: layout.columns === 1, rowNote: !layout.print,
      clusterLabels: Object.fromEntries(ids.map((id) => [String(id), ctx.cluster(id)])),
    })), text(layout.print ? 'figClustersPrint' : 'figClusters', { k: typ.k, last: c.windowMonths - 1, m: minCell })),
    paragraph(text(c.study.names.length > 0 ? 'clusterNamesRule' : 'clusterNamesMedoid')),
  ];
  if (typ.tree) {
    const leaves = disclosableLeaves({ tree: typ.tree, rowItem: typ.rowItem }, { maxLeaves: 30, minLeaves: typ.k, minPersons: minCell });
    const coloured = typ.refine === 'none';
    const byCluster = new Map(c.naming.groups.map((g) => [g.cluster, g.id]));
    blocks.push(figure('ward-tree', (scale) => fit(layout, dendrogram(typ.tree!, {
      lang, title: false, leaves, width: Math.round(scale * panelWidth(layout, 1)), height: layout.print ? Math.round(layout.width / 2.6) : 260,
      ...(coloured ? { k: typ.k, clusterLabels: Array.from({ length: typ.k }, (_, i) => ctx.cluster(byCluster.get(i + 1)!)) } : {}),
    })), text('figWardTree', {
      m: leaves - 1, d: typ.items, k: minCell,
      colours: coloured ? text('figWardTreeColours', { g: typ.k }) : text('figWardTreeRefined'),
    })));
  } else {
    blocks.push(paragraph(text('noTreeClara')));
  }
  const g = r.clusters.groups;
  const levels = c.study.groupBy ? c.groupLevels : [];
  const endM = Math.min(c.studyMonths, c.sequences.t - 1);
  const states = c.sequences.alphabet.codes;
  const columns: Column[] = [
    { key: 'id', header: text('colCluster'), values: g.map((x) => x.id), show: 'csv' },
    { key: 'key', header: literal('key'), values: g.map((x) => x.key), show: 'csv' },
    { key: 'label', header: literal('label'), values: g.map((x) => x.label), show: 'csv' },
    { key: 'name', header: text('colCluster'), values: g.map((x) => ctx.cluster(x.id)), show: 'page' },
    { key: 'n', header: text('colPersons'), values: g.map((x) => x.n), format: { digits: 0 }, persons: g.map((x) => x.n) },
    { key: 'n_weighted', header: text('colWeighted'), values: g.map((x) => x.n_weighted), format: { digits: 1 }, show: hasWeights(ctx) ? 'both' : 'csv' },
    { key: 'share_total', header: text('colShareAll'), values: g.map((x) => x.share_total), format: { scale: 100, digits: 0 }, persons: g.map((x) => x.n) },
    ...levels.map((b): Column => ({ key: `share_${b}`, header: text('colShareOf', { b }), values: g.map((x) => x.share[b] ?? null), format: { scale: 100, digits: 0 } })),
    { key: 'pct_time_working', header: text('colTimeWorking'), values: g.map((x) => x.pct_time_working), format: { digits: 0 }, persons: g.map((x) => x.n) },
    { key: 'transitions_per_year', header: text('colChangesPerYear'), values: g.map((x) => x.profile.transitions_per_year), format: { digits: 1 } },
    ...Object.keys(g[0]?.profile ?? {}).filter((k) => k !== 'transitions_per_year').map((k): Column => ({ key: k, header: literal(k), values: g.map((x) => x.profile[k]), show: 'csv' })),
    ...states.map((s): Column => ({ key: `mean_months_${s}`, header: text('colMeanMonths', { state: ctx.state(s) }), values: g.map((x) => x.mean_time[s]), format: { digits: 1 } })),
    ...c.groupCellMeans.map((m): Column => ({
      key: `${m.attribute}_month_${endM}`, header: text('colMeanAt', { m: ctx.label(m.attribute), e: endM }),
      values: g.map((x) => x.means_at_end[m.attribute]), format: { digits: 2 },
    })),
    { key: 'medoid', header: text('colMedoid'), values: g.map((x) => x.medoid) },
  ];
  blocks.push(table({
    name: 'clusters', caption: text('capClusters'), columns,
    notes: [text('noteClusters', { jobs: literal([...(c.study.roles.paid ?? []), ...(c.study.roles.unpaid ?? [])].map(ctx.state).join(', ') || '–') }), ctx.suppressed, ...ctx.extraNote('clusters')],
  }));
  for (const p of c.profiles) blocks.push(...profileTables(ctx, p));
  return { id: 'clusters', title: text('secClusters', { k: typ.k }), blocks };
}

/** A profile table (covariates by cluster with marks) and its chi-square tests. */
function profileTables(ctx: SectionContext, t: SectionContext['c']['profiles'][number]): Block[] {
  const p = t.profiles;
  if (p.categorical.length === 0 && p.numeric.length === 0) return [];
  const within = Object.entries(t.within);
  const name = profileTableName(t.within);
  const rows: { covariate: string; level: string; values: number[]; significant: boolean[]; total: number; persons: number[] }[] = [];
  for (const c of p.categorical) {
    c.levels.forEach((l, li) => rows.push({
      covariate: c.covariate, level: l, values: c.pct.map((v) => v[li]), significant: c.significant.map((s) => s[li]), total: c.totalPct[li],
      persons: c.count.map((v) => v[li]),
    }));
  }
  for (const c of p.numeric) rows.push({ covariate: c.covariate, level: '', values: c.mean, significant: c.significant, total: c.totalMean, persons: c.persons });
  const cols = p.groups.map((x) => x.group);
  const columns: Column[] = [
    { key: 'covariate', header: literal('covariate'), values: rows.map((x) => x.covariate), show: 'csv' },
    { key: 'level', header: literal('level'), values: rows.map((x) => x.level), show: 'csv' },
    { key: 'characteristic', header: text('colCharacteristic'), values: rows.map((x) => (x.level ? `${ctx.label(x.covariate)}: ${ctx.label(x.level)}` : ctx.label(x.covariate))), show: 'page' },
    ...cols.flatMap((id, gi): Column[] => [
      {
        key: `cluster_${id}`, header: literal(ctx.cluster(Number(id))), values: rows.map((x) => x.values[gi]), format: { digits: 0 },
        marks: rows.map((x) => (x.significant[gi] ? '*' : null)), persons: rows.map((x) => x.persons[gi] ?? null),
      },
      { key: `cluster_${id}_significant`, header: literal(''), values: rows.map((x) => x.significant[gi]), show: 'csv' },
    ]),
    { key: 'total', header: text('total'), values: rows.map((x) => x.total), format: { digits: 0 } },
  ];
  const caption: Text = within.length
    ? text('capProfilesWithin', { within: literal(within.map(([k, v]) => `${ctx.label(k)} = ${ctx.label(v)}`).join(', ')) })
    : text('capProfiles');
  const blocks: Block[] = [table({ name, caption, columns, notes: [text('noteProfiles'), ctx.suppressed, ...ctx.extraNote('profiles')] })];
  if (p.categorical.length > 0) {
    const tests = p.categorical.map((c) => c.test);
    blocks.push(table({
      name: `${name}-tests`,
      caption: text('capProfileTests'),
      columns: [
        { key: 'covariate', header: text('colCharacteristic'), values: p.categorical.map((c) => c.covariate), show: 'csv' },
        { key: 'characteristic', header: text('colCharacteristic'), values: p.categorical.map((c) => ctx.label(c.covariate)), show: 'page' },
        { key: 'chi_square', header: literal('χ²'), values: tests.map((x) => x.statistic), format: { digits: 1 } },
        { key: 'df', header: literal('df'), values: tests.map((x) => x.df), format: { digits: 0 } },
        { key: 'p_value', header: literal('p'), values: tests.map((x) => x.pValue), format: { kind: 'p' } },
        { key: 'cramers_v', header: text('colCramersV'), values: tests.map((x) => x.cramersV), format: { digits: 3 } },
        { key: 'n', header: literal('n'), values: tests.map((x) => x.n), show: 'csv' },
      ],
      notes: [text('noteProfileTests')],
    }));
  }
  return blocks;
}

function qualitySection(ctx: SectionContext): Section {
  const { c, lang, layout } = ctx;
  const typ = c.typology;
  const range = { ks: typ.ks, quality: typ.quality };
  const best = typ.best;
  const digits = (q: string) => (q === 'CH' || q === 'CHsq' ? 1 : 3);
  const blocks: Block[] = [
    figure('cluster-quality', (scale) => fit(layout, clusterQualityPlot(range, {
      lang, title: false, highlightK: typ.k, width: Math.round(scale * panelWidth(layout, 3, 50) * (layout.print ? 1 : 0.9)), height: layout.print ? Math.round(layout.width / 5) : 120,
      columns: layout.print ? layout.columns : 3,
    })), text('figClusterQuality')),
    paragraph(whyK(ctx)),
    table({
      name: 'cluster-quality',
      caption: text('capClusterQuality'),
      columns: [
        { key: 'k', header: literal('k'), values: typ.ks.map((k) => k), format: { digits: 0 }, marks: typ.ks.map((k) => (k === typ.k ? ' ←' : null)) },
        ...QUALITY_INDICES.map((q): Column => ({
          key: q, header: literal(q), values: typ.quality.map((x) => x[q]), format: { digits: digits(q) },
          marks: typ.ks.map((k) => (best[q] === k ? ' ▲' : null)),
        })),
      ],
      notes: [text('noteClusterQuality'), text('noteQualityIndices'), ...(typ.qualitySample !== null ? [text('noteQualitySample', { n: typ.qualitySample, d: typ.items })] : [])],
    }),
  ];
  return { id: 'cluster-quality', title: text('secClusterQuality', { k: typ.k }), blocks };
}

/** Which k each index prefers, the chosen k's ASW with Kaufman and Rousseeuw's reading, and its ranks. */
function whyK(ctx: SectionContext): Text {
  const typ = ctx.c.typology;
  const byK = new Map<number, string[]>();
  for (const q of QUALITY_INDICES) byK.set(typ.best[q], [...(byK.get(typ.best[q]) ?? []), q]);
  const prefers = [...byK.entries()].sort((a, b) => a[0] - b[0]).map(([k, qs]) => `${qs.join(', ')}: k = ${k}`).join('; ');
  const r = typ.ks.indexOf(typ.k);
  const q = typ.quality[r];
  const rank = (index: 'ASW' | 'HC') => 1 + typ.quality.filter((x) => (index === 'HC' ? x.HC < q.HC : x[index] > q[index])).length;
  const structure = q.ASW > 0.7 ? 'structureStrong' : q.ASW > 0.5 ? 'structureReasonable' : q.ASW > 0.25 ? 'structureWeak' : 'structureNone';
  const n3 = (x: number) => x.toLocaleString(ctx.lang === 'nl' ? 'nl-NL' : 'en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return text('whyK', {
    prefers, k: typ.k, asw: n3(q.ASW), structure: text(structure), ra: rank('ASW'), n: typ.ks.length, hc: n3(q.HC), rh: rank('HC'), r2: n3(q.R2), pbc: n3(q.PBC),
  });
}

function hasWeights(ctx: SectionContext): boolean {
  const w = ctx.c.sequences.weights;
  for (let i = 0; i < w.length; i++) if (w[i] !== 1) return true;
  return false;
}
