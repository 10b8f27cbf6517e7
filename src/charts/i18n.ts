/** Languages chart titles and axis labels come in. */
export type Lang = 'en' | 'nl';

/** Every text a chart shows that is not data; `{name}` marks a placeholder. */
const TEXTS = {
  state: { en: 'State', nl: 'Toestand' },
  month: { en: 'Month', nl: 'Maand' },
  share: { en: 'Share', nl: 'Aandeel' },
  nAtRisk: { en: 'N at risk', nl: 'N in observatie' },
  missing: { en: 'missing', nl: 'ontbrekend' },
  channel: { en: 'channel', nl: 'kanaal' },
  group: { en: 'Group', nl: 'Groep' },
  cluster: { en: 'Cluster', nl: 'Cluster' },
  stateDistribution: { en: 'State distribution by month', nl: 'Verdeling over toestanden per maand' },
  indexPlot: { en: 'Sequence index plot', nl: 'Sequentie-indexplot' },
  sequences: { en: 'Sequences (n {n})', nl: 'Sequenties (n {n})' },
  sequencesAxis: { en: 'Sequences', nl: 'Sequenties' },
  binnedRows: {
    en: 'Each drawn row: the modal state of {k} sequences',
    nl: 'Elke rij: de modale toestand van {k} sequenties',
  },
  hiddenGroups: {
    en: '{g} group(s) of fewer than {k} not drawn',
    nl: '{g} groep(en) van minder dan {k} niet getekend',
  },
  suppressed: { en: 'not shown (< {k} persons)', nl: 'niet getoond (< {k} personen)' },
  sharedBy: { en: 'only sequences shared by at least {k} persons', nl: 'alleen sequenties van minstens {k} personen' },
  frequencyPlot: { en: '{k} most frequent sequences', nl: '{k} meest voorkomende sequenties' },
  cumulativePercent: { en: 'Cumulative % of sequences', nl: 'Cumulatief % van de sequenties' },
  meanTime: { en: 'Mean time in each state', nl: 'Gemiddelde tijd per toestand' },
  meanMonths: { en: 'Mean months', nl: 'Gemiddeld aantal maanden' },
  transitionRates: { en: 'Transition rates', nl: 'Overgangskansen' },
  fromState: { en: 'From state', nl: 'Van toestand' },
  toState: { en: 'To state', nl: 'Naar toestand' },
  rate: { en: 'Rate', nl: 'Kans' },
  modalState: { en: 'Modal state by month', nl: 'Modale toestand per maand' },
  shareModal: { en: 'Share in the modal state', nl: 'Aandeel in de modale toestand' },
  entropy: { en: 'Within-sequence entropy', nl: 'Entropie binnen de sequentie' },
  entropyValue: { en: 'Entropy', nl: 'Entropie' },
  count: { en: 'Number of sequences', nl: 'Aantal sequenties' },
  survival: { en: 'Kaplan-Meier survival', nl: 'Kaplan-Meier-overleving' },
  survivalProb: { en: 'Survival probability', nl: 'Overlevingskans' },
  cumIncidence: { en: 'Cumulative incidence', nl: 'Cumulatieve incidentie' },
  probability: { en: 'Probability', nl: 'Kans' },
  monthsSince: { en: 'Months since start', nl: 'Maanden sinds start' },
  event: { en: 'Event', nl: 'Gebeurtenis' },
  indexNumbers: { en: 'Index numbers (start = 100)', nl: 'Indexcijfers (start = 100)' },
  index: { en: 'Index', nl: 'Index' },
  measure: { en: 'Measure', nl: 'Maatstaf' },
  clusterQuality: { en: 'Cluster quality by number of clusters', nl: 'Clusterkwaliteit naar aantal clusters' },
  numberOfClusters: { en: 'Number of clusters (k)', nl: 'Aantal clusters (k)' },
  value: { en: 'Value', nl: 'Waarde' },
  statistic: { en: 'Statistic', nl: 'Maat' },
  clusterPanels: { en: 'Clusters: state distribution and index plot', nl: 'Clusters: verdeling en indexplot' },
  dendrogram: { en: 'Ward tree (top {k} branches)', nl: 'Ward-boom (bovenste {k} takken)' },
  height: { en: 'Height', nl: 'Hoogte' },
  size: { en: 'Size', nl: 'Omvang' },
  discrepancyTree: { en: 'Dissimilarity tree (global R2 = {r2})', nl: 'Verschillenboom (totale R2 = {r2})' },
  treeNode: { en: 'n = {n}, discrepancy {disc}', nl: 'n = {n}, discrepantie {disc}' },
  treeSuppressed: { en: 'fewer than {k} persons', nl: 'minder dan {k} personen' },
  representatives: { en: 'Representative sequences', nl: 'Representatieve sequenties' },
  representativeSuppressed: { en: 'shared by fewer than {k} persons: not shown', nl: 'gedeeld door minder dan {k} personen: niet getoond' },
  coverage: { en: 'coverage {pct}%', nl: 'dekking {pct}%' },
  nullModel: { en: 'Cluster quality against {model} null model', nl: 'Clusterkwaliteit tegen het nulmodel ({model})' },
  standardized: { en: 'Standardised value', nl: 'Gestandaardiseerde waarde' },
  observed: { en: 'observed', nl: 'waargenomen' },
  nullInterval: { en: 'null model {pct}% interval', nl: 'nulmodel {pct}%-interval' },
} as const satisfies Record<string, Record<Lang, string>>;

/** Key of a translatable chart text. */
export type TextKey = keyof typeof TEXTS;

/**
 * The text for `key` in `lang`, with `{name}` placeholders filled from `params`.
 *
 * @param lang 'en' or 'nl'
 * @param key a text key
 * @param params values for the placeholders
 * @example
 * chartText('nl', 'binnedRows', { k: 12 }); // 'Elke rij: de modale toestand van 12 sequenties'
 */
export function chartText(lang: Lang, key: TextKey, params: Readonly<Record<string, string | number>> = {}): string {
  const entry: Record<Lang, string> = TEXTS[key];
  const template = entry[lang] ?? entry.en;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatParam(lang, params[name]) : whole,
  );
}

function formatParam(lang: Lang, value: string | number): string {
  return typeof value === 'number' ? formatCount(value, lang) : value;
}

/**
 * A number formatted for the chart language, at most one decimal (25,000.5 or 25.000,5).
 *
 * @example
 * formatCount(25000, 'nl'); // '25.000'
 */
export function formatCount(v: number, lang: Lang): string {
  return v.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-US', { maximumFractionDigits: 1 });
}
