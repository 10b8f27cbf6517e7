import { describe, expect, it } from 'vitest';
import * as charts from '../../src/charts/index.js';
import { clusterPanels } from '../../src/charts/clusterPanels.js';
import { clusterQualityPlot } from '../../src/charts/clusterQualityPlot.js';
import { dendrogram } from '../../src/charts/dendrogram.js';
import { entropyHistogram } from '../../src/charts/entropyHistogram.js';
import { frequencyPlot } from '../../src/charts/frequencyPlot.js';
import { indexNumberPlot } from '../../src/charts/indexNumberPlot.js';
import { indexPlot } from '../../src/charts/indexPlot.js';
import { meanTimePlot } from '../../src/charts/meanTimePlot.js';
import { modalStatePlot } from '../../src/charts/modalStatePlot.js';
import { stateDistributionPlot } from '../../src/charts/stateDistributionPlot.js';
import { cumulativeIncidencePlot, kaplanMeierPlot } from '../../src/charts/survivalPlot.js';
import { transitionRatePlot } from '../../src/charts/transitionRatePlot.js';
import { treePlot } from '../../src/charts/treePlot.js';
import { meanTime } from '../../src/describe/mean-time.js';
import { modalStates, stateDistribution } from '../../src/describe/state-distribution.js';
import { transitionRates } from '../../src/describe/transitions.js';
import { aalenJohansen, kaplanMeier } from '../../src/stats/survival.js';
import { smallTree } from '../explain/helpers.js';
import { jobcoachAlphabet, syntheticSequences } from './data.js';
import { colorEncodings, dataRows, markTypes, strings } from './helpers.js';

const { seqs, groups } = syntheticSequences(300, 36, 7);
const labels = [...jobcoachAlphabet.labels];

/** Every colour encoding on the state field uses the alphabet's labels and colours in order. */
function expectAlphabetColours(spec: unknown): void {
  const enc = colorEncodings(spec).filter((c) => c.field === 'state');
  expect(enc.length).toBeGreaterThan(0);
  for (const c of enc) {
    expect(c.scale?.domain?.slice(0, 4)).toEqual(labels);
    expect(c.scale?.range?.slice(0, 4)).toEqual([...jobcoachAlphabet.colors]);
  }
}

describe('sequence index plot', () => {
  it('draws borderless rects per run, coloured by the alphabet', () => {
    const spec = indexPlot(seqs, { maxRows: 1000, minCell: 1 });
    expect(markTypes(spec)).toEqual(['rect']);
    expectAlphabetColours(spec);
    const rows = dataRows(spec);
    // Without binning every sequence is one unit high: the top edge is n.
    expect(Math.max(...rows.map((r) => r.y2 as number))).toBe(seqs.n);
    expect(strings(spec)).toContain('Sequences (n = 300)');
    expect(dataRows(spec).every((r) => r.n === 1)).toBe(true);
  });

  it('aggregates rows above the pixel limit and says so', () => {
    const spec = indexPlot(seqs, { maxRows: 29, minCell: 1 });
    const tops = new Set(dataRows(spec).map((r) => r.y));
    expect(tops.size).toBeLessThanOrEqual(29);
    // 300 sequences in rows of ceil(300 / 29) = 11: 27 rows of 11 or 12, the last one too
    expect(strings(spec)).toContain('Each drawn row: the modal state of 11-12 sequences');
  });

  it('disclosure control: every drawn row, the last included, stands for at least minCell sequences', () => {
    const rowsOf = (spec: unknown) => new Map(dataRows(spec).map((r) => [`${r.panel}|${r.y}`, r.n as number]));
    for (const [maxRows, minCell] of [[1000, 10], [40, 10], [1000, 7], [13, 25]]) {
      const sizes = [...rowsOf(indexPlot(seqs, { maxRows, minCell })).values()];
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(minCell);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(seqs.n);
    }
    expect(strings(indexPlot(seqs))).toContain('Each drawn row: the modal state of 10 sequences');
    // groups of fewer than minCell are not drawn, and no size is shown: 293 of the 300 would give the other 7
    const small = Int32Array.from({ length: seqs.n }, (_, i) => (i < 7 ? 2 : 1));
    const spec = indexPlot(seqs, { groups: small });
    expect(new Set(dataRows(spec).map((r) => r.panel))).toEqual(new Set(['1']));
    expect(strings(spec).some((x) => /n = 293|n < 10/.test(x))).toBe(false);
    expect(strings(spec).some((x) => x.includes('1 group(s) of fewer than 10 not drawn'))).toBe(true);
  });

  it('facets by group and follows an explicit order', () => {
    const spec = indexPlot(seqs, { groups, lang: 'nl' }) as unknown as { facet: { field: string; sort: string[] } };
    expect(spec.facet.field).toBe('panel');
    expect(spec.facet.sort.length).toBe(new Set(groups).size);
    expect(strings(spec)).toContain('Sequentie-indexplot');
    // Reverse data order: the last row is drawn at the bottom.
    const order = Array.from({ length: seqs.n }, (_, i) => seqs.n - 1 - i);
    const bottom = dataRows(indexPlot(seqs, { order, maxRows: 1000 })).filter((r) => r.y === 0);
    const last = seqs.codes[(seqs.n - 1) * seqs.t];
    expect(bottom[0].state).toBe(labels[last]);
    expect(() => indexPlot(seqs, { groups: [1, 2] })).toThrow(/one per sequence/);
  });
});

describe('state distribution plot', () => {
  it('stacks the stateDistribution shares to 1 with N at risk under each panel', () => {
    const spec = stateDistributionPlot(seqs, { groups });
    expectAlphabetColours(spec);
    const rects = dataRows(spec).filter((r) => r.state !== undefined);
    const d = stateDistribution(seqs);
    const allSpec = stateDistributionPlot(seqs);
    const month0 = dataRows(allSpec).filter((r) => r.x === -0.5 && r.state !== undefined);
    expect(month0.map((r) => r.y2 as number).at(-1)).toBeCloseTo(1, 6);
    const work = month0.find((r) => r.state === 'work with jobcoach')!;
    const s = jobcoachAlphabet.codes.indexOf('work_jc');
    expect((work.y2 as number) - (work.y as number)).toBeCloseTo(d.frequencies[s * d.t], 6);
    expect(rects.length).toBeGreaterThan(0);
    const risk = dataRows(allSpec).filter((r) => r.n !== undefined);
    expect(risk[0]).toMatchObject({ x: 0, n: '300', row: 'N at risk' });
  });

  it('translates titles and axes', () => {
    const s = strings(stateDistributionPlot(seqs, { lang: 'nl' }));
    expect(s).toContain('Verdeling over toestanden per maand');
    expect(s).toContain('Aandeel');
    expect(s).toContain('Maanden sinds start'); // process time: one axis title for every month axis
    expect(s).toContain('N in observatie');
    expect(strings(stateDistributionPlot(seqs, { title: false }))).not.toContain('State distribution by month');
  });
});

describe('describe charts', () => {
  it('frequency plot: top-k bars as high as their share, cumulative %', () => {
    const spec = frequencyPlot(seqs, { top: 5, minCell: 1 });
    expectAlphabetColours(spec);
    const ys = [...new Set(dataRows(spec).map((r) => r.y2 as number))];
    expect(ys.length).toBe(5);
    expect(Math.max(...ys)).toBeLessThanOrEqual(100);
    expect(strings(spec)).toContain('5 most frequent sequences');
  });

  it('frequency plot: only sequences shared by at least minCell persons', async () => {
    const { createSequences } = await import('../../src/sequences/create.js');
    // 12 persons share the first sequence, 3 the second
    const codes = new Uint8Array(15 * 3);
    for (let i = 12; i < 15; i++) codes.fill(2, i * 3, i * 3 + 3);
    const few = createSequences({ alphabet: jobcoachAlphabet, n: 15, t: 3, codes });
    const rows = dataRows(frequencyPlot(few));
    expect(rows.map((r) => [r.state, r.n])).toEqual([['trial placement', 12]]);
    expect(strings(frequencyPlot(few))).toContain('only sequences shared by at least 10 persons');
    expect(dataRows(frequencyPlot(few, { minCell: 1 })).map((r) => r.n)).toEqual([12, 3]);
  });

  it('modal state plot draws modalStates', () => {
    const spec = modalStatePlot(seqs);
    const m = modalStates(seqs);
    const rows = dataRows(spec);
    expect(rows.length).toBe(seqs.t);
    expect(rows[5].share).toBeCloseTo(m.frequencies[5], 6);
    expect(rows[5].state).toBe(labels[m.codes[5]]);
    expectAlphabetColours(spec);
  });

  it('mean time plot shows meanTime per state and group', () => {
    const spec = meanTimePlot(seqs, { groups });
    const m = meanTime(seqs);
    const all = dataRows(meanTimePlot(seqs));
    expect(all.map((r) => r.months)).toEqual(Array.from(m.mean, (v) => Math.round(v * 1e4) / 1e4));
    expect(markTypes(spec)).toEqual(['bar', 'text']);
    expectAlphabetColours(spec);
  });

  it('transition heatmap holds every from-to rate', () => {
    const spec = transitionRatePlot(seqs, { lang: 'nl' });
    const rates = transitionRates(seqs);
    const rows = dataRows(spec);
    expect(rows.length).toBe(16);
    expect(rows[1]).toMatchObject({ from: labels[0], to: labels[1] });
    expect(rows[1].rate).toBeCloseTo(rates.rates[1], 4);
    expect(strings(spec)).toEqual(expect.arrayContaining(['Overgangskansen', 'Van toestand', 'Naar toestand']));
  });

  it('entropy histogram bins all (weighted) sequences', () => {
    const spec = entropyHistogram(seqs, { bins: 10 });
    const rows = dataRows(spec);
    expect(rows.length).toBe(10);
    expect(rows.reduce((a, r) => a + (r.count as number), 0)).toBeCloseTo(seqs.n, 6);
  });
});

describe('survival and index charts', () => {
  const time = [1, 2, 2, 3, 5, 8, 8, 9];
  const event = [1, 0, 1, 1, 0, 1, 1, 0];
  it('Kaplan-Meier: steps from S(0) = 1 with bands and an at-risk table', () => {
    const spec = kaplanMeierPlot([{ name: 'all', curve: kaplanMeier(time, event) }], { lang: 'nl' });
    const rows = dataRows(spec);
    expect(rows[0]).toMatchObject({ time: 0, value: 1 });
    expect(markTypes(spec)).toEqual(['area', 'line', 'text']);
    const line = JSON.stringify(spec);
    expect(line).toContain('"interpolate":"step-after"');
    expect(rows.filter((r) => r.row === 'all')[0].n).toBe('8');
    expect(strings(spec)).toContain('Overlevingskans');
  });

  it('Kaplan-Meier: a curve ends at its last time, not at the end of the axis', () => {
    const long = kaplanMeier(time, event);
    const short = kaplanMeier([1, 2, 3], [1, 0, 1]); // e.g. the part disclosure control lets through
    const spec = kaplanMeierPlot([{ name: 'long', curve: long }, { name: 'short', curve: short }], { nAtRisk: false });
    const last = (name: string) => Math.max(...dataRows(spec).filter((r) => r.name === name).map((r) => r.time as number));
    expect(last('long')).toBe(9);
    expect(last('short')).toBe(3);
  });

  it('cumulative incidence: one colour per cause, starting at 0', () => {
    const cause = [1, 0, 2, 1, 0, 1, 2, 0];
    const spec = cumulativeIncidencePlot([{ name: 'all', curve: aalenJohansen(time, cause, 2) }], { causeLabels: ['job', 'other'], bands: false });
    expect(markTypes(spec)).toEqual(['line', 'text']);
    const rows = dataRows(spec).filter((r) => r.value !== undefined);
    expect(rows.filter((r) => r.time === 0).map((r) => r.value)).toEqual([0, 0]);
    expect(colorEncodings(spec)[0].scale?.domain).toEqual(['job', 'other']);
  });

  it('index numbers: one panel per group, a reference line at 100', () => {
    const spec = indexNumberPlot([
      { measure: 'wage', group: 'Wajong', time: [0, 12], index: [100, 110] },
      { measure: 'wage', group: 'WGA', time: [0, 12], index: [100, NaN] },
    ]) as unknown as { facet: { field: string } };
    expect(spec.facet.field).toBe('group');
    expect(markTypes(spec)).toEqual(['line', 'rule']);
    expect(dataRows(spec)[3].index).toBeNull();
  });
});

describe('cluster charts', () => {
  // Hand-made tree of 5 observations: {1,2} at 1, {4,5} at 2, {3,{4,5}} at 3, all at 10.
  const tree = { n: 5, merge: Int32Array.from([-1, -2, -4, -5, -3, 2, 1, 3]), height: Float64Array.from([1, 2, 3, 10]) };

  it('dendrogram: top branches as leaves with sizes, clusters coloured as cutree numbers them', () => {
    const spec = dendrogram(tree, { leaves: 2, k: 2 });
    const segs = dataRows(spec).filter((r) => r.x !== undefined);
    expect(segs.length).toBe(3); // one merge: two stems and the bar
    const axis = JSON.stringify(spec);
    expect(axis).toContain('[\\"2\\",\\"3\\"]'); // leaf sizes, left then right
    expect(segs.map((s) => s.cluster)).toEqual(['1', '2', '']);
    expect(dataRows(spec).find((r) => r.cut !== undefined)!.cut).toBe(6.5);
    const full = dendrogram(tree);
    expect(dataRows(full).length).toBe(12);
    expect(() => dendrogram(tree, { leaves: 2, k: 3 })).toThrow(/k: must be/);
  });

  it('cluster quality: one panel per index, the chosen k marked, z-scores centred', () => {
    const range = { ks: [2, 3, 4], quality: [{ ASW: 0.3, HC: 0.2 }, { ASW: 0.5, HC: 0.1 }, { ASW: 0.4, HC: 0.15 }] };
    const spec = clusterQualityPlot(range, { highlightK: 3 }) as unknown as { concat: unknown[] };
    expect(spec.concat.length).toBe(2);
    expect(markTypes(spec)).toEqual(['line', 'rule', 'line', 'rule']);
    const z = dataRows(clusterQualityPlot(range, { normalize: 'zscore' })).filter((r) => r.stat === 'ASW');
    expect(z.reduce((a, r) => a + (r.value as number), 0)).toBeCloseTo(0, 6);
  });

  it('cluster panels: a chronogram and an index plot per cluster', () => {
    const spec = clusterPanels(seqs, groups, { clusterLabels: { '1': 'quick' }, minCell: 1 }) as unknown as { vconcat: { hconcat: unknown[] }[] };
    expect(spec.vconcat.length).toBe(new Set(groups).size);
    for (const row of spec.vconcat) expect(row.hconcat.length).toBe(2);
    expect(strings(spec).some((s) => s.startsWith('quick (n = '))).toBe(true);
    expectAlphabetColours(spec);
  });

  it('cluster panels under disclosure control: small clusters left out, shares and N resting on few persons not shown', () => {
    const sizes = new Map<number, number>();
    for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
    const spec = clusterPanels(seqs, groups) as unknown as { vconcat: unknown[] };
    expect(spec.vconcat.length).toBe([...sizes.values()].filter((n) => n >= 10).length);
    const rows = dataRows(spec);
    // index rows of at least 10 sequences; N at risk never a number below 10
    expect(rows.filter((r) => r.y2 !== undefined && r.n !== undefined).every((r) => (r.n as number) >= 10)).toBe(true);
    const risk = rows.filter((r) => typeof r.n === 'string').map((r) => r.n as string);
    expect(risk.every((n) => n === '< 10' || Number(n.replace(/,/g, '')) >= 10)).toBe(true);
    expect(rows.some((r) => r.state === '< 10 persons')).toBe(true);
  });
});

describe('adapters of labour results', () => {
  it('stateSharesPlot draws stateSharesByMonth per group with its N at risk', async () => {
    const aq = await import('arquero');
    const { stateSharesByMonth } = await import('../../src/labour/shares.js');
    const { createSequences } = await import('../../src/sequences/create.js');
    const benefit = Array.from({ length: seqs.n }, (_, i) => (i % 5 === 0 ? 'WGA' : 'Wajong'));
    const withBenefit = createSequences({ ...seqs, codes: seqs.codes.slice(), covariates: aq.table({ id: [...seqs.ids], benefit }) });
    const shares = stateSharesByMonth(withBenefit, { by: 'benefit' });
    const spec = charts.stateSharesPlot(jobcoachAlphabet, shares, { lang: 'nl' });
    // the panel title: the group's name, and n on its own line; N at risk below 10 persons is not shown, and
    // then no group's sizes are (the others' N and the total would give it)
    const titles = strings(spec).filter((s) => /^\(n = /.test(s));
    const risk = dataRows(spec).filter((r) => typeof r.n === 'string').map((r) => r.n as string);
    const hidden = shares.groups.some((g) => g.atRisk.some((n) => n > 0 && n < 10));
    expect(hidden ? [titles, risk] : [titles.length, risk.includes('< 10')]).toEqual(hidden ? [[], []] : [shares.groups.length, false]);
    if (!hidden) expect(titles).toEqual(shares.groups.map((g) => `(n = ${Math.max(...g.atRiskWeighted)})`));
    expectAlphabetColours(spec);
  });

  it('indexSeriesFrom places each bin at its first month', () => {
    const s = charts.indexSeriesFrom({ outcome: 'hourly_wage', bins: [{ from: 0, to: 5, label: '0-5' }, { from: 6, to: 11, label: '6-11' }], index: [100, 104], lower: [100, 101], upper: [100, 107] }, 'wage', 'WGA');
    expect(s).toEqual({ measure: 'wage', group: 'WGA', time: [0, 6], index: [100, 104], lower: [100, 101], upper: [100, 107] });
  });
});

describe('tree chart', () => {
  it('each node with its label, size and discrepancy; sizes disclosure control suppresses read –, small nodes have no distribution', async () => {
    const { seqs, tree } = await smallTree();
    const texts = dataRows(treePlot(seqs, tree, { minCell: 10 })).map((r) => r.text).filter((t) => typeof t === 'string');
    expect(texts).toContain('Root');
    expect(texts).toContain('g [ small ]');
    expect(texts.filter((t) => /^n = /.test(t as string))).toEqual(['n = 15, discrepancy 0.542', 'n = –, discrepancy 0.139', 'n = –, discrepancy –']);
    expect(texts).toContain('fewer than 10 persons');
    const open = dataRows(treePlot(seqs, tree, { minCell: 1, lang: 'nl' })).map((r) => r.text);
    expect(open).toContain('n = 3, discrepantie 0');
  });

  it('narrow nodes (print on one column): covariate, value, size and discrepancy a line each, closer together', async () => {
    const { seqs, tree } = await smallTree();
    const spec = treePlot(seqs, tree, { minCell: 1, nodeWidth: 60 });
    const rows = dataRows(spec).filter((r) => typeof r.text === 'string');
    const small = rows.find((r) => r.text === '[ small ]')!;
    const above = rows.filter((r) => r.x === small.x && (r.y as number) < (small.y as number) + 50).sort((a, b) => (a.y as number) - (b.y as number));
    expect(above.map((r) => r.text)).toEqual(['g', '[ small ]', 'n = 3', 'disc. 0']);
    expect(above.map((r) => (r.y as number) - (above[0].y as number))).toEqual([0, 15, 30, 45]);
    expect((spec as { width: number }).width).toBe(2 * 60 + 16);
  });
});
