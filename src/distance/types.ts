import { OptionsError } from '../errors.js';
import type { ProgressReporter } from '../progress.js';

/** The dissimilarity measures, named as in TraMineR's `seqdist`. */
export type DistanceMethod = 'OM' | 'HAM' | 'DHD' | 'LCS' | 'LCP' | 'RLCP' | 'OMspell' | 'CHI2' | 'EUCLID' | 'TWED';

/** Normalisations, named as in TraMineR's `seqdist(norm = ...)`. */
export type Normalization = 'none' | 'auto' | 'maxlength' | 'gmean' | 'maxdist' | 'YujianBo';

/** Ways to derive substitution costs from the data, named as in TraMineR's `seqcost`. */
export type CostMethod = 'CONSTANT' | 'TRATE' | 'INDELS' | 'INDELSLOG';

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
  /** OMspell: cost of a unit of spell-length difference (default 0.5). */
  expcost?: number;
  /** OMspell: exponent applied to spell lengths (default 1). */
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
  /** Worker threads for the OM engine (default: all cores). */
  threads?: number;
  /** Receives progress of the computation. */
  progress?: ProgressReporter;
  /** Refuse a full matrix larger than this many bytes (default 8 GiB). */
  memoryBudgetBytes?: number;
}

/** An option value that cannot work with the data or the other options. */
export class DistanceOptionsError extends OptionsError {
  constructor(message: string) {
    super(undefined, message);
    this.name = 'DistanceOptionsError';
  }
}
