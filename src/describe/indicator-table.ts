import { OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import {
  complexity, durationSpread, recurrence, sequenceLength, spellCount, subsequenceCount, transitionCount,
  turbulence, visitedStates, volatility, withinEntropy,
} from './indicators.js';
import { positiveIntegration, positiveShare, positiveVolatility, type PositiveStateOptions } from './positive-states.js';
import { badness, degradation, insecurity, precarity, type DegradationOptions, type RankedStateOptions } from './precarity.js';

/** Every indicator of TraMineR's `seqindic`, in its column order, with its column name. */
export const INDICATORS = {
  lgth: 'Lgth', nonm: 'NonM', dlgth: 'Dlgth', visited: 'Visited', visitp: 'Visitp', recu: 'Recu',
  trans: 'Trans', transp: 'Transp', entr: 'Entr', meand: 'MeanD', dustd: 'Dustd', meand2: 'MeanD2', dustd2: 'Dustd2',
  nsubs: 'Nsubs', volat: 'Volat', cplx: 'Cplx', turb: 'Turb', turbn: 'Turbn', turb2: 'Turb2', turb2n: 'Turb2n',
  ppos: 'Ppos', nvolat: 'Nvolat', vpos: 'Vpos', integr: 'Integr',
  degrad: 'Degrad', bad: 'Bad', prec: 'Prec', insec: 'Insec',
} as const;

/** An indicator's name as `seqindic(indic = ...)` takes it. */
export type IndicatorName = keyof typeof INDICATORS;
/** An indicator's column name in `seqindic`'s result. */
export type IndicatorColumn = (typeof INDICATORS)[IndicatorName];

/** Groups of indicators (TraMineR's `indic = "basic"` and so on). */
export const INDICATOR_GROUPS: Readonly<Record<string, readonly IndicatorName[]>> = {
  basic: ['lgth', 'nonm', 'dlgth', 'visited', 'visitp', 'recu', 'trans', 'transp', 'meand', 'meand2'],
  diversity: ['visitp', 'entr', 'dustd', 'dustd2'],
  complexity: ['transp', 'nsubs', 'volat', 'cplx', 'turb', 'turbn', 'turb2', 'turb2n'],
  binary: ['ppos', 'nvolat', 'vpos', 'integr'],
  ranked: ['degrad', 'bad', 'prec', 'insec'],
};

const ALIASES: Readonly<Record<string, IndicatorName>> = { visit: 'visited', inpos: 'integr', prec2: 'insec' };

/** Options of `indicatorTable`, as `seqindic`'s arguments. */
export interface IndicatorTableOptions {
  /**
   * Indicators or groups (`all` = basic, diversity and complexity; `basic`, `diversity`,
   * `complexity`, `binary`, `ranked`); default TraMineR's: visited, trans, entr, cplx, turb2n.
   */
  indic?: readonly string[];
  /** Gaps as the state `'*'` (default false). */
  withMissing?: boolean;
  /** Weight of the visited states in Volat (default 0.5). */
  w?: number;
  /** The binary indicators' states and parameters (TraMineR `ipos.args`): posStates / negStates, pow (1), w (0.5). */
  positive?: Omit<PositiveStateOptions, 'withMissing'> & { pow?: number; w?: number };
  /**
   * The ranked indicators' ranking and parameters (TraMineR `prec.args`): stateOrder (default the
   * alphabet), stateEquiv, stprec, pow, penalized, weightType, borderEffect, otto, a, b, spow (0), bound.
   */
  ranked?: Omit<RankedStateOptions, 'withMissing'> &
    Pick<DegradationOptions, 'pow' | 'penalized' | 'weightType' | 'borderEffect' | 'weighted'> & {
      otto?: number; a?: number; b?: number; spow?: number; bound?: boolean;
    };
}

/** One row per sequence, one typed column per indicator. */
export interface IndicatorTable {
  /** Person ids, input order. */
  readonly ids: readonly string[];
  /** The columns computed, TraMineR's names in `seqindic`'s order. */
  readonly columns: readonly IndicatorColumn[];
  /** One value per sequence for each column. */
  readonly values: Readonly<Partial<Record<IndicatorColumn, Float64Array>>>;
}

/**
 * The indicators asked for, expanded from groups and aliases, in `seqindic`'s order.
 *
 * @example
 * resolveIndicators(['turb', 'binary']); // ['turb', 'ppos', 'nvolat', 'vpos', 'integr']
 */
export function resolveIndicators(indic: readonly string[]): IndicatorName[] {
  const wanted = new Set<IndicatorName>();
  const unknown: string[] = [];
  for (const raw of indic) {
    const name: string = ALIASES[raw] ?? raw;
    if (name === 'all') for (const g of ['basic', 'diversity', 'complexity']) INDICATOR_GROUPS[g].forEach((x) => wanted.add(x));
    else if (name in INDICATOR_GROUPS) INDICATOR_GROUPS[name].forEach((x) => wanted.add(x));
    else if (name in INDICATORS) wanted.add(name as IndicatorName);
    else unknown.push(raw);
  }
  if (unknown.length > 0) {
    throw new OptionsError('indic', `unknown indicator(s) ${unknown.join(', ')}; expected ${Object.keys(INDICATORS).join(', ')} or a group (all, ${Object.keys(INDICATOR_GROUPS).join(', ')})`);
  }
  return (Object.keys(INDICATORS) as IndicatorName[]).filter((x) => wanted.has(x));
}

/**
 * Per-sequence indicators with TraMineR's names (TraMineR `seqindic`;
 * Ritschard 2023, "Measuring the nature of individual sequences", Sociol.
 * Methods Res. 52(4)). Each column equals the function that defines it:
 *
 * | column | loopbaan |
 * |---|---|
 * | Lgth, NonM | `sequenceLength` (with / without gaps) |
 * | Dlgth, Visited, Visitp, Recu | `spellCount`, `visitedStates`, `recurrence` |
 * | Trans, Transp, Entr, Cplx | `transitionCount`, `withinEntropy`, `complexity` |
 * | MeanD, Dustd, MeanD2, Dustd2 | `durationSpread` (type 1, 2): mean and sqrt(variance) |
 * | Nsubs, Volat | `subsequenceCount`, `volatility` |
 * | Turb, Turbn, Turb2, Turb2n | `turbulence` (type 1, 2; normalised) |
 * | Ppos, Nvolat, Vpos, Integr | `positiveShare` (months, spells), `positiveVolatility`, `positiveIntegration` |
 * | Degrad, Bad, Prec, Insec | `degradation`, `badness`, `precarity`, `insecurity` (spow 0) |
 *
 * Weights only enter the transition rates of Prec (and of Degrad with a
 * rate-based method); censored sequences are measured on their observed length.
 *
 * @param seqs the sequences
 * @param options indic, withMissing, w, positive (TraMineR ipos.args), ranked (prec.args)
 * @returns ids, column names and one Float64Array per column
 * @example
 * const t = indicatorTable(seqs, { indic: ['visited', 'turb2n', 'binary'], positive: { posStates: ['employment'] } });
 * t.columns;          // ['Visited', 'Turb2n', 'Ppos', 'Nvolat', 'Vpos', 'Integr']
 * t.values.Turb2n![0];
 */
export function indicatorTable(seqs: StateSequences, options: IndicatorTableOptions = {}): IndicatorTable {
  const names = resolveIndicators(options.indic ?? ['visited', 'trans', 'entr', 'cplx', 'turb2n']);
  const withMissing = options.withMissing ?? false;
  const base = { withMissing };
  const positive = { ...options.positive, withMissing };
  const ranked = { ...options.ranked, withMissing };
  if (names.some((x) => INDICATOR_GROUPS.binary.includes(x)) && !positive.posStates && !positive.negStates) {
    throw new OptionsError('posStates', 'the binary indicators (ppos, nvolat, vpos, integr) need the positive states (or the negative ones)');
  }
  const spread = (type: 1 | 2) => durationSpread(seqs, { withMissing, type });
  const compute: Record<IndicatorName, () => Float64Array> = {
    lgth: () => sequenceLength(seqs),
    nonm: () => sequenceLength(seqs, { withMissing: false }),
    dlgth: () => spellCount(seqs, base),
    visited: () => visitedStates(seqs, base),
    visitp: () => visitedStates(seqs, { withMissing, proportion: true }),
    recu: () => recurrence(seqs, base),
    trans: () => transitionCount(seqs, base),
    transp: () => transitionCount(seqs, { withMissing, normalize: true }),
    entr: () => withinEntropy(seqs, base),
    meand: () => spread(1).mean,
    dustd: () => spread(1).variance.map(Math.sqrt),
    meand2: () => spread(2).mean,
    dustd2: () => spread(2).variance.map(Math.sqrt),
    nsubs: () => subsequenceCount(seqs, base),
    volat: () => volatility(seqs, { withMissing, w: options.w }),
    cplx: () => complexity(seqs, base),
    turb: () => turbulence(seqs, base),
    turbn: () => turbulence(seqs, { withMissing, normalize: true }),
    turb2: () => turbulence(seqs, { withMissing, type: 2 }),
    turb2n: () => turbulence(seqs, { withMissing, type: 2, normalize: true }),
    ppos: () => positiveShare(seqs, positive),
    nvolat: () => positiveShare(seqs, { ...positive, spells: true }),
    vpos: () => positiveVolatility(seqs, positive),
    integr: () => positiveIntegration(seqs, positive),
    degrad: () => degradation(seqs, ranked),
    bad: () => badness(seqs, ranked),
    prec: () => precarity(seqs, ranked),
    insec: () => insecurity(seqs, { ...ranked, spow: ranked.spow ?? 0 }),
  };
  const values: Partial<Record<IndicatorColumn, Float64Array>> = {};
  for (const name of names) values[INDICATORS[name]] = compute[name]();
  return { ids: seqs.ids, columns: names.map((x) => INDICATORS[x]), values };
}
