import type { Lang } from '../charts/i18n.js';
import { QUALITY_INDICES } from '../cluster/quality.js';
import type { ReportFiles } from './output.js';
import type { PanelSummary } from './panel-summary.js';
import { fill, formatNumber, label, pick } from './texts.js';
import type { SequenceTypology } from './typology.js';

/**
 * The cluster-quality table (every index for every k of the range, the k
 * each index prefers marked) as `tables/cluster-quality.csv` and HTML.
 *
 * @example
 * html += await qualityTable(files, typology, 'en');
 */
export async function qualityTable(out: ReportFiles, typ: SequenceTypology, lang: Lang): Promise<string> {
  const { ks, quality, best } = typ.range;
  const digits = (q: string) => (q === 'CH' || q === 'CHsq' ? 1 : 3);
  return out.table({
    name: 'cluster-quality',
    caption: pick(lang, { en: 'Cluster quality by k (WeightedCluster indices)', nl: 'Clusterkwaliteit naar k (WeightedCluster-maten)' }),
    csv: { k: [...ks], ...Object.fromEntries(QUALITY_INDICES.map((q) => [q, quality.map((x) => x[q])])) },
    display: {
      k: ks.map((k) => (k === typ.k ? `${k} ←` : String(k))),
      ...Object.fromEntries(QUALITY_INDICES.map((q) => [q, quality.map((x, r) => `${formatNumber(x[q], lang, digits(q))}${best[q] === ks[r] ? ' ▲' : ''}`)])),
    },
    numeric: ['k', ...QUALITY_INDICES],
    notes: [
      pick(lang, {
        en: '▲ = the best k by that index (the lowest for HC, the highest for the others); ← = the chosen k. Computed on the clustered sequences with their weights.',
        nl: '▲ = de beste k volgens die maat (de laagste voor HC, de hoogste voor de andere); ← = de gekozen k. Berekend op de geclusterde sequenties met hun gewichten.',
      }),
      pick(lang, {
        en: 'PBC point biserial correlation, HG Hubert\'s gamma, HGSD its Somers\' D variant, ASW average silhouette width (ASWw with weights), CH Calinski-Harabasz pseudo F, R2 share of discrepancy explained (sq: on squared distances), HC Hubert\'s C (lower is better).',
        nl: 'PBC punt-biseriële correlatie, HG Huberts gamma, HGSD de Somers-D-variant, ASW gemiddelde silhouetbreedte (ASWw met gewichten), CH pseudo-F van Calinski-Harabasz, R2 verklaard deel van de discrepantie (sq: op gekwadrateerde afstanden), HC Huberts C (lager is beter).',
      }),
    ],
  });
}

/**
 * Why k: which k each index prefers, the chosen k's ASW (with Kaufman and
 * Rousseeuw's reading: above 0.70 strong, 0.51-0.70 reasonable, 0.26-0.50
 * weak structure) and its rank by ASW and HC over the range, and the reason given.
 *
 * @param typ the typology
 * @param lang report language
 * @param reason why this k, e.g. "the study's four groups"
 * @example
 * paragraph(qualityText(typology, 'en', "the study's four groups"));
 */
export function qualityText(typ: SequenceTypology, lang: Lang, reason: string): string {
  const { ks, quality, best } = typ.range;
  const byK = new Map<number, string[]>();
  for (const q of QUALITY_INDICES) byK.set(best[q], [...(byK.get(best[q]) ?? []), q]);
  const prefers = [...byK.entries()].sort((a, b) => a[0] - b[0]).map(([k, qs]) => `${qs.join(', ')}: k = ${k}`).join('; ');
  const r = ks.indexOf(typ.k);
  const q = quality[r];
  const rank = (index: 'ASW' | 'HC') => 1 + quality.filter((x) => (index === 'HC' ? x.HC < q.HC : x[index] > q[index])).length;
  const asw = q.ASW;
  const structure = asw > 0.7 ? ['strong', 'sterke'] : asw > 0.5 ? ['reasonable', 'redelijke'] : asw > 0.25 ? ['weak', 'zwakke'] : ['no substantial', 'geen wezenlijke'];
  const n3 = (x: number) => formatNumber(x, lang, 3);
  return fill(
    pick(lang, {
      en: 'The indices prefer: {prefers}. At k = {k}: ASW = {asw} ({structure} structure by Kaufman and Rousseeuw\'s reading; rank {ra} of {n} by ASW), HC = {hc} (rank {rh} by HC), R2 = {r2}, PBC = {pbc}. k = {k} is chosen because of {reason}, with quality close to the best of the range.',
      nl: 'De maten geven de voorkeur aan: {prefers}. Bij k = {k}: ASW = {asw} ({structure} structuur volgens Kaufman en Rousseeuw; plaats {ra} van {n} naar ASW), HC = {hc} (plaats {rh} naar HC), R2 = {r2}, PBC = {pbc}. k = {k} is gekozen vanwege {reason}, met een kwaliteit dicht bij de beste van het bereik.',
    }),
    {
      prefers, k: typ.k, asw: n3(asw), structure: lang === 'nl' ? structure[1] : structure[0], ra: rank('ASW'), n: ks.length,
      hc: n3(q.HC), rh: rank('HC'), r2: n3(q.R2), pbc: n3(q.PBC), reason,
    },
  );
}

/**
 * The panel in numbers (persons, months, follow-up, person-months per state)
 * as `tables/panel.csv` and HTML.
 *
 * @example
 * html += await panelTable(files, summarisePanel(seqs), 'nl');
 */
export async function panelTable(out: ReportFiles, panel: PanelSummary, lang: Lang): Promise<string> {
  const T = (en: string, nl: string) => pick(lang, { en, nl });
  const rows: [string, string, number][] = [
    ['persons', T('persons', 'personen'), panel.persons],
    ['weight_sum', T('sum of weights', 'som van de gewichten'), panel.weightSum],
    ['months', T('month columns', 'maandkolommen'), panel.months],
    ['min_length', T('shortest follow-up (months)', 'kortste observatie (maanden)'), panel.minLength],
    ['max_length', T('longest follow-up (months)', 'langste observatie (maanden)'), panel.maxLength],
    ['observed_cells', T('person-months observed', 'geobserveerde persoonsmaanden'), panel.observedCells],
    ['missing_cells', T('person-months missing (gaps)', 'ontbrekende persoonsmaanden (gaten)'), panel.missingCells],
    ...panel.states.map((s): [string, string, number] => [`state_${s.state}`, `${T('person-months', 'persoonsmaanden')}: ${label(lang, s.state)}`, s.cells]),
  ];
  return out.table({
    name: 'panel',
    caption: T('The panel in numbers', 'Het panel in cijfers'),
    csv: { item: rows.map((r) => r[0]), value: rows.map((r) => r[2]) },
    display: { [T('item', 'onderdeel')]: rows.map((r) => r[1]), [T('value', 'waarde')]: rows.map((r) => formatNumber(r[2], lang, Number.isInteger(r[2]) ? 0 : 1)) },
  });
}
