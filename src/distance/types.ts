import type { ProgressReporter } from '../progress.js';
import type { WarningReporter } from '../warnings.js';

/** The dissimilarity measures, named as in TraMineR's `seqdist`. */
export type DistanceMethod =
  | 'OM' | 'HAM' | 'DHD' | 'LCS' | 'LCP' | 'RLCP' | 'OMspell' | 'CHI2' | 'EUCLID' | 'TWED'
  | 'OMloc' | 'OMslen' | 'OMstran' | 'NMS' | 'NMSMST' | 'SVRspell';

/** Normalisations, named as in TraMineR's `seqdist(norm = ...)`. */
export type Normalization = 'none' | 'auto' | 'maxlength' | 'gmean' | 'maxdist' | 'YujianBo';

/** Ways to derive substitution costs from the data, named as in TraMineR's `seqcost`. */
export type CostMethod = 'CONSTANT' | 'TRATE' | 'INDELS' | 'INDELSLOG' | 'FUTURE' | 'FEATURES';

/** How `gowerDistances` compares one feature (cluster's `daisy` types). */
export type FeatureType = 'interval' | 'nominal' | 'ordratio' | 'logratio' | 'asymm' | 'symm';

/**
 * Features of the states, one value per state (TraMineR's `state.features`), from
 * which FEATURES costs are the Gower distances between the states.
 */
export interface StateFeatures {
  /** The states described, in any order; must cover the alphabet (and `*` with `withMissing`). */
  readonly states: readonly string[];
  readonly features: readonly StateFeature[];
}

/** One feature of the states: a value per state (null when unknown). */
export interface StateFeature {
  readonly name: string;
  readonly values: readonly (number | string | null)[];
  /** Default: interval for numbers, nominal for text. */
  readonly type?: FeatureType;
  /** Weight of the feature in the Gower distance (default 1). */
  readonly weight?: number;
}

/**
 * Substitution and indel costs over the states of a sequence set
 * (TraMineR's `seqcost` result: `$sm` and `$indel`).
 */
export interface SubstitutionCosts {
  /** State codes in matrix order; the missing state `*` comes last when costs include it. */
  readonly states: readonly string[];
  /** Number of states (matrix side). */
  readonly nStates: number;
  /** True when there is one matrix per month (time-varying costs, as DHD uses). */
  readonly timeVarying: boolean;
  /** Number of matrices: 1, or the number of months when time-varying. */
  readonly nSlices: number;
  /**
   * Row-major costs: the cost of substituting state i by state j in slice k is
   * `sm[k * nStates * nStates + i * nStates + j]`.
   */
  readonly sm: Float64Array;
  /** Indel cost: one number, or one per state. */
  readonly indel: number | Float64Array;
}

/** A user substitution matrix: rows and columns in alphabet order (missing last with `withMissing`). */
export type CostMatrix = readonly (readonly number[])[];

/** Options of `distances`, `distinctDistances` and `distancesToReferences`. */
export interface DistanceOptions {
  /** The measure (TraMineR `method`). */
  method: DistanceMethod;
  /**
   * Substitution costs: a method name computed on the data, a `substitutionCosts` result,
   * or a matrix. Required for OM, OMspell and TWED; HAM defaults to a constant 1, DHD to
   * time-varying TRATE; ignored by LCS, LCP, RLCP, CHI2, EUCLID.
   */
  sm?: CostMethod | SubstitutionCosts | CostMatrix;
  /**
   * Indel cost: a number, one per state, or `'auto'` (default): the cost that comes with a
   * cost method or `substitutionCosts` result, max(sm)/2 for a plain matrix, and
   * 2 max(sm) + nu + lambda for TWED.
   */
  indel?: number | readonly number[] | Float64Array | 'auto';
  /** Normalisation (default `'none'`); `'auto'` picks TraMineR's choice per method. */
  norm?: Normalization;
  /** Treat missing cells as an extra state (required when the data have gaps). Default false. */
  withMissing?: boolean;
  /** Use the case weights where TraMineR does (TRATE, INDELS, CHI2). Default true. */
  weighted?: boolean;
  /** OMspell: cost of a unit of spell-length difference (default 0.5); OMloc: cost of an indel in units of max(sm) (default 0.5). */
  expcost?: number;
  /** OMspell, NMSMST, SVRspell: exponent applied to spell lengths (default 1). */
  tpow?: number;
  /** CHI2/EUCLID: length of the intervals (default 1). */
  step?: number;
  /** CHI2/EUCLID: explicit intervals as 1-based inclusive [start, end] months; overrides step. */
  breaks?: readonly (readonly [number, number])[];
  /** CHI2/EUCLID: add intervals shifted by step/2 (step must be even). Default false. */
  overlap?: boolean;
  /** TWED: stiffness (required, > 0). */
  nu?: number;
  /** TWED: gap penalty (TraMineR's `h`, default 0.5). */
  lambda?: number;
  /** OMstran: weight of the state in a transition, in ]0, 1] (required). */
  otto?: number;
  /** OMstran: tokens also carry the previous state (default false). */
  previous?: boolean;
  /** OMstran: a last token repeats the last state, so no month is lost (default true). */
  addColumn?: boolean;
  /** OMstran: indel of a transition: constant (default), prob (1 - rate) or subcost (its substitution cost). */
  transindel?: 'constant' | 'prob' | 'subcost';
  /** OMloc: weight of the neighbouring states in an indel (default 1 - 2 expcost). */
  context?: number;
  /** OMslen: combine the two spell lengths of a substitution by their mean (default) or geometric mean. */
  link?: 'mean' | 'gmean';
  /** OMslen: exponent of the spell-length weight (default 0.5). TWED: the gap penalty when `lambda` is not given. */
  h?: number;
  /** NMS, SVRspell: state proximities (1 on the diagonal); NMS counts exact matches without it, SVRspell uses the identity. */
  prox?: CostMatrix;
  /** NMS, NMSMST, SVRspell: weight of the common subsequences of each length 1, 2, ... (default 1 for all; missing ones 0). */
  kweights?: number | readonly number[];
  /** TRATE and FUTURE costs: months between the two states of a transition (default 1; negative looks back). */
  lag?: number;
  /** FEATURES costs: the states' features. */
  stateFeatures?: StateFeatures;
  /** Worker threads for the OM engine (default: all cores). */
  threads?: number;
  /** Receives progress of the computation. */
  progress?: ProgressReporter;
  /** Refuse a full matrix larger than this many bytes (default 8 GiB), or larger than the machine's memory. */
  memoryBudgetBytes?: number;
  /** Receives warnings, e.g. a cost matrix that breaks the triangle inequality (default: a process warning). */
  warn?: WarningReporter;
}
